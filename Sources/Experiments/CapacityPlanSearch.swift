import Foundation

/// Bisection for the smallest integer of a range at which a target holds, assuming the
/// target holds for every value above one that meets it (more capacity never hurts).
///
/// Evaluates the top of the range first (if it fails, no value does), then the bottom (if
/// it holds, it is the answer), then bisects between the largest failing and the smallest
/// holding value until they are neighbours: at most ⌈log₂(max − min)⌉ + 2 evaluations, and
/// whenever the answer is above the bottom, answer − 1 has been evaluated and failed.
public struct CapacityPlanSearch<Evaluation> {
    /// The values evaluated, in evaluation order, with what the evaluation returned.
    public private(set) var evaluated: [(value: Int, result: Evaluation)] = []
    /// The smallest value that meets the target; nil when even the top of the range fails,
    /// or when the search was interrupted before it was found.
    public private(set) var answer: Int?
    /// Whether `interrupted` stopped the search (the values evaluated are kept).
    public private(set) var wasInterrupted = false

    /// The most evaluations a search of `range` makes.
    public static func maximumEvaluations(_ range: ClosedRange<Int>) -> Int {
        let span = range.upperBound - range.lowerBound
        return span <= 0 ? 1 : 2 + Int(ceil(log2(Double(span))))
    }

    /// Searches `range`; `evaluate` runs a value and `isMet` says whether its result meets
    /// the target. Each value is evaluated at most once; `interrupted` is asked before each.
    public init<Failure: Error>(range: ClosedRange<Int>, evaluate: (Int) throws(Failure) -> Evaluation,
                                isMet: (Evaluation) -> Bool, interrupted: () -> Bool = { false }) throws(Failure) {
        /// Whether `value` meets the target; nil once interrupted.
        func holds(_ value: Int) throws(Failure) -> Bool? {
            if interrupted() {
                wasInterrupted = true
                return nil
            }
            let result = try evaluate(value)
            evaluated.append((value, result))
            return isMet(result)
        }
        guard let top = try holds(range.upperBound), top else { return }
        var (failing, holding) = (range.lowerBound - 1, range.upperBound)
        if range.lowerBound < range.upperBound {
            guard let bottom = try holds(range.lowerBound) else { return }
            if bottom { holding = range.lowerBound } else { failing = range.lowerBound }
        }
        while holding - failing > 1 {
            let middle = failing + (holding - failing) / 2
            guard let met = try holds(middle) else { return }
            if met { holding = middle } else { failing = middle }
        }
        answer = holding
    }
}
