/// The `demand` section: `factor`, `growth_per_year`, `surges` (reference:
/// `Scenarios/README.md`, "demand").
enum DemandSection {
    static let keys = ["factor", "growth_per_year", "surges"]
    static let surgeKeys = ["from", "for", "factor"]

    /// The demand, nil after a problem (reported).
    static func read(_ reader: NodeReader) -> DemandSpec? {
        guard let demand = reader.mapping(allowedKeys: keys) else { return nil }
        let factor = demand.optional("factor").map { $0.double(in: 0...1000) } ?? 1
        let growth = demand.optional("growth_per_year").map { $0.change() } ?? 0
        let surges = demand.optional("surges").map { list in
            list.list { item -> DemandSpec.Surge? in
                guard let surge = item.mapping(allowedKeys: surgeKeys) else { return nil }
                let window = surge.timeWindow()
                let factor = surge.required("factor")?.double(in: 0...1000)
                guard let window, let factor else { return nil }
                return .init(window: window, factor: factor)
            }
        } ?? []
        guard let factor, let growth, let surges else { return nil }
        return DemandSpec(factor: factor, growthPerYear: growth, surges: surges)
    }
}
