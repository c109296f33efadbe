/// A streaming quantile estimator with bounded relative error, log-linear bucketed in the
/// manner of HDR histograms: a positive value x = s·2ᵉ (1 ≤ s < 2) falls into bucket
/// e·m + ⌊(s − 1)·m⌋ with m = ⌈1/(2α)⌉ buckets per power of two, and a quantile is
/// answered with its bucket's midpoint, within relative error α of an order statistic of
/// the data. No logarithm is taken: the bucket comes from the float's exponent and
/// significand.
///
/// Memory is constant in the number of values: one counter per bucket between the
/// smallest and largest value seen — m per power of two, e.g. 3,000 counters for α = 0.005
/// over values from 1 to 10⁹. Values ≤ `zeroThreshold` are counted as exact zeros
/// (waiting times are often zero). Counts do not depend on the order values arrive in.
public struct QuantileSketch: Sendable {
    /// Relative accuracy α of the answers.
    public let relativeAccuracy: Double
    /// Values at or below this are counted as zero.
    public let zeroThreshold: Double

    private let bucketsPerOctave: Int
    private var zeroCount = 0
    private var buckets: [Int] = []
    private var offset = 0
    /// Number of values recorded.
    public private(set) var count = 0

    /// Creates an empty sketch.
    /// - Parameters:
    ///   - relativeAccuracy: α in (0, 1); answers are within a factor 1 ± α of a data value.
    ///   - zeroThreshold: values at or below it are exact zeros.
    public init(relativeAccuracy: Double = 0.005, zeroThreshold: Double = 1e-9) {
        precondition(relativeAccuracy > 0 && relativeAccuracy < 1)
        self.relativeAccuracy = relativeAccuracy
        self.zeroThreshold = zeroThreshold
        bucketsPerOctave = Int((1 / (2 * relativeAccuracy)).rounded(.up))
    }

    /// Records one value (negative and non-finite values count as zero).
    public mutating func add(_ value: Double) {
        count += 1
        guard value > zeroThreshold, value.isFinite else {
            zeroCount += 1
            return
        }
        let m = bucketsPerOctave
        let index = Int(value.exponent) * m + Int((value.significand - 1) * Double(m))
        buckets[slot(for: index)] += 1
    }

    /// Adds all values of `other` (which must use the same accuracy) to this sketch.
    public mutating func merge(_ other: QuantileSketch) {
        precondition(other.relativeAccuracy == relativeAccuracy, "sketch accuracies differ")
        count += other.count
        zeroCount += other.zeroCount
        for (position, n) in other.buckets.enumerated() where n > 0 {
            buckets[slot(for: other.offset + position)] += n
        }
    }

    /// The array position of bucket `index`, growing the array to cover it.
    private mutating func slot(for index: Int) -> Int {
        if buckets.isEmpty {
            offset = index
            buckets = [0]
        } else if index < offset {
            buckets.insert(contentsOf: repeatElement(0, count: offset - index), at: 0)
            offset = index
        } else if index >= offset + buckets.count {
            buckets.append(contentsOf: repeatElement(0, count: index - offset - buckets.count + 1))
        }
        return index - offset
    }

    /// The midpoint of bucket `index`.
    private func midpoint(of index: Int) -> Double {
        let m = bucketsPerOctave
        let exponent = index >= 0 ? index / m : (index - m + 1) / m
        let step = index - exponent * m
        return Double(sign: .plus, exponent: exponent, significand: 1 + (Double(step) + 0.5) / Double(m))
    }

    /// The estimated p-quantile (p in [0, 1]) by the lower-rank rule: the value of rank
    /// ⌊p·(n − 1)⌋ among the sorted values. NaN when empty.
    public func quantile(_ p: Double) -> Double {
        guard count > 0 else { return .nan }
        let rank = Int((min(max(p, 0), 1) * Double(count - 1)).rounded(.down))
        if rank < zeroCount { return 0 }
        var seen = zeroCount
        for (position, n) in buckets.enumerated() {
            seen += n
            if seen > rank { return midpoint(of: offset + position) }
        }
        return .nan
    }
}
