import CGSL

extension Distribution {
    /// P(X ≤ x): `gsl_cdf_*_P` where GSL has it, closed forms for triangular, the beta CDF
    /// for PERT, and right-continuous step functions for `fixed`, `empirical` and the
    /// discrete cases. Returns NaN for a NaN `x`.
    ///
    /// - Precondition: the parameters are valid (see ``validated()``).
    /// - Complexity: O(1), except O(count) for `empirical`.
    public func cdf(_ x: Double) -> Double {
        ensureGSLErrorHandlerOff()
        guard !x.isNaN else { return .nan }
        switch self {
        case .fixed(let value):
            return x < value ? 0 : 1
        case .uniform(let min, let max):
            return gsl_cdf_flat_P(x, min, max)
        case .triangular(let a, let c, let b):
            if x <= a { return 0 }
            if x >= b { return 1 }
            if x <= c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
            return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
        case .pert(let min, let mode, let max):
            let shapes = Self.pertShapes(min: min, mode: mode, max: max)
            return gsl_cdf_beta_P((x - min) / (max - min), shapes.a, shapes.b)
        case .exponential(let mean):
            return gsl_cdf_exponential_P(x, mean)
        case .normal(let mean, let sd, nil):
            return gsl_cdf_gaussian_P(x - mean, sd)
        case .normal(let mean, let sd, let lowerBound?):
            guard x > lowerBound else { return 0 }
            return 1 - gsl_cdf_ugaussian_Q((x - mean) / sd) / gsl_cdf_ugaussian_Q((lowerBound - mean) / sd)
        case .lognormal(let mu, let sigma):
            return gsl_cdf_lognormal_P(x, mu, sigma)
        case .gamma(let shape, let scale):
            return gsl_cdf_gamma_P(x, shape, scale)
        case .weibull(let shape, let scale):
            return gsl_cdf_weibull_P(x, scale, shape)
        case .beta(let a, let b):
            return gsl_cdf_beta_P(x, a, b)
        case .bernoulli(let p):
            return Distribution.binomial(n: 1, p: p).cdf(x)
        case .binomial(let n, let p):
            guard x >= 0 else { return 0 }
            guard x < Double(n) else { return 1 }
            return gsl_cdf_binomial_P(UInt32(x.rounded(.down)), p, UInt32(n))
        case .poisson(let mean):
            guard x >= 0 else { return 0 }
            return gsl_cdf_poisson_P(UInt32(min(x, Double(UInt32.max)).rounded(.down)), mean)
        case .empirical(let values):
            return Double(values.count { $0 <= x }) / Double(values.count)
        }
    }

    /// The p-quantile: the smallest x with `cdf(x) ≥ p` (the inverse CDF for continuous
    /// cases), via `gsl_cdf_*_Pinv` where GSL has it, closed forms for triangular, the beta
    /// inverse for PERT, and a binary search of the CDF for binomial and Poisson.
    ///
    /// `quantile(0)` and `quantile(1)` are the ends of the support (possibly infinite);
    /// a `p` outside [0, 1] gives NaN.
    ///
    /// - Precondition: the parameters are valid (see ``validated()``).
    /// - Complexity: O(1) for GSL inverses and closed forms, O(log n) CDF evaluations for
    ///   binomial and Poisson, O(count·log count) for `empirical` (it sorts the values).
    public func quantile(_ p: Double) -> Double {
        ensureGSLErrorHandlerOff()
        guard p >= 0, p <= 1 else { return .nan }
        switch self {
        case .fixed(let value):
            return value
        case .uniform(let min, let max):
            return gsl_cdf_flat_Pinv(p, min, max)
        case .triangular(let a, let c, let b):
            if p < (c - a) / (b - a) { return a + ((b - a) * (c - a) * p).squareRoot() }
            return b - ((b - a) * (b - c) * (1 - p)).squareRoot()
        case .pert(let min, let mode, let max):
            let shapes = Self.pertShapes(min: min, mode: mode, max: max)
            return min + (max - min) * gsl_cdf_beta_Pinv(p, shapes.a, shapes.b)
        case .exponential(let mean):
            return gsl_cdf_exponential_Pinv(p, mean)
        case .normal(let mean, let sd, nil):
            return mean + gsl_cdf_gaussian_Pinv(p, sd)
        case .normal(let mean, let sd, let lowerBound?):
            // Invert the upper tail: Q(z) = (1 − p)·Q(α) stays accurate far above the mean.
            let tailAboveBound = gsl_cdf_ugaussian_Q((lowerBound - mean) / sd)
            return Swift.max(lowerBound, mean + sd * gsl_cdf_ugaussian_Qinv((1 - p) * tailAboveBound))
        case .lognormal(let mu, let sigma):
            return gsl_cdf_lognormal_Pinv(p, mu, sigma)
        case .gamma(let shape, let scale):
            return gsl_cdf_gamma_Pinv(p, shape, scale)
        case .weibull(let shape, let scale):
            return gsl_cdf_weibull_Pinv(p, scale, shape)
        case .beta(let a, let b):
            return gsl_cdf_beta_Pinv(p, a, b)
        case .bernoulli(let probability):
            return Distribution.binomial(n: 1, p: probability).quantile(p)
        case .binomial(let n, _):
            return Double(Self.smallestInteger(in: 0 ... n) { cdf(Double($0)) >= p })
        case .poisson:
            guard p < 1 else { return .infinity }
            return Double(Self.smallestInteger(in: 0 ... Int(UInt32.max)) { cdf(Double($0)) >= p })
        case .empirical(let values):
            let sorted = values.sorted()
            let count = Double(sorted.count)
            return sorted[Self.smallestInteger(in: 0 ... sorted.count - 1) { Double($0 + 1) / count >= p }]
        }
    }

    /// The smallest integer in `range` where the monotone `predicate` (false, …, false,
    /// true, …) holds, or `range.upperBound` if it never does. Binary search: O(log n) calls.
    private static func smallestInteger(in range: ClosedRange<Int>, where predicate: (Int) -> Bool) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = low + (high - low) / 2
            if predicate(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
