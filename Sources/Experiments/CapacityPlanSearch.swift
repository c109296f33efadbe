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
    /// The smallest value that meets the target; nil when even the top of the range fails.
    public private(set) var answer: Int?

    /// Searches `range`; `evaluate` runs a value and `isMet` says whether its result meets
    /// the target. Each value is evaluated at most once.
    public init<Failure: Error>(range: ClosedRange<Int>, evaluate: (Int) throws(Failure) -> Evaluation,
                                isMet: (Evaluation) -> Bool) throws(Failure) {
        func holds(_ value: Int) throws(Failure) -> Bool {
            let result = try evaluate(value)
            evaluated.append((value, result))
            return isMet(result)
        }
        guard try holds(range.upperBound) else { return }
        var (failing, holding) = (range.lowerBound - 1, range.upperBound)
        if range.lowerBound < range.upperBound {
            if try holds(range.lowerBound) { holding = range.lowerBound } else { failing = range.lowerBound }
        }
        while holding - failing > 1 {
            let middle = failing + (holding - failing) / 2
            if try holds(middle) { holding = middle } else { failing = middle }
        }
        answer = holding
    }
}
