import SimKernel

/// Reader conveniences used by the scenario schema on top of the general ``NodeReader`` API.
extension NodeReader {
    /// The value at `keys` below this mapping, found without reporting anything: for pointing
    /// a later check at a field already decoded. Nil when the node is not a mapping or a key
    /// is absent or null.
    func child(_ keys: String...) -> NodeReader? {
        var current = self
        for key in keys {
            guard case .mapping(let entries) = current.node.kind,
                  let entry = entries.first(where: { $0.key == key }), !entry.value.isNull
            else { return nil }
            current = NodeReader(node: entry.value, path: Self.join(current.path, key), sink: sink)
        }
        return current
    }

    /// The keys of the node when it is a mapping, in file order; empty otherwise. Reports
    /// nothing: used to learn which names a file defines before its entries are decoded.
    var keys: [String] {
        guard case .mapping(let entries) = node.kind else { return [] }
        return entries.map(\.key)
    }

    /// A number strictly greater than 0.
    func positiveDouble() -> Double? {
        guard let value = double() else { return nil }
        guard value > 0 else {
            report("expected a number greater than 0, got \(node.summary)")
            return nil
        }
        return value
    }

    /// A duration strictly greater than 0, in **seconds**.
    func positiveDuration() -> SimTime? {
        guard let value = duration() else { return nil }
        guard value > 0 else {
            report("expected a duration greater than 0, got \(node.summary)")
            return nil
        }
        return value
    }

    /// A count of resources (chairs, suites, beds...): an integer ≥ 0.
    func capacity() -> Int? {
        int(in: 0...Int.max)
    }
}

extension NamedEntry {
    /// Reports a problem with the whole entry, at its name (`centre-london:`).
    func report(_ message: String) {
        value.sink.report(message, at: nameLocation, path: value.path)
    }
}
