/// The `indications` section: each disease's product, time to dropout and bridging therapy.
enum IndicationsSection {
    static let keys = ["product", "time_to_dropout", "bridging_probability", "bridging_factor"]
    /// How much bridging may lengthen the remaining time to dropout: at most a hundredfold.
    static let bridgingFactorRange = 1.0...100

    /// Every indication that decoded, in file order; reports an empty section and products
    /// that are not defined.
    static func read(_ reader: NodeReader, names: NameTable) -> [Decoded<IndicationSpec>] {
        guard let entries = reader.namedEntries() else { return [] }
        if entries.isEmpty { reader.report("expected at least one indication") }
        return entries.compactMap { entry in
            read(entry, names: names).map { Decoded(spec: $0, entry: entry) }
        }
    }

    private static func read(_ entry: NamedEntry, names: NameTable) -> IndicationSpec? {
        guard let indication = entry.value.mapping(allowedKeys: keys) else { return nil }
        let product = indication.required("product")?.reference(to: "product", among: names.products)
        let dropoutReader = indication.optional("time_to_dropout")
        let dropout = dropoutReader?.distribution(of: .duration)
        let bridging = indication.optional("bridging_probability")?.probability() ?? 0
        let factor = indication.optional("bridging_factor")?.double(in: bridgingFactorRange) ?? 1
        guard let product, dropoutReader == nil || dropout != nil else { return nil }
        return IndicationSpec(name: entry.name, product: product, timeToDropout: dropout,
                              bridgingProbability: bridging, bridgingFactor: factor)
    }
}
