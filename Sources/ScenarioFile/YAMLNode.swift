/// A node of a parsed YAML (or JSON) document, with the place its text starts.
///
/// Scalars stay text: YAML's implicit typing (`yes` → true, `015` → octal, `12:30` →
/// sexagesimal) is deliberately not applied; ``NodeReader`` interprets each scalar as the
/// schema expects, with units.
public struct YAMLNode: Hashable, Sendable {
    /// How a scalar was written.
    public enum ScalarStyle: Hashable, Sendable {
        /// Unquoted: `3d`, `true`, or nothing at all (`key:`).
        case plain
        /// Single- or double-quoted, or a literal/folded block scalar (`|`, `>`).
        case quoted
    }

    /// One `key: value` pair of a mapping.
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: YAMLNode

        public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// The shape of a node.
    public enum Kind: Hashable, Sendable {
        case scalar(String, style: ScalarStyle)
        /// Entries in file order; keys are unique.
        case mapping([Entry])
        case sequence([YAMLNode])
    }

    public var kind: Kind
    /// Where the node's text starts. A node copied from an anchor (`*name`) keeps the
    /// locations of the anchored text.
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The text of a scalar; nil for a mapping or sequence.
    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// Whether this is YAML's null: an empty plain scalar, `~` or `null`.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = kind else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// A short description of what the node holds, for "expected …, got …" messages:
    /// `'abc'` (quoted, shortened past 40 characters), `nothing` (null), `a list` or `a mapping`.
    public var summary: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar where isNull: return "nothing"
        case .scalar(let text, _):
            let shown = text.count > 40 ? text.prefix(40) + "…" : Substring(text)
            return "'\(shown)'"
        }
    }
}
