import CGSL

/// Quantiles of observed data.
public enum SampleQuantile {
    /// The p-quantile of sorted data by linear interpolation between order statistics
    /// (`gsl_stats_quantile_from_sorted_data`: position (n − 1)·p, 0-based; the R/Excel
    /// "type 7" definition). Values are unit-less; the result is in their unit.
    ///
    /// Returns NaN for empty data or a `p` outside [0, 1].
    ///
    /// - Precondition: `sorted` is in ascending order (checked in debug builds).
    /// - Complexity: O(1) (O(n) in debug builds, for the order check).
    public static func of(sorted: [Double], p: Double) -> Double {
        assert(zip(sorted, sorted.dropFirst()).allSatisfy { $0 <= $1 }, "SampleQuantile.of: data are not sorted")
        guard !sorted.isEmpty, p >= 0, p <= 1 else { return .nan }
        ensureGSLErrorHandlerOff()
        return gsl_stats_quantile_from_sorted_data(sorted, 1, sorted.count, p)
    }
}
