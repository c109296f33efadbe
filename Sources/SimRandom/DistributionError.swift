/// A parameter problem in a distribution or weighted choice, worded for the planner who
/// wrote the scenario, e.g. `lognormal: p90 (5) must be greater than median (7)`.
///
/// The message starts with the distribution's name; callers that know the file, line and
/// field prefix it with that location.
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The complete, human-readable message.
    public let message: String

    /// Creates an error with the given message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message, unchanged.
    public var description: String { message }
}
