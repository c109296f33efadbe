/// Parses the VALUE of a `--set PATH=VALUE` override as YAML, into a node located in the
/// override itself.
///
/// VALUE is read as the value of a block mapping key, so a plain scalar (`30min`, `12`), a
/// quoted one, or a flow collection (`{lognormal: {median: 4.5d, p90: 5.5d}}`, `[mon-fri]`)
/// is accepted, and the decoder then checks it like any value written in the file. VALUE is
/// one line. Locations of the node and of the parser's problems are `label:1:C`, C the
/// column within VALUE (one past its end for "the value ended too soon").
enum OverrideValue {
    /// The key VALUE is read under, in the one-line document handed to libyaml.
    private static let key = "v"
    /// What precedes VALUE in that document.
    private static let lead = key + ": "

    /// The node VALUE holds, or nil after reporting why it cannot be read into `sink`;
    /// `path` (the override's PATH) names the value in messages.
    static func parse(_ value: String, path: String, label: String, into sink: DiagnosticSink) -> YAMLNode? {
        guard !value.contains(where: \.isNewline) else {
            sink.report("expected a value on one line", at: .start(of: label), path: path)
            return nil
        }
        let local = DiagnosticSink()
        let root = YAMLDocument.parse(bytes: Array((lead + value).utf8), file: label, into: local)
        let end = value.count + 1
        for diagnostic in local.diagnostics {
            let inner = diagnostic.path.hasPrefix(key) ? path + diagnostic.path.dropFirst(key.count) : diagnostic.path
            sink.report(ScenarioDiagnostic(location: shifted(diagnostic.location, end: end), path: inner,
                                           message: shifted(diagnostic.message)))
        }
        guard let root, !local.hasErrors, case .mapping(let entries) = root.kind, let node = entries.first?.value
        else { return nil }
        return relocated(node, end: end)
    }

    /// `node` with every location moved from the one-line document to VALUE.
    private static func relocated(_ node: YAMLNode, end: Int) -> YAMLNode {
        var node = node
        node.location = shifted(node.location, end: end)
        switch node.kind {
        case .scalar:
            break
        case .sequence(let items):
            node.kind = .sequence(items.map { relocated($0, end: end) })
        case .mapping(let entries):
            node.kind = .mapping(entries.map { entry in
                YAMLNode.Entry(key: entry.key, keyLocation: shifted(entry.keyLocation, end: end),
                               value: relocated(entry.value, end: end))
            })
        }
        return node
    }

    /// A location in the one-line document as a location in VALUE, whose end is column
    /// `end`; libyaml puts the end of the input at the start of line 2.
    private static func shifted(_ location: SourceLocation, end: Int) -> SourceLocation {
        let column = location.line == 1 ? location.column - lead.count : end
        return SourceLocation(file: location.file, line: 1, column: min(max(1, column), end))
    }

    /// A syntax error's message with the place it quotes (`… that starts at line 1,
    /// column 4)`) moved to VALUE like the locations.
    private static func shifted(_ message: String) -> String {
        let quoted = "that starts at line 1, column "
        guard let range = message.range(of: quoted),
              let close = message[range.upperBound...].firstIndex(of: ")"),
              let column = Int(message[range.upperBound..<close])
        else { return message }
        return message[..<range.upperBound] + String(max(1, column - lead.count)) + message[close...]
    }
}
