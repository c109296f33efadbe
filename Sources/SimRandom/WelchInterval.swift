import CGSL

/// Welch's interval for the difference of the means of two independent samples (unequal
/// variances): half-width `t(1 − α/2, ν) · √(s²a/na + s²b/nb)` with the Welch–Satterthwaite
/// degrees of freedom `ν = (s²a/na + s²b/nb)² / ((s²a/na)²/(na − 1) + (s²b/nb)²/(nb − 1))`
/// and GSL's t quantile (ν is fractional).
public enum WelchInterval {
    /// The half-width at `confidence`: 0 when both samples are constant, NaN when either
    /// has fewer than 2 values. O(na + nb).
    public static func halfWidth(_ a: [Double], _ b: [Double], confidence: Double = 0.95) -> Double {
        let (x, y) = (StudentTInterval(values: a), StudentTInterval(values: b))
        guard x.count >= 2, y.count >= 2 else { return .nan }
        let varianceX = x.standardDeviation * x.standardDeviation / Double(x.count)
        let varianceY = y.standardDeviation * y.standardDeviation / Double(y.count)
        let variance = varianceX + varianceY
        guard variance > 0 else { return 0 }
        let degrees = variance * variance
            / (varianceX * varianceX / Double(x.count - 1) + varianceY * varianceY / Double(y.count - 1))
        return gsl_cdf_tdist_Pinv(1 - (1 - confidence) / 2, degrees) * variance.squareRoot()
    }
}
