/// Collects the problems found while reading a scenario file.
///
/// A single sink is shared by every ``NodeReader`` of one load, so that decoding carries on
/// after a problem and reports all of them together. Not thread-safe: one load, one thread.
public final class DiagnosticSink {
    /// The problems reported so far, in the order they were reported.
    public private(set) var diagnostics: [ScenarioDiagnostic] = []

    public init() {}

    /// Whether any problem has been reported.
    public var hasErrors: Bool { !diagnostics.isEmpty }

    /// Records a problem.
    public func report(_ message: String, at location: SourceLocation, path: String) {
        diagnostics.append(ScenarioDiagnostic(location: location, path: path, message: message))
    }

    /// Records a problem already built elsewhere.
    public func report(_ diagnostic: ScenarioDiagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Throws every problem reported so far, if there is any.
    public func throwIfAny() throws(ScenarioErrors) {
        if hasErrors { throw ScenarioErrors(diagnostics) }
    }
}
