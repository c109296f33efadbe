import CGSL
import Foundation

/// Validating factories for the parameterisations planners use. Each converts exactly to the
/// canonical case and throws a ``DistributionError`` with a planner-facing message when the
/// parameters are impossible.
extension Distribution {
    /// A lognormal with the given median and 90th percentile:
    /// `mu = ln(median)`, `sigma = ln(p90/median)/z₀.₉` with `z₀.₉ = Φ⁻¹(0.9)`
    /// (`gsl_cdf_ugaussian_Pinv`), so `quantile(0.5) == median` and `quantile(0.9) == p90`.
    ///
    /// - Throws: unless `0 < median < p90` (both finite).
    public static func lognormal(median: Double, p90: Double) throws -> Distribution {
        ensureGSLErrorHandlerOff()
        let check = ParameterCheck(distribution: "lognormal")
        try check.positive("median", median)
        try check.positive("p90", p90)
        guard p90 > median else {
            throw check.error("p90 (\(plannerNumber(p90))) must be greater than median (\(plannerNumber(median)))")
        }
        let z90 = gsl_cdf_ugaussian_Pinv(0.9)
        return try Distribution.lognormal(mu: log(median), sigma: log(p90 / median) / z90).validated()
    }

    /// A lognormal with the given mean and standard deviation (of X itself, not of ln X):
    /// `sigma² = ln(1 + sd²/mean²)`, `mu = ln(mean) − sigma²/2`.
    ///
    /// - Throws: unless `mean > 0` and `sd > 0` (both finite).
    public static func lognormal(mean: Double, sd: Double) throws -> Distribution {
        let check = ParameterCheck(distribution: "lognormal")
        try check.positive("mean", mean)
        try check.positive("sd", sd)
        let sigmaSquared = log1p((sd / mean) * (sd / mean))
        return try Distribution.lognormal(mu: log(mean) - sigmaSquared / 2, sigma: sigmaSquared.squareRoot()).validated()
    }

    /// A gamma with the given mean and coefficient of variation (sd/mean):
    /// `shape = 1/cv²`, `scale = mean·cv²`. A cv of 1 is the exponential.
    ///
    /// - Throws: unless `mean > 0` and `cv > 0` (both finite).
    public static func gamma(mean: Double, cv: Double) throws -> Distribution {
        let check = ParameterCheck(distribution: "gamma")
        try check.positive("mean", mean)
        try check.positive("cv", cv)
        return try Distribution.gamma(shape: 1 / (cv * cv), scale: mean * cv * cv).validated()
    }

    /// A beta on [0, 1] with the given mean and standard deviation, by the method of moments:
    /// with `k = mean·(1 − mean)/sd² − 1`, `a = mean·k`, `b = (1 − mean)·k`.
    ///
    /// - Throws: unless `0 < mean < 1`, `sd > 0` and `sd² < mean·(1 − mean)` (no beta has a
    ///   larger variance for that mean).
    public static func beta(mean: Double, sd: Double) throws -> Distribution {
        let check = ParameterCheck(distribution: "beta")
        try check.finite("mean", mean)
        guard mean > 0, mean < 1 else {
            throw check.error("mean must be strictly between 0 and 1, got \(plannerNumber(mean))")
        }
        try check.positive("sd", sd)
        let bernoulliVariance = mean * (1 - mean)
        guard sd * sd < bernoulliVariance else {
            throw check.error("sd (\(plannerNumber(sd))) is too large for mean (\(plannerNumber(mean))); "
                + "it must be less than sqrt(mean*(1-mean)) = \(plannerNumber(bernoulliVariance.squareRoot()))")
        }
        let k = bernoulliVariance / (sd * sd) - 1
        return try Distribution.beta(a: mean * k, b: (1 - mean) * k).validated()
    }
}
