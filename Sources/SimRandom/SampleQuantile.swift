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

    /// The same p-quantile of unsorted data, by selection instead of a sort: the two order
    /// statistics around (n − 1)·p are found with `gsl_stats_select` (quickselect) on a copy,
    /// and interpolated as `of(sorted:p:)` does.
    ///
    /// - Complexity: O(n) on average.
    public static func of(unsorted values: [Double], p: Double) -> Double {
        guard !values.isEmpty, p >= 0, p <= 1 else { return .nan }
        ensureGSLErrorHandlerOff()
        let position = Double(values.count - 1) * p
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        var data = values
        return data.withUnsafeMutableBufferPointer { buffer -> Double in
            let base = buffer.baseAddress!
            let low = gsl_stats_select(base, 1, buffer.count, lower)
            guard fraction > 0, lower + 1 < buffer.count else { return low }
            // After selection every element after `lower` is at least `low`; the next order
            // statistic is the smallest of them.
            var high = Double.infinity
            for index in (lower + 1)..<buffer.count { high = Swift.min(high, buffer[index]) }
            return (1 - fraction) * low + fraction * high
        }
    }
}
