import CGSL

/// One bin of a histogram: values in `[lower, upper)` and how many there are.
struct HistogramBin: Equatable {
    let lower: Double
    let upper: Double
    let count: Int
}

/// Counts of values in equal-width bins, with GSL's histogram (`gsl_histogram_alloc`,
/// `gsl_histogram_set_ranges_uniform`, `gsl_histogram_increment`).
enum GSLHistogram {
    /// Bins of a nice width (1, 2, 2.5 or 5 × 10ⁿ) chosen so that there are at most
    /// `maximumBins`, from a multiple of the width at or below the smallest value to one
    /// above the largest. Non-finite values are ignored; no values give no bins.
    ///
    /// - Complexity: O(n log b) for n values and b bins.
    static func bins(of values: [Double], maximumBins: Int = 40) -> [HistogramBin] {
        let finite = values.filter(\.isFinite)
        guard let smallest = finite.min(), let largest = finite.max() else { return [] }
        var width = LinearScale.niceStep(max(largest - smallest, 1e-9) / Double(maximumBins))
        var lower = (smallest / width).rounded(.down) * width
        var count = Int(((largest - lower) / width).rounded(.down)) + 1
        if count > maximumBins {
            width = LinearScale.niceStep(width * 1.01)
            lower = (smallest / width).rounded(.down) * width
            count = Int(((largest - lower) / width).rounded(.down)) + 1
        }
        cartsim_gsl_errors_off()
        guard let histogram = gsl_histogram_alloc(count) else { return [] }
        defer { gsl_histogram_free(histogram) }
        gsl_histogram_set_ranges_uniform(histogram, lower, lower + Double(count) * width)
        for value in finite { gsl_histogram_increment(histogram, value) }
        return (0..<count).map { index in
            var low = 0.0, high = 0.0
            gsl_histogram_get_range(histogram, index, &low, &high)
            return HistogramBin(lower: low, upper: high, count: Int(gsl_histogram_get(histogram, index)))
        }
    }
}
