/// Exact counts of non-negative integers (weekly infusions, patients in process, units in
/// stock), for quantiles without keeping every value: memory grows with the number of distinct
/// values (at most one per replication), not with their size, and the result does not depend
/// on the order values arrive in.
struct IntegerHistogram {
    private var counts: [Int: Int] = [:]
    /// Number of values recorded.
    private(set) var total = 0

    mutating func add(_ value: Int) {
        counts[max(0, value), default: 0] += 1
        total += 1
    }

    /// The k-th smallest value (0-based) of the values sorted with their counts.
    private static func orderStatistic(_ k: Int, in sorted: [(value: Int, count: Int)]) -> Double {
        var seen = 0
        for (value, n) in sorted {
            seen += n
            if seen > k { return Double(value) }
        }
        return Double(sorted.last?.value ?? 0)
    }

    /// The p-quantile by the rule of GSL's `gsl_stats_quantile_from_sorted_data`: linear
    /// interpolation between the order statistics around (n − 1)·p. NaN when empty.
    func quantile(_ p: Double) -> Double {
        guard total > 0 else { return .nan }
        let sorted = counts.sorted { $0.key < $1.key }.map { (value: $0.key, count: $0.value) }
        let position = Double(total - 1) * p
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        let low = Self.orderStatistic(lower, in: sorted)
        return lower + 1 < total && fraction > 0 ? low + fraction * (Self.orderStatistic(lower + 1, in: sorted) - low) : low
    }
}
