/// Exact counts of small non-negative integers (weekly infusions, patients in process),
/// for quantiles without keeping every value: memory grows with the range of values, not
/// with their number, and the result does not depend on the order values arrive in.
struct IntegerHistogram {
    private var counts: [Int] = []
    /// Number of values recorded.
    private(set) var total = 0

    mutating func add(_ value: Int) {
        let v = max(0, value)
        if v >= counts.count { counts.append(contentsOf: repeatElement(0, count: v - counts.count + 1)) }
        counts[v] += 1
        total += 1
    }

    /// The k-th smallest value (0-based).
    private func orderStatistic(_ k: Int) -> Double {
        var seen = 0
        for (value, n) in counts.enumerated() {
            seen += n
            if seen > k { return Double(value) }
        }
        return Double(counts.count - 1)
    }

    /// The p-quantile by the rule of GSL's `gsl_stats_quantile_from_sorted_data`: linear
    /// interpolation between the order statistics around (n − 1)·p. NaN when empty.
    func quantile(_ p: Double) -> Double {
        guard total > 0 else { return .nan }
        let position = Double(total - 1) * p
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        let low = orderStatistic(lower)
        return lower + 1 < total && fraction > 0 ? low + fraction * (orderStatistic(lower + 1) - low) : low
    }
}
