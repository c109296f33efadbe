/// A probability distribution of a unit-less random quantity.
///
/// Values carry no unit: the caller decides whether a duration is in days or seconds
/// (``scaled(by:)`` converts). Each case holds the canonical parameters GSL uses; planner
/// parameterisations (median and p90, mean and sd, mean and cv) are throwing factories in
/// `Distribution+Factories.swift` that convert exactly and validate. Cases built directly
/// should be checked with ``validated()`` before use: sampling, moments, `cdf` and `quantile`
/// assume valid parameters.
public enum Distribution: Sendable, Equatable, CustomStringConvertible {
    /// Always `value` (consumes no random numbers).
    case fixed(Double)
    /// Continuous uniform on [`min`, `max`], `min < max`.
    case uniform(min: Double, max: Double)
    /// Triangular on [`min`, `max`] with peak at `mode`, `min <= mode <= max`, `min < max`.
    case triangular(min: Double, mode: Double, max: Double)
    /// Beta-PERT on [`min`, `max`] with most likely value `mode` and shape λ = 4:
    /// `min + (max − min)·Beta(1 + 4(mode − min)/(max − min), 1 + 4(max − mode)/(max − min))`,
    /// mean `(min + 4·mode + max)/6`.
    case pert(min: Double, mode: Double, max: Double)
    /// Exponential with the given mean (> 0); rate = 1/mean.
    case exponential(mean: Double)
    /// Normal with `mean` and standard deviation `sd` (> 0), truncated below at `lowerBound`
    /// (the distribution of X given X ≥ lowerBound); `nil` means untruncated.
    case normal(mean: Double, sd: Double, lowerBound: Double?)
    /// Lognormal: `ln X` is normal with mean `mu` and standard deviation `sigma` (> 0).
    /// Median `exp(mu)`.
    case lognormal(mu: Double, sigma: Double)
    /// Gamma with `shape` k (> 0) and `scale` θ (> 0): mean kθ, variance kθ².
    case gamma(shape: Double, scale: Double)
    /// Weibull with `shape` k (> 0) and `scale` λ (> 0): P(X > x) = exp(−(x/λ)ᵏ).
    case weibull(shape: Double, scale: Double)
    /// Beta on [0, 1] with shape parameters `a` (> 0) and `b` (> 0): mean a/(a + b).
    case beta(a: Double, b: Double)
    /// 1 with probability `p`, else 0; `p` in [0, 1].
    case bernoulli(p: Double)
    /// Number of successes in `n` (≥ 1) independent trials of probability `p` in [0, 1].
    case binomial(n: Int, p: Double)
    /// Poisson count with the given mean (> 0).
    case poisson(mean: Double)
    /// Resamples the given observations uniformly (each listed value with probability 1/count;
    /// repeated values count repeatedly). At least one value, all finite.
    case empirical([Double])

    /// The lower-case name used in scenario files and error messages, e.g. `"lognormal"`.
    public var name: String {
        switch self {
        case .fixed: "fixed"
        case .uniform: "uniform"
        case .triangular: "triangular"
        case .pert: "pert"
        case .exponential: "exponential"
        case .normal: "normal"
        case .lognormal: "lognormal"
        case .gamma: "gamma"
        case .weibull: "weibull"
        case .beta: "beta"
        case .bernoulli: "bernoulli"
        case .binomial: "binomial"
        case .poisson: "poisson"
        case .empirical: "empirical"
        }
    }

    /// The distribution with its canonical parameters, e.g. `lognormal(mu: 1.6, sigma: 0.4)`;
    /// an empirical distribution shows its count and range instead of every value.
    public var description: String {
        func show(_ parameters: KeyValuePairs<String, Double>) -> String {
            let list = parameters.map { "\($0.key): \(plannerNumber($0.value))" }
            return "\(name)(\(list.joined(separator: ", ")))"
        }
        switch self {
        case .fixed(let value):
            return "fixed(\(plannerNumber(value)))"
        case .uniform(let min, let max):
            return show(["min": min, "max": max])
        case .triangular(let min, let mode, let max), .pert(let min, let mode, let max):
            return show(["min": min, "mode": mode, "max": max])
        case .exponential(let mean), .poisson(let mean):
            return show(["mean": mean])
        case .normal(let mean, let sd, nil):
            return show(["mean": mean, "sd": sd])
        case .normal(let mean, let sd, let lowerBound?):
            return show(["mean": mean, "sd": sd, "lowerBound": lowerBound])
        case .lognormal(let mu, let sigma):
            return show(["mu": mu, "sigma": sigma])
        case .gamma(let shape, let scale), .weibull(let shape, let scale):
            return show(["shape": shape, "scale": scale])
        case .beta(let a, let b):
            return show(["a": a, "b": b])
        case .bernoulli(let p):
            return show(["p": p])
        case .binomial(let n, let p):
            return show(["n": Double(n), "p": p])
        case .empirical(let values):
            guard let low = values.min(), let high = values.max() else { return "empirical(no values)" }
            return "empirical(\(values.count) values in [\(plannerNumber(low)), \(plannerNumber(high))])"
        }
    }
}

extension Distribution {
    /// The Beta shape parameters of a beta-PERT on [`min`, `max`] with the given mode and
    /// λ = 4: α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min).
    static func pertShapes(min: Double, mode: Double, max: Double) -> (a: Double, b: Double) {
        let range = max - min
        return (1 + 4 * (mode - min) / range, 1 + 4 * (max - mode) / range)
    }
}
