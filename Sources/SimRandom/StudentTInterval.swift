import CGSL

/// The mean of independent observations (e.g. one KPI over replications) with its Student-t
/// confidence interval `mean ± t(1 − α/2, n − 1)·sd/√n`, α = 1 − confidence.
///
/// Values are unit-less; the interval is in the unit of the values.
public struct StudentTInterval: Sendable, Equatable {
    /// The sample mean (NaN when there are no values).
    public let mean: Double
    /// The sample standard deviation, dividing by n − 1 (NaN when n < 2).
    public let standardDeviation: Double
    /// The half-width `t·sd/√n` (NaN when n < 2: one observation says nothing about spread).
    public let halfWidth: Double
    /// The number of values, n.
    public let count: Int
    /// The confidence level, e.g. 0.95.
    public let confidence: Double

    /// `mean − halfWidth` (NaN when n < 2).
    public var lower: Double { mean - halfWidth }
    /// `mean + halfWidth` (NaN when n < 2).
    public var upper: Double { mean + halfWidth }

    /// Computes the interval with `gsl_stats_mean`, `gsl_stats_sd` and the t quantile
    /// `gsl_cdf_tdist_Pinv(1 − α/2, n − 1)`.
    ///
    /// - Precondition: `0 < confidence < 1`.
    /// - Complexity: O(n).
    public init(values: [Double], confidence: Double = 0.95) {
        precondition(confidence > 0 && confidence < 1, "StudentTInterval: confidence must be in (0, 1), got \(confidence)")
        ensureGSLErrorHandlerOff()
        let n = values.count
        self.count = n
        self.confidence = confidence
        self.mean = n == 0 ? .nan : gsl_stats_mean(values, 1, n)
        guard n >= 2 else {
            self.standardDeviation = .nan
            self.halfWidth = .nan
            return
        }
        self.standardDeviation = gsl_stats_sd_m(values, 1, n, mean)
        let t = gsl_cdf_tdist_Pinv(1 - (1 - confidence) / 2, Double(n - 1))
        self.halfWidth = t * standardDeviation / Double(n).squareRoot()
    }
}
