import CGSL

extension Distribution {
    /// One draw from the distribution, using `stream`'s generator (`gsl_ran_*`).
    ///
    /// Inverse-CDF cases (triangular, truncated normal) and `empirical` use exactly one
    /// uniform per draw; `fixed` uses none; the GSL samplers may use several (e.g. gamma by
    /// rejection). Discrete cases return whole numbers as `Double`.
    ///
    /// - Precondition: the parameters are valid (see ``validated()``).
    /// - Complexity: O(1) expected.
    public func sample(_ stream: RandomStream) -> Double {
        let rng = stream.generator
        switch self {
        case .fixed(let value):
            return value
        case .uniform(let min, let max):
            return gsl_ran_flat(rng, min, max)
        case .triangular, .normal(_, _, _?):
            return quantile(stream.uniform())
        case .pert(let min, let mode, let max):
            let shapes = Self.pertShapes(min: min, mode: mode, max: max)
            return min + (max - min) * gsl_ran_beta(rng, shapes.a, shapes.b)
        case .exponential(let mean):
            return gsl_ran_exponential(rng, mean)
        case .normal(let mean, let sd, nil):
            return mean + gsl_ran_gaussian(rng, sd)
        case .lognormal(let mu, let sigma):
            return gsl_ran_lognormal(rng, mu, sigma)
        case .gamma(let shape, let scale):
            return gsl_ran_gamma(rng, shape, scale)
        case .weibull(let shape, let scale):
            return gsl_ran_weibull(rng, scale, shape)
        case .beta(let a, let b):
            return gsl_ran_beta(rng, a, b)
        case .bernoulli(let p):
            return Double(gsl_ran_bernoulli(rng, p))
        case .binomial(let n, let p):
            return Double(gsl_ran_binomial(rng, p, UInt32(n)))
        case .poisson(let mean):
            return Double(gsl_ran_poisson(rng, mean))
        case .empirical(let values):
            return values[stream.uniformInt(below: values.count)]
        }
    }
}
