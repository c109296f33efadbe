import Foundation

/// The one-sample Kolmogorov–Smirnov test of a sample against a continuous distribution.
public enum KolmogorovSmirnov {
    /// The statistic D = sup |Fₙ(x) − F(x)|, Fₙ the empirical CDF of `sample`:
    /// with the sample sorted, `max over i of max(i/n − F(xᵢ), F(xᵢ) − (i − 1)/n)`.
    ///
    /// Returns 0 for an empty sample.
    /// - Complexity: O(n log n) for the sort, plus n calls of `cdf`.
    public static func statistic(sample: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = sample.sorted()
        let n = Double(sorted.count)
        var largest = 0.0
        for (index, x) in sorted.enumerated() {
            let probability = cdf(x)
            largest = max(largest, Double(index + 1) / n - probability, probability - Double(index) / n)
        }
        return largest
    }

    /// The critical value of D at significance `alpha` for a sample of `n`: reject the
    /// distribution when D exceeds it. Stephens' (1970) approximation
    /// `c(α)/(√n + 0.12 + 0.11/√n)` with the asymptotic Kolmogorov quantile
    /// `c(α) = √(−ln(α/2)/2)` (c(0.05) = 1.358, c(0.01) = 1.628); accurate to about 1 %
    /// for n ≥ 5.
    ///
    /// - Precondition: `n >= 1` and `0 < alpha < 1`.
    public static func criticalValue(n: Int, alpha: Double) -> Double {
        precondition(n >= 1 && alpha > 0 && alpha < 1, "KolmogorovSmirnov.criticalValue: need n >= 1 and 0 < alpha < 1")
        let c = (-log(alpha / 2) / 2).squareRoot()
        let root = Double(n).squareRoot()
        return c / (root + 0.12 + 0.11 / root)
    }
}
