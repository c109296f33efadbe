import SimRandom

/// The search of `cartsim optimise`: screen every point of the grid with a few replications,
/// then add replications to the contenders only, until the best feasible point is separated
/// from every other or the replication budget is spent — in the spirit of sequential
/// ranking-and-selection procedures with screening.
///
/// All points run the same replication indices (common random numbers), so points are
/// compared by paired differences. A round classifies every point still in the race:
/// - a constraint is **met** when its whole 95 % interval is on the right side of the bound,
///   **violated** when the whole interval is on the wrong side, else undecided; a point with
///   a violated constraint leaves the race (`infeasible`);
/// - the **best** is the point with every constraint met and the best objective mean;
/// - a point whose objective is worse than the best's — by a paired interval at confidence
///   1 − 0.05 / (points in the race − 1) (Bonferroni), or exactly for the `decisions`
///   objective — leaves the race (`worse`);
/// - the points left (other than the best, and other than exact ties with it) are the
///   contenders: when there are none the best is separated; otherwise every point in the race
///   gets twice its replications (at most the maximum) and a new round starts.
/// Points leave the race for good: a later, more precise round never brings one back.
public struct OptimiseSearch: Sendable {
    /// Where a point ended.
    public enum Status: String, Sendable {
        /// The answer: feasible with 95 % confidence and better than every point left.
        case chosen
        /// Still in the race when the search stopped: not separated from the chosen point
        /// (or feasibility undecided) at the maximum replications.
        case contender
        /// As good as the chosen point (same decision cost), also feasible.
        case tie
        /// Objective worse than the best point's, with confidence.
        case worse
        /// A constraint is violated with confidence.
        case infeasible
    }

    /// A point of the grid and what is known about it.
    public struct Candidate: Sendable {
        /// One value per decision variable.
        public let point: [Int]
        /// Its KPI values, replication 0 onwards.
        public internal(set) var samples: SweepSamples
        public internal(set) var status: Status = .contender
        /// The replications it had when it left the race (nil while in it).
        public internal(set) var decidedAt: Int?
    }

    public let problem: OptimiseProblem
    public private(set) var candidates: [Candidate] = []
    /// The index of the chosen candidate; nil when no point is known to be feasible.
    public private(set) var chosen: Int?
    /// Whether the chosen point is separated from every other (no contender left).
    public private(set) var separated = false
    /// The replications each round ran to, and how many points were then in the race.
    public private(set) var rounds: [(replications: Int, inRace: Int)] = []
    /// Whether a signal stopped the search before it ended.
    public private(set) var interrupted = false

    /// Runs the search. `evaluate(point, replications)` runs replications of the variant at
    /// grid point `point`; `interrupted` is polled before each evaluation; `progress` is told
    /// the points evaluated in the current round and the round's total.
    /// - Parameters:
    ///   - screening: replications of the first round (≥ 2).
    ///   - maximum: the most replications a point may get.
    public init(problem: OptimiseProblem, screening: Int, maximum: Int,
                evaluate: (Int, Range<Int>) throws -> SweepSamples,
                interrupted: () -> Bool = { false }, progress: (Int, Int) -> Void = { _, _ in }) throws {
        self.problem = problem
        let points = problem.points
        var race: [Int] = []
        for index in points.indices {
            if interrupted() { self.interrupted = true; break }
            candidates.append(Candidate(point: points[index], samples: try evaluate(index, 0..<screening)))
            race.append(index)
            progress(index + 1, points.count)
        }
        var replications = screening
        while true {
            race = classify(race, replications: replications)
            rounds.append((replications, race.count))
            let contenders = race.filter { $0 != chosen && candidates[$0].status == .contender }
            if contenders.isEmpty { separated = chosen != nil; break }
            if self.interrupted || replications >= maximum { break }
            let next = min(2 * replications, maximum)
            for (done, index) in race.enumerated() {
                if interrupted() { self.interrupted = true; break }
                candidates[index].samples = candidates[index].samples.appending(try evaluate(index, replications..<next))
                progress(done + 1, race.count)
            }
            if self.interrupted { break }
            replications = next
        }
        if let chosen { candidates[chosen].status = .chosen }
    }

    /// One round: removes infeasible and worse points from `race`, sets the best; returns the race left.
    private mutating func classify(_ race: [Int], replications: Int) -> [Int] {
        var left: [Int] = []
        for index in race {
            if problem.constraints.contains(where: { isViolated($0, candidates[index]) }) {
                leave(index, as: .infeasible, at: replications)
            } else {
                left.append(index)
            }
        }
        let feasible = left.filter { index in problem.constraints.allSatisfy { isMet($0, candidates[index]) } }
        chosen = feasible.min { objective(candidates[$0]) < objective(candidates[$1]) }
        guard let best = chosen else { return left }
        let confidence = 1 - 0.05 / Double(max(1, left.count - 1))
        return left.filter { index in
            guard index != best else { return true }
            switch comparison(candidates[index], with: candidates[best], confidence: confidence) {
            case .worse:
                leave(index, as: .worse, at: replications)
                return false
            case .tie where feasible.contains(index):
                candidates[index].status = .tie
                return true
            case .tie, .notSeparated:
                candidates[index].status = .contender
                return true
            }
        }
    }

    private mutating func leave(_ index: Int, as status: Status, at replications: Int) {
        candidates[index].status = status
        candidates[index].decidedAt = replications
    }

    private enum Comparison { case worse, tie, notSeparated }

    /// How `candidate` compares with `best` on the objective.
    private func comparison(_ candidate: Candidate, with best: Candidate, confidence: Double) -> Comparison {
        switch problem.objective {
        case .decisions:
            let (mine, theirs) = (problem.decisionCost(candidate.point), problem.decisionCost(best.point))
            return mine > theirs ? .worse : mine == theirs ? .tie : .notSeparated
        case .kpi(let name, let maximise):
            let sign = maximise ? -1.0 : 1.0
            let differences = zip(candidate.samples.values(of: name) ?? [], best.samples.values(of: name) ?? [])
                .map { sign * ($0 - $1) }.filter(\.isFinite)
            let interval = StudentTInterval(values: differences, confidence: confidence)
            return interval.lower > 0 ? .worse : .notSeparated
        }
    }

    /// The objective of a candidate as a number to minimise (its mean; NaN sorts last).
    func objective(_ candidate: Candidate) -> Double {
        let value: Double
        switch problem.objective {
        case .decisions: value = problem.decisionCost(candidate.point)
        case .kpi(let name, let maximise):
            let mean = candidate.samples.summary(of: name)?.interval.mean ?? .nan
            value = maximise ? -mean : mean
        }
        return value.isNaN ? .infinity : value
    }

    private func interval(_ kpi: String, _ candidate: Candidate) -> StudentTInterval? {
        candidate.samples.summary(of: kpi)?.interval
    }

    /// Whether the constraint holds with 95 % confidence (the whole interval inside).
    func isMet(_ constraint: CapacityPlanTarget, _ candidate: Candidate) -> Bool {
        interval(constraint.kpi, candidate).map(constraint.isMet) ?? false
    }

    /// Whether the constraint fails with 95 % confidence (the whole interval outside).
    func isViolated(_ constraint: CapacityPlanTarget, _ candidate: Candidate) -> Bool {
        guard let interval = interval(constraint.kpi, candidate), interval.count >= 2, interval.halfWidth.isFinite else {
            return false
        }
        switch constraint.relation {
        case .atMost: return interval.lower > constraint.value
        case .atLeast: return interval.upper < constraint.value
        }
    }
}
