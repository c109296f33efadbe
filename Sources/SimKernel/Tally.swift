/// A streaming summary of observations (waiting times, lead times): count, mean and
/// variance by Welford's algorithm, minimum, maximum and quantiles from a
/// `QuantileSketch`. Memory does not grow with the number of observations.
public struct Tally: Sendable {
    /// Number of observations.
    public private(set) var count = 0
    /// Arithmetic mean; NaN when empty.
    public private(set) var mean = Double.nan
    /// Smallest observation; NaN when empty.
    public private(set) var min = Double.nan
    /// Largest observation; NaN when empty.
    public private(set) var max = Double.nan
    private var sumOfSquaredDeviations = 0.0
    private var sketch: QuantileSketch

    /// Creates an empty tally whose quantiles have relative accuracy `quantileAccuracy`.
    public init(quantileAccuracy: Double = 0.005) {
        sketch = QuantileSketch(relativeAccuracy: quantileAccuracy)
    }

    /// Records one observation.
    public mutating func add(_ value: Double) {
        count += 1
        if count == 1 {
            mean = value
            min = value
            max = value
        } else {
            let delta = value - mean
            mean += delta / Double(count)
            sumOfSquaredDeviations += delta * (value - mean)
            min = Swift.min(min, value)
            max = Swift.max(max, value)
        }
        sketch.add(value)
    }

    /// Sample variance (n − 1 denominator); NaN with fewer than two observations.
    public var variance: Double { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : .nan }

    /// Sample standard deviation; NaN with fewer than two observations.
    public var standardDeviation: Double { variance.squareRoot() }

    /// Estimated p-quantile (relative error bounded by the sketch accuracy); NaN when empty.
    public func quantile(_ p: Double) -> Double { sketch.quantile(p) }
}
