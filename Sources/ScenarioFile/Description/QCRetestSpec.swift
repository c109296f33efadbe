import SimKernel

/// QC tests that fail for lab reasons — an invalid assay, not an out-of-specification lot —
/// and are repeated (a plant's `qc_invalid_assay`; reference: `Scenarios/README.md`, "QC retests").
public struct QCRetestSpec: Sendable {
    /// Probability that a test is invalid outside the waves.
    public var probability: Double
    /// Periods with another probability (a QC failure wave).
    public var waves: [Wave]
    /// Most repeats of a lot's test; a lot still without a valid result fails (`failed_other_test`).
    public var maxRetests: Int

    /// From `from` (seconds since the start of the run) for `length` seconds, a test that ends
    /// is invalid with `probability`.
    public struct Wave: Sendable {
        public var from: SimTime
        public var length: SimTime
        public var probability: Double

        public init(from: SimTime, length: SimTime, probability: Double) {
            self.from = from
            self.length = length
            self.probability = probability
        }
    }

    public init(probability: Double, waves: [Wave], maxRetests: Int) {
        self.probability = probability
        self.waves = waves
        self.maxRetests = maxRetests
    }

    /// The probability that a test ending at `time` is invalid: the wave's, in a wave.
    public func probability(at time: SimTime) -> Double {
        waves.first { time >= $0.from && time < $0.from + $0.length }?.probability ?? probability
    }
}
