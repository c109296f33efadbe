/// One problem found in a scenario file: where it is, which field, and what was wrong.
public struct ScenarioDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Where the offending text starts.
    public var location: SourceLocation
    /// The field path, such as `sites.plant-east.suites` or `lanes[2].transit`;
    /// empty for problems with the file as a whole (syntax errors, the top level).
    public var path: String
    /// What was wrong and what was expected, e.g. `expected an integer, got 'abc'`.
    public var message: String

    public init(location: SourceLocation, path: String, message: String) {
        self.location = location
        self.path = path
        self.message = message
    }

    /// `file:line:column: path: message`, or `file:line:column: message` when the path is empty.
    public var description: String {
        path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)"
    }
}
