import CGSL

/// A choice among labelled alternatives with given relative weights, e.g. the share of
/// patients referred to each treatment centre. Sampling is O(1) by Walker's alias method
/// (`gsl_ran_discrete_preproc` / `gsl_ran_discrete`).
///
/// `@unchecked Sendable`: the GSL lookup table is built once in `init`, never mutated
/// afterwards, and freed in `deinit`; `gsl_ran_discrete` and `gsl_ran_discrete_pdf` only read
/// it. One instance can therefore be built from the scenario and shared by the replications
/// running on different threads, each drawing from its own ``RandomStream``.
public final class WeightedChoice: @unchecked Sendable {
    /// The alternatives, in the order given.
    public let labels: [String]
    /// The relative weights, as given (not normalised).
    public let weights: [Double]
    /// GSL's alias table; read-only after `init`.
    private let table: UnsafeMutablePointer<gsl_ran_discrete_t>

    /// Creates a choice; weights are relative (they need not sum to 1).
    ///
    /// - Throws: ``DistributionError`` when there are no labels, the counts differ, a label
    ///   repeats, a weight is negative or not finite, or every weight is zero.
    public init(labels: [String], weights: [Double]) throws {
        ensureGSLErrorHandlerOff()
        let check = ParameterCheck(distribution: "choice")
        guard !labels.isEmpty else { throw check.error("needs at least one label") }
        guard labels.count == weights.count else {
            throw check.error("got \(labels.count) labels but \(weights.count) weights")
        }
        var seen = Set<String>()
        for (label, weight) in zip(labels, weights) {
            guard seen.insert(label).inserted else { throw check.error("label \"\(label)\" appears twice") }
            try check.finite("weight of \"\(label)\"", weight)
            guard weight >= 0 else {
                throw check.error("weight of \"\(label)\" must not be negative, got \(plannerNumber(weight))")
            }
        }
        guard weights.contains(where: { $0 > 0 }) else { throw check.error("at least one weight must be positive") }
        guard let table = gsl_ran_discrete_preproc(weights.count, weights) else {
            throw check.error("GSL could not build the lookup table for \(weights.count) weights")
        }
        self.labels = labels
        self.weights = weights
        self.table = table
    }

    deinit {
        gsl_ran_discrete_free(table)
    }

    /// The index (into ``labels``) of one draw. Alternatives of weight 0 are never drawn.
    ///
    /// - Complexity: O(1).
    public func sampleIndex(_ stream: RandomStream) -> Int {
        gsl_ran_discrete(stream.generator, table)
    }

    /// The label of one draw.
    public func sample(_ stream: RandomStream) -> String {
        labels[sampleIndex(stream)]
    }

    /// The probability of alternative `index`: its weight divided by the sum of weights.
    ///
    /// - Precondition: `index` is a valid index of ``labels``.
    public func probability(at index: Int) -> Double {
        precondition(labels.indices.contains(index), "WeightedChoice.probability(at:): index \(index) out of range")
        return gsl_ran_discrete_pdf(index, table)
    }
}
