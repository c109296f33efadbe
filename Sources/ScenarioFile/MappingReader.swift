/// The keys of a mapping read by ``NodeReader/mapping(allowedKeys:)``.
///
/// `key: ` with no value, `key: ~` and `key: null` count as absent.
public struct MappingReader {
    /// The mapping itself.
    public let reader: NodeReader
    let entries: [YAMLNode.Entry]
    let allowedKeys: [String]

    /// The value of `key`, or nil after reporting `missing required key 'key'` at the
    /// mapping, or `missing value` at a key written with nothing after it.
    public func required(_ key: String) -> NodeReader? {
        if let value = optional(key) { return value }
        if let entry = entries.first(where: { $0.key == key }) {
            reader.sink.report("missing value", at: entry.value.location, path: NodeReader.join(reader.path, key))
        } else {
            reader.report("missing required key '\(key)'")
        }
        return nil
    }

    /// The value of `key`, or nil when it is absent (nothing reported).
    public func optional(_ key: String) -> NodeReader? {
        assert(allowedKeys.contains(key), "'\(key)' is read but not among the allowed keys")
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else { return nil }
        return NodeReader(node: entry.value, path: NodeReader.join(reader.path, key), sink: reader.sink)
    }

    /// Whether `key` is present with a value.
    public func contains(_ key: String) -> Bool {
        entries.contains { $0.key == key && !$0.value.isNull }
    }
}
