import Foundation

extension Distribution {
    /// The distribution of `factor · X`, e.g. to turn a duration in days into seconds
    /// (`scaled(by: 86_400)`). Each case maps exactly: location and scale parameters are
    /// multiplied (`fixed`, `uniform`, `triangular`, `pert`, `exponential`, `normal` including
    /// its lower bound, `gamma` and `weibull` scale, every `empirical` value), and the
    /// lognormal's `mu` grows by `ln(factor)`.
    ///
    /// - Throws: when `factor` is not positive and finite; for `beta` (a proportion on
    ///   [0, 1]) and the counts `bernoulli`, `binomial` and `poisson`, which have no scaled
    ///   form in this family; and when the scaled parameters overflow.
    public func scaled(by factor: Double) throws -> Distribution {
        let check = ParameterCheck(distribution: name)
        try check.positive("scale factor", factor)
        let scaled: Distribution
        switch self {
        case .fixed(let value):
            scaled = .fixed(value * factor)
        case .uniform(let min, let max):
            scaled = .uniform(min: min * factor, max: max * factor)
        case .triangular(let min, let mode, let max):
            scaled = .triangular(min: min * factor, mode: mode * factor, max: max * factor)
        case .pert(let min, let mode, let max):
            scaled = .pert(min: min * factor, mode: mode * factor, max: max * factor)
        case .exponential(let mean):
            scaled = .exponential(mean: mean * factor)
        case .normal(let mean, let sd, let lowerBound):
            scaled = .normal(mean: mean * factor, sd: sd * factor, lowerBound: lowerBound.map { $0 * factor })
        case .lognormal(let mu, let sigma):
            scaled = .lognormal(mu: mu + log(factor), sigma: sigma)
        case .gamma(let shape, let scale):
            scaled = .gamma(shape: shape, scale: scale * factor)
        case .weibull(let shape, let scale):
            scaled = .weibull(shape: shape, scale: scale * factor)
        case .empirical(let values):
            scaled = .empirical(values.map { $0 * factor })
        case .beta:
            throw check.error("cannot be scaled: it is a proportion on [0, 1]")
        case .bernoulli, .binomial, .poisson:
            throw check.error("cannot be scaled: it is a count")
        }
        return try scaled.validated()
    }
}
