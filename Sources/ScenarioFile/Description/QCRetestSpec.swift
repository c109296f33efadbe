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

    /// While `window` lasts, a test that ends is invalid with `probability`.
    public struct Wave: Sendable {
        public var window: TimeWindow
        public var probability: Double

        public init(window: TimeWindow, probability: Double) {
            self.window = window
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
        waves.first { $0.window.contains(time) }?.probability ?? probability
    }
}
