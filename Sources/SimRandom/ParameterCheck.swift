/// Parameter checks that produce messages prefixed with the distribution's name.
struct ParameterCheck {
    /// The prefix of every message, e.g. `"lognormal"` or `"choice"`.
    let distribution: String

    /// An error whose message is `"<distribution>: <detail>"`.
    func error(_ detail: String) -> DistributionError {
        DistributionError("\(distribution): \(detail)")
    }

    /// Throws unless `value` is a finite number.
    func finite(_ parameter: String, _ value: Double) throws {
        guard value.isFinite else {
            throw error("\(parameter) must be a finite number, got \(plannerNumber(value))")
        }
    }

    /// Throws unless `value` is finite and strictly positive.
    func positive(_ parameter: String, _ value: Double) throws {
        try finite(parameter, value)
        guard value > 0 else { throw error("\(parameter) must be positive, got \(plannerNumber(value))") }
    }

    /// Throws unless `value` is in [0, 1].
    func probability(_ parameter: String, _ value: Double) throws {
        try finite(parameter, value)
        guard value >= 0, value <= 1 else {
            throw error("\(parameter) must be in [0, 1], got \(plannerNumber(value))")
        }
    }
}
