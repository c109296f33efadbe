import CGSL
import Foundation

extension Distribution {
    /// The expected value (exact, from the parameters; for `empirical`, the mean of the
    /// listed values). For a truncated normal, `mean + sd·λ` with
    /// `λ = φ(α)/(1 − Φ(α))`, `α = (lowerBound − mean)/sd`.
    ///
    /// - Precondition: the parameters are valid (see ``validated()``).
    public var mean: Double { moments.mean }

    /// The variance (exact, from the parameters; for `empirical`, the population variance of
    /// the listed values, dividing by their count). In squared units of the values.
    ///
    /// - Precondition: the parameters are valid (see ``validated()``).
    public var variance: Double { moments.variance }

    /// Mean and variance, computed together because most cases share intermediate terms.
    private var moments: (mean: Double, variance: Double) {
        ensureGSLErrorHandlerOff()
        switch self {
        case .fixed(let value):
            return (value, 0)
        case .uniform(let min, let max):
            return ((min + max) / 2, (max - min) * (max - min) / 12)
        case .triangular(let a, let c, let b):
            return ((a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18)
        case .pert(let min, let mode, let max):
            let shapes = Self.pertShapes(min: min, mode: mode, max: max)
            let standard = Self.betaMoments(a: shapes.a, b: shapes.b)
            let range = max - min
            return (min + range * standard.mean, range * range * standard.variance)
        case .exponential(let mean):
            return (mean, mean * mean)
        case .normal(let mean, let sd, nil):
            return (mean, sd * sd)
        case .normal(let mean, let sd, let lowerBound?):
            let alpha = (lowerBound - mean) / sd
            let lambda = gsl_ran_ugaussian_pdf(alpha) / gsl_cdf_ugaussian_Q(alpha)
            return (mean + sd * lambda, sd * sd * (1 + alpha * lambda - lambda * lambda))
        case .lognormal(let mu, let sigma):
            let sigmaSquared = sigma * sigma
            return (exp(mu + sigmaSquared / 2), expm1(sigmaSquared) * exp(2 * mu + sigmaSquared))
        case .gamma(let shape, let scale):
            return (shape * scale, shape * scale * scale)
        case .weibull(let shape, let scale):
            // λΓ(1 + 1/k) and λ²(Γ(1 + 2/k) − Γ(1 + 1/k)²), through log-gamma so that a small
            // shape overflows to +∞ instead of giving ∞ − ∞.
            let logG1 = gsl_sf_lngamma(1 + 1 / shape)
            let logG2 = gsl_sf_lngamma(1 + 2 / shape)
            return (scale * exp(logG1), -scale * scale * exp(logG2) * expm1(2 * logG1 - logG2))
        case .beta(let a, let b):
            return Self.betaMoments(a: a, b: b)
        case .bernoulli(let p):
            return (p, p * (1 - p))
        case .binomial(let n, let p):
            return (Double(n) * p, Double(n) * p * (1 - p))
        case .poisson(let mean):
            return (mean, mean)
        case .empirical(let values):
            let mean = gsl_stats_mean(values, 1, values.count)
            return (mean, gsl_stats_variance_with_fixed_mean(values, 1, values.count, mean))
        }
    }

    /// Mean a/(a + b) and variance ab/((a + b)²(a + b + 1)) of Beta(a, b).
    private static func betaMoments(a: Double, b: Double) -> (mean: Double, variance: Double) {
        let sum = a + b
        return (a / sum, a * b / (sum * sum * (sum + 1)))
    }
}
