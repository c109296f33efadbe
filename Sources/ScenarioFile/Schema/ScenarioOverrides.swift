/// Changes to the values of a scenario file given on the command line, `--set PATH=VALUE`
/// (`cartsim sweep`, `cartsim plan`).
///
/// Overrides are applied to the YAML node tree before decoding, so every value goes through
/// the decoder and its checks exactly as if it were written in the file:
///
/// - PATH addresses a key **written in the file**: dots through mappings, `[i]` for list items
///   (`sites.plant-west.suites`, `simulation.horizon`, `lanes[0].transit`). A key that is not
///   written (even one with a default) cannot be overridden: add it to the file first. A path
///   that does not exist is an error with the closest key at the level where it failed.
/// - VALUE is YAML: a plain scalar (`30min`, `12`), a quoted one, or a flow collection
///   (`{lognormal: {median: 4.5d, p90: 5.5d}}`); it replaces the whole node at PATH.
/// - An override changes one place: a site copied from another with an alias (`*centre`)
///   keeps the copied value when the original is overridden.
/// - Problems are reported at `--set PATH=VALUE:1:C` (the override as the file name, C the
///   column within VALUE, 1 for PATH problems), e.g.
///   `--set sites.plant-west.suits=12:1:1: sites.plant-west: no key 'suits' in the file; did you mean 'suites'?`
///
/// Overrides apply in order; a later one on the same PATH wins.
public struct ScenarioOverrides: Sendable {
    /// One `--set PATH=VALUE`.
    public struct Override: Hashable, Sendable {
        /// Where the value goes, e.g. `sites.plant-west.suites`.
        public var path: String
        /// The YAML text of the value, e.g. `12`.
        public var value: String
        /// The option that gave it (`--set`, `--set-b`), named in messages.
        public var option: String

        public init(path: String, value: String, option: String = "--set") {
            self.path = path
            self.value = value
            self.option = option
        }

        /// `--set PATH=VALUE`: the "file name" of problems with this override.
        public var label: String { "\(option) \(path)=\(value)" }
    }

    /// The overrides, in the order they apply.
    public let overrides: [Override]

    /// - Parameter option: the command-line option that gave them, named in messages.
    public init(_ overrides: [(path: String, value: String)], option: String = "--set") {
        self.overrides = overrides.map { Override(path: $0.path, value: $0.value, option: option) }
    }

    /// What the overrides add to the scenario file's bytes for its content hash: one line
    /// `--set PATH=VALUE` per override.
    var hashSuffix: [UInt8] {
        Array(overrides.map { "\n" + $0.label }.joined().utf8)
    }

    /// `root` with every override that could be applied; every problem (malformed path, path
    /// not in the file, value that is not YAML) is reported into `sink`.
    func apply(to root: YAMLNode, sink: DiagnosticSink) -> YAMLNode {
        var tree = root
        for override in overrides {
            let start = SourceLocation.start(of: override.label)
            guard let path = OverridePath(override.path) else {
                sink.report("malformed path '\(override.path)'; \(OverridePath.expectedForm)", at: start, path: "")
                continue
            }
            let value = OverrideValue.parse(override.value, path: override.path, label: override.label, into: sink)
            do {
                // A value that could not be read still has its path checked, for one round of fixes.
                let replaced = try Self.replacing(in: tree, at: path, depth: 0,
                                                  with: value ?? YAMLNode(.scalar("", style: .plain), at: start))
                if value != nil { tree = replaced }
            } catch {
                sink.report(error.message, at: start, path: error.path)
            }
        }
        return tree
    }

    /// Why a path does not lead to a node: the path of the last node reached and the message.
    private struct Unreachable: Error {
        let path: String
        let message: String
    }

    /// `node` (found at the first `depth` segments of `path`) with the node at the rest of
    /// `path` replaced by `value`.
    private static func replacing(in node: YAMLNode, at path: OverridePath, depth: Int,
                                  with value: YAMLNode) throws(Unreachable) -> YAMLNode {
        guard depth < path.segments.count else { return value }
        let here = path.prefix(depth)
        var result = node
        switch (path.segments[depth], node.kind) {
        case (.key(let key), .mapping(var entries)):
            guard let position = entries.firstIndex(where: { $0.key == key }) else {
                let keys = entries.map(\.key)
                let advice = Suggestion.closest(to: key, among: keys).map { "; did you mean '\($0)'?" }
                    ?? " (an override replaces a value written there); keys here: \(keys.joined(separator: ", "))"
                throw Unreachable(path: here, message: "no key '\(key)' in the file" + advice)
            }
            entries[position].value = try replacing(in: entries[position].value, at: path, depth: depth + 1, with: value)
            result.kind = .mapping(entries)
        case (.index(let index), .sequence(var items)):
            guard items.indices.contains(index) else {
                let range = items.isEmpty ? "it is empty" : "it has \(items.count) items, [0] to [\(items.count - 1)]"
                throw Unreachable(path: here, message: "no item [\(index)] in the list; \(range)")
            }
            items[index] = try replacing(in: items[index], at: path, depth: depth + 1, with: value)
            result.kind = .sequence(items)
        case (.key(let key), _):
            throw Unreachable(path: here, message: "expected a mapping to look up '\(key)' in, got \(node.summary)")
        case (.index(let index), _):
            throw Unreachable(path: here, message: "expected a list to take item [\(index)] from, got \(node.summary)")
        }
        return result
    }
}
