/// Every problem found while loading a scenario file, in file order.
///
/// Loading collects all problems it can find rather than stopping at the first, so that a
/// planner fixes a file in one round.
public struct ScenarioErrors: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, sorted by (line, column); the sort is stable, so problems at the same
    /// place keep the order in which they were found.
    public let diagnostics: [ScenarioDiagnostic]

    public init(_ diagnostics: [ScenarioDiagnostic]) {
        self.diagnostics = diagnostics.enumerated().sorted { a, b in
            let (l, r) = (a.element.location, b.element.location)
            return (l.line, l.column, a.offset) < (r.line, r.column, b.offset)
        }.map(\.element)
    }

    /// One problem with no field path.
    public init(at location: SourceLocation, _ message: String) {
        self.init([ScenarioDiagnostic(location: location, path: "", message: message)])
    }

    /// The most diagnostics ``description`` prints; a file with thousands of errors (a
    /// column of bad dates) would otherwise print megabytes.
    public static let printedLimit = 100

    /// One diagnostic per line, in file order: the first ``printedLimit``, then a line with
    /// the count of the others, e.g. `s.yaml: 989900 more errors not shown`.
    public var description: String {
        let shown = diagnostics.prefix(Self.printedLimit).map(\.description)
        guard let first = diagnostics.first, diagnostics.count > Self.printedLimit else {
            return shown.joined(separator: "\n")
        }
        let more = diagnostics.count - Self.printedLimit
        return (shown + ["\(first.location.file): \(more) more error\(more == 1 ? "" : "s") not shown"])
            .joined(separator: "\n")
    }
}
