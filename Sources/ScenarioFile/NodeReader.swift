/// A cursor on one node of a scenario file, for writing schema decoders that report every
/// problem with its location and field path.
///
/// Each accessor returns the value, or nil after reporting why the node does not hold one
/// into the shared ``DiagnosticSink``; decoding then carries on, so that one load reports
/// all problems. A decoder reads like the schema:
///
/// ```swift
/// guard let shelf = reader.mapping(allowedKeys: ["capacity", "loan"]) else { return nil }
/// let capacity = shelf.required("capacity")?.int(in: 1...500)
/// let loan = shelf.optional("loan")?.duration() ?? 14 * 86_400
/// ```
///
/// Paths: `a.b` for keys, `a[2]` for list items (0-based), `sites.plant-east` for entries
/// of a mapping of user-named items.
public struct NodeReader {
    /// The node read.
    public let node: YAMLNode
    /// The field path of the node (empty at the top level).
    public let path: String
    /// Where problems go.
    public let sink: DiagnosticSink

    /// A reader of the top level of a document.
    public init(root: YAMLNode, sink: DiagnosticSink) {
        self.init(node: root, path: "", sink: sink)
    }

    /// A reader of `node` found at `path`.
    public init(node: YAMLNode, path: String, sink: DiagnosticSink) {
        self.node = node
        self.path = path
        self.sink = sink
    }

    /// Where the node's text starts.
    public var location: SourceLocation { node.location }

    /// Reports a problem with this node, for checks beyond the accessors (cross-references,
    /// consistency between fields).
    public func report(_ message: String) {
        sink.report(message, at: location, path: path)
    }

    /// `path.key`, or `key` at the top level.
    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Reports `expected <what>, got <what the node holds>`.
    func reportMismatch(expected: String) {
        report("expected \(expected), got \(node.summary)")
    }

    // MARK: - Structure

    /// The node as a mapping whose keys must be among `allowedKeys`. Every other key is
    /// reported at the key, with a suggestion when one allowed key is close:
    /// `unknown key 'suits'; did you mean 'suites'?`, otherwise the list of allowed keys.
    /// Returns nil (after reporting) when the node is not a mapping.
    public func mapping(allowedKeys: [String]) -> MappingReader? {
        guard case .mapping(let entries) = node.kind else {
            reportMismatch(expected: "a mapping with keys \(allowedKeys.joined(separator: ", "))")
            return nil
        }
        for entry in entries where !allowedKeys.contains(entry.key) {
            let advice = Suggestion.closest(to: entry.key, among: allowedKeys).map { "did you mean '\($0)'?" }
                ?? "allowed keys: \(allowedKeys.joined(separator: ", "))"
            sink.report("unknown key '\(entry.key)'; \(advice)", at: entry.keyLocation, path: path)
        }
        return MappingReader(reader: self, entries: entries, allowedKeys: allowedKeys)
    }

    /// The node as a mapping of user-named items, in file order: `sites: {plant-east: …}`
    /// gives an entry named `plant-east` whose reader has path `sites.plant-east`.
    public func namedEntries() -> [NamedEntry]? {
        guard case .mapping(let entries) = node.kind else {
            reportMismatch(expected: "a mapping of named items")
            return nil
        }
        return entries.map { entry in
            NamedEntry(name: entry.key, nameLocation: entry.keyLocation,
                       value: NodeReader(node: entry.value, path: Self.join(path, entry.key), sink: sink))
        }
    }

    /// The node as a list; item `i` has path `path[i]` (0-based).
    public func list() -> [NodeReader]? {
        guard case .sequence(let items) = node.kind else {
            reportMismatch(expected: "a list")
            return nil
        }
        return items.enumerated().map { index, item in
            NodeReader(node: item, path: "\(path)[\(index)]", sink: sink)
        }
    }

    /// The list's items decoded by `decode`; every item is decoded (so that all problems are
    /// reported), and the result is nil if any item or the list itself failed.
    public func list<Item>(_ decode: (NodeReader) -> Item?) -> [Item]? {
        list()?.map(decode).allOrNone()
    }

    /// The named items decoded by `decode`, in file order; every item is decoded, and the
    /// result is nil if any item or the mapping itself failed.
    public func namedEntries<Item>(_ decode: (NamedEntry) -> Item?) -> [Item]? {
        namedEntries()?.map(decode).allOrNone()
    }

    /// Parses, decodes and checks the scenario file at `file` in one go.
    ///
    /// - Parameter decode: reads the top level; returns nil only after reporting a problem.
    /// - Throws: every problem found — by the parser, then by `decode` — in file order.
    public static func decode<T>(file: String, _ decode: (NodeReader) -> T?) throws(ScenarioErrors) -> T {
        let sink = DiagnosticSink()
        let root = YAMLDocument.load(path: file, into: sink)
        return try finish(root, file: file, sink: sink, decode)
    }

    /// Like ``decode(file:_:)`` for text already in memory; `file` names it in messages and
    /// is the directory base for files the scenario refers to.
    public static func decode<T>(text: String, file: String, _ decode: (NodeReader) -> T?) throws(ScenarioErrors) -> T {
        let sink = DiagnosticSink()
        let root = YAMLDocument.parse(bytes: Array(text.utf8), file: file, into: sink)
        return try finish(root, file: file, sink: sink, decode)
    }

    private static func finish<T>(_ root: YAMLNode?, file: String, sink: DiagnosticSink,
                                  _ decode: (NodeReader) -> T?) throws(ScenarioErrors) -> T {
        let value = root.flatMap { decode(NodeReader(root: $0, sink: sink)) }
        try sink.throwIfAny()
        guard let value else {
            throw ScenarioErrors(at: .start(of: file), "the scenario could not be read (no further detail)")
        }
        return value
    }
}

/// An item of a mapping of user-named items, such as one site of `sites`.
public struct NamedEntry {
    /// The name the user gave, e.g. `plant-east`.
    public let name: String
    /// Where the name is written.
    public let nameLocation: SourceLocation
    /// The item's content, with path `<mapping path>.<name>`.
    public let value: NodeReader
}

extension Array {
    /// The unwrapped elements if none is nil, else nil.
    func allOrNone<Wrapped>() -> [Wrapped]? where Element == Wrapped? {
        var result: [Wrapped] = []
        result.reserveCapacity(count)
        for element in self {
            guard let element else { return nil }
            result.append(element)
        }
        return result
    }
}
