/// A site's `capacity_changes`: a list of `{from, <pool>: units, …}`, the pools those of the
/// site's kind (reference: `Scenarios/README.md`, "Capacity over time").
enum CapacityChangesSection {
    static let key = "capacity_changes"

    /// The changes in time order, nil after a problem (reported). `pools`: those the site has.
    static func read(_ reader: NodeReader, pools: [CapacityChange.Pool]) -> [CapacityChange]? {
        let keys = ["from"] + pools.map(\.rawValue)
        let changes = reader.list { item -> [CapacityChange]? in
            guard let change = item.mapping(allowedKeys: keys) else { return nil }
            let from = change.required("from")?.duration()
            var read: [CapacityChange] = [], valid = true
            for pool in pools {
                guard let field = change.optional(pool.rawValue) else { continue }
                if let units = field.capacity(), let from { read.append(.init(from: from, pool: pool, capacity: units)) } else { valid = false }
            }
            guard from != nil, valid else { return nil }
            if read.isEmpty {
                item.report("expected at least one of \(pools.map(\.rawValue).joined(separator: ", ")) with 'from'")
                return nil
            }
            return read
        }
        return changes.map { $0.flatMap { $0 }.sorted { $0.from < $1.from } }
    }
}
