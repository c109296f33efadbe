import SimRandom

/// A summary of one replication's observations (waiting times, lead times): count, mean
/// and variance by Welford's algorithm, minimum, maximum, and **exact** quantiles of the
/// observed values (GSL's sorted-data quantile, "type 7"). It keeps every value: a
/// replication holds thousands of observations, 8 bytes each.
public struct Tally: Sendable {
    /// Number of observations.
    public var count: Int { values.count }
    /// Arithmetic mean; NaN when empty.
    public private(set) var mean = Double.nan
    /// Smallest observation; NaN when empty.
    public private(set) var min = Double.nan
    /// Largest observation; NaN when empty.
    public private(set) var max = Double.nan
    private var sumOfSquaredDeviations = 0.0
    private var values: [Double] = []

    /// Creates an empty tally.
    public init() {}

    /// Records one observation.
    public mutating func add(_ value: Double) {
        values.append(value)
        if values.count == 1 {
            mean = value
            min = value
            max = value
        } else {
            let delta = value - mean
            mean += delta / Double(values.count)
            sumOfSquaredDeviations += delta * (value - mean)
            min = Swift.min(min, value)
            max = Swift.max(max, value)
        }
    }

    /// Sample variance (n − 1 denominator); NaN with fewer than two observations.
    public var variance: Double { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : .nan }

    /// Sample standard deviation; NaN with fewer than two observations.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The exact p-quantile of the observations: linear interpolation between the order
    /// statistics around (n − 1)·p (``SampleQuantile``); NaN when empty.
    /// - Complexity: O(n) on average (selects on a copy of the values).
    public func quantile(_ p: Double) -> Double { SampleQuantile.of(unsorted: values, p: p) }
}
