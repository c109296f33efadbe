/// Assembles libyaml's parse events into a ``YAMLNode`` tree.
///
/// Uses an explicit stack (never recursion), so nesting depth cannot overflow the call
/// stack. Aliases are resolved by copying the anchored node (cheap: nodes are values with
/// copy-on-write storage) and counted at their full expanded size, so that an "alias bomb"
/// stops at ``maxNodes`` after a handful of events.
///
/// Problems that leave a usable tree (duplicate keys, non-scalar keys) are collected in
/// ``diagnostics``; problems that stop the build throw ``Stop``.
struct YAMLTreeBuilder {
    /// Deepest nesting of mappings and sequences accepted.
    static let maxDepth = 200
    /// Most nodes accepted in one document, counting every alias at its expanded size.
    static let maxNodes = 1_000_000

    /// A problem after which the tree cannot be built.
    struct Stop: Error {
        let diagnostic: ScenarioDiagnostic
    }

    private enum PendingKey {
        /// The next completed node is a key.
        case none
        case key(String, SourceLocation)
        /// The key was rejected (reported); the next completed node is its value, dropped.
        case rejected
    }

    /// An open mapping or sequence. Fields are mutated in place on the stack, so appending
    /// to a long sequence never copies it.
    private struct Frame {
        let isMapping: Bool
        let location: SourceLocation
        let path: String
        let anchor: String?
        /// Nodes in this subtree so far, this one included.
        var size = 1
        /// Items of a sequence.
        var items: [YAMLNode] = []
        /// Entries of a mapping, then the state of the entry being read and the line of each key.
        var entries: [YAMLNode.Entry] = []
        var pending = PendingKey.none
        var firstLine: [String: Int] = [:]

        var node: YAMLNode {
            YAMLNode(isMapping ? .mapping(entries) : .sequence(items), at: location)
        }
    }

    private(set) var diagnostics: [ScenarioDiagnostic] = []
    /// The finished top-level node, once its last event has been seen.
    private(set) var root: YAMLNode?
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var nodeCount = 0

    /// A mapping or sequence begins at `location`.
    mutating func beginCollection(mapping: Bool, anchor: String?, at location: SourceLocation) throws(Stop) {
        let path = childPath
        guard stack.count < Self.maxDepth else {
            // No path: it would be hundreds of segments long.
            throw stop("the document is nested more than \(Self.maxDepth) levels deep", at: location, path: "")
        }
        try count(1, at: location, path: path)
        stack.append(Frame(isMapping: mapping, location: location, path: path, anchor: anchor))
    }

    /// The innermost open mapping or sequence ends.
    mutating func endCollection() {
        guard var frame = stack.popLast() else { return }
        if frame.isMapping, frame.entries.contains(where: { $0.key == Self.mergeKey }) {
            frame.entries = merged(frame.entries, in: frame.path)
        }
        complete(frame.node, size: frame.size, anchor: frame.anchor)
    }

    /// The key of YAML's merge: `<<: *centre` (or `<<: [*a, *b]`) copies the entries of the
    /// aliased mappings that the mapping does not write itself.
    static let mergeKey = "<<"

    /// A mapping's entries with its merge keys resolved: inherited entries first (from the
    /// first source that has each key), then the mapping's own, which win over inherited ones.
    private mutating func merged(_ entries: [YAMLNode.Entry], in path: String) -> [YAMLNode.Entry] {
        let own = entries.filter { $0.key != Self.mergeKey }
        var taken = Set(own.map(\.key))
        var inherited: [YAMLNode.Entry] = []
        for entry in entries where entry.key == Self.mergeKey {
            let sources: [YAMLNode]
            switch entry.value.kind {
            case .mapping: sources = [entry.value]
            case .sequence(let items) where items.allSatisfy({ if case .mapping = $0.kind { true } else { false } }):
                sources = items
            default:
                diagnostics.append(ScenarioDiagnostic(
                    location: entry.value.location, path: NodeReader.join(path, Self.mergeKey),
                    message: "a merge key '<<' takes a mapping or a list of mappings, such as *centre or "
                        + "[*centre, *big], not \(entry.value.summary)"))
                continue
            }
            for source in sources {
                guard case .mapping(let sourceEntries) = source.kind else { continue }
                for inheritedEntry in sourceEntries where taken.insert(inheritedEntry.key).inserted {
                    inherited.append(inheritedEntry)
                }
            }
        }
        return inherited + own
    }

    /// A scalar (`value`, decoded from UTF-8) at `location`.
    mutating func scalar(_ value: String, style: YAMLNode.ScalarStyle, anchor: String?,
                         at location: SourceLocation) throws(Stop) {
        try count(1, at: location, path: childPath)
        complete(YAMLNode(.scalar(value, style: style), at: location), size: 1, anchor: anchor)
    }

    /// An alias `*name` at `location`: a copy of the node anchored as `&name`.
    mutating func alias(_ name: String, at location: SourceLocation) throws(Stop) {
        guard let (node, size) = anchors[name] else {
            let reason = stack.contains { $0.anchor == name }
                ? "refers to a node that contains it" : "has no anchor '&\(name)' before it"
            throw stop("alias '*\(name)' \(reason)", at: location, path: childPath)
        }
        try count(size, at: location, path: childPath)
        complete(node, size: size, anchor: nil)
    }

    // MARK: - Private

    /// The path of the node that starts next.
    private var childPath: String {
        guard let top = stack.last else { return "" }
        guard top.isMapping else { return "\(top.path)[\(top.items.count)]" }
        if case .key(let key, _) = top.pending { return NodeReader.join(top.path, key) }
        return top.path
    }

    private mutating func count(_ size: Int, at location: SourceLocation, path: String) throws(Stop) {
        nodeCount += size
        guard nodeCount <= Self.maxNodes else {
            throw stop("the document has more than \(Self.maxNodes) nodes once aliases are expanded",
                       at: location, path: path)
        }
    }

    private func stop(_ message: String, at location: SourceLocation, path: String) -> Stop {
        Stop(diagnostic: ScenarioDiagnostic(location: location, path: path, message: message))
    }

    /// Hands a finished node to its parent, or makes it the root.
    private mutating func complete(_ node: YAMLNode, size: Int, anchor: String?) {
        if let anchor { anchors[anchor] = (node, size) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        switch stack[top].pending {
        case .key(let key, let keyLocation):
            stack[top].entries.append(YAMLNode.Entry(key: key, keyLocation: keyLocation, value: node))
            stack[top].pending = .none
        case .rejected:
            stack[top].pending = .none
        case .none:
            let path = stack[top].path
            let (pending, problem) = Self.acceptKey(node, in: path, firstLine: &stack[top].firstLine)
            stack[top].pending = pending
            if let problem { diagnostics.append(problem) }
        }
    }

    /// Checks a node read in key position: a scalar not seen before in this mapping.
    private static func acceptKey(_ node: YAMLNode, in path: String,
                                  firstLine: inout [String: Int]) -> (PendingKey, ScenarioDiagnostic?) {
        func rejected(_ message: String) -> (PendingKey, ScenarioDiagnostic?) {
            (.rejected, ScenarioDiagnostic(location: node.location, path: path, message: message))
        }
        guard let key = node.scalar else {
            return rejected("a key must be a single value, not \(node.summary)")
        }
        if let line = firstLine[key] {
            return rejected("duplicate key '\(key)' (first at line \(line))")
        }
        firstLine[key] = node.location.line
        return (.key(key, node.location), nil)
    }
}
