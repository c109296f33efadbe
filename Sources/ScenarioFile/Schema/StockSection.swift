import SimKernel
import SimRandom

/// A plant's `stock`: consumables batches take, each with its replenishment policy
/// (reference: `Scenarios/README.md`, "Stock").
///
/// ```yaml
/// stock:
///   vector:
///     initial: 12
///     reorder: {point: 6, quantity: 12}
///     lead_time: {lognormal: {median: 21d, p90: 35d}}
///     release_failure: 5%
///     disruptions: [{from: 300d, for: 60d}]
/// ```
enum StockSection {
    static let key = "stock"
    static let itemKeys = ["products", "per_batch", "initial", "reorder", "deliveries", "lead_time",
                           "release_failure", "disruptions"]
    static let reorderKeys = ["point", "quantity"]
    static let deliveryKeys = ["every", "quantity", "from"]
    static let windowKeys = ["from", "for"]
    /// The most units of any quantity (stock levels stay exact and far from overflow).
    static let maximumUnits = 1_000_000_000

    /// The items in file order; nil after a problem (reported).
    static func read(_ reader: NodeReader, names: NameTable) -> [StockItemSpec]? {
        reader.namedEntries { read($0, names: names) }
    }

    private static func read(_ entry: NamedEntry, names: NameTable) -> StockItemSpec? {
        guard let item = entry.value.mapping(allowedKeys: itemKeys) else { return nil }
        let products = item.optional("products").map { $0.list { $0.reference(to: "product", among: names.products) } }
        let perBatch = item.optional("per_batch").map { $0.int(in: 1...maximumUnits) } ?? 1
        let initial = item.required("initial")?.int(in: 0...maximumUnits)
        let replenishment = readReplenishment(item)
        let leadTime = item.optional("lead_time").map { $0.distribution(of: .duration) }
        let releaseFailure = item.optional("release_failure").map { $0.probability() } ?? 0
        let disruptions = item.optional("disruptions").map { list in
            list.list { $0.mapping(allowedKeys: windowKeys)?.timeWindow() }
        }
        guard let perBatch, let initial, let replenishment, let releaseFailure,
              products.map({ $0 != nil }) ?? true, leadTime.map({ $0 != nil }) ?? true,
              disruptions.map({ $0 != nil }) ?? true else { return nil }
        if case .reorder = replenishment, leadTime == nil {
            item.reader.report("a stock replenished by 'reorder' needs a 'lead_time' (use 0d for deliveries at once)")
            return nil
        }
        return StockItemSpec(name: entry.name, products: products ?? nil, perBatch: perBatch, initial: initial,
                             replenishment: replenishment, leadTime: leadTime ?? nil, releaseFailure: releaseFailure,
                             disruptions: ((disruptions ?? nil) ?? []).sorted { $0.from < $1.from })
    }

    /// Exactly one of `reorder` and `deliveries`.
    private static func readReplenishment(_ item: MappingReader) -> StockItemSpec.Replenishment? {
        switch (item.optional("reorder"), item.optional("deliveries")) {
        case (let reorder?, nil):
            guard let fields = reorder.mapping(allowedKeys: reorderKeys) else { return nil }
            let point = fields.required("point")?.int(in: 0...maximumUnits)
            let quantity = fields.required("quantity")?.int(in: 1...maximumUnits)
            guard let point, let quantity else { return nil }
            return .reorder(point: point, quantity: quantity)
        case (nil, let deliveries?):
            guard let fields = deliveries.mapping(allowedKeys: deliveryKeys) else { return nil }
            let every = fields.required("every")?.positiveDuration()
            let quantity = fields.required("quantity")?.int(in: 1...maximumUnits)
            let from = fields.optional("from").map { $0.duration() } ?? every
            guard let every, let quantity, let from else { return nil }
            return .schedule(every: every, quantity: quantity, from: from)
        case (.some, .some):
            item.reader.child("deliveries")?.report("a stock is replenished by 'reorder' or by 'deliveries', not both")
            return nil
        case (nil, nil):
            item.reader.report("a stock needs 'reorder' {point, quantity} or 'deliveries' {every, quantity}")
            return nil
        }
    }
}
