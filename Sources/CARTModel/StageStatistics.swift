import OutputSchema
import SimKernel

/// Waiting and working time of one stage, in days, over patients whose stage ended after
/// the warm-up (accumulated during a replication).
struct StageStatistics {
    let name: String
    /// Time waiting for a resource, a pickup or an opening (days).
    var waiting = Tally()
    /// Time being worked on, travelling or held (days).
    var working = Tally()

    init(name: String) { self.name = name }

    /// The replication's summary of the stage. A stage that only ever works (or only
    /// ever waits) records one side; the other is zero for each of its observations.
    var summary: StageSummary {
        let observations = max(waiting.count, working.count)
        func mean(_ tally: Tally) -> Double { tally.count == 0 && observations > 0 ? 0 : tally.mean }
        func p90(_ tally: Tally) -> Double { tally.count == 0 && observations > 0 ? 0 : tally.quantile(0.9) }
        return StageSummary(name: name, observations: observations, waitingMeanDays: mean(waiting),
                            waitingP90Days: p90(waiting), workingMeanDays: mean(working), workingP90Days: p90(working))
    }
}

/// One stage in one replication: observations and waiting/working time in days (NaN
/// without observations). A few numbers, so results of many replications stay small.
public struct StageSummary: Sendable {
    public let name: String
    public let observations: Int
    public let waitingMeanDays: Double
    public let waitingP90Days: Double
    public let workingMeanDays: Double
    public let workingP90Days: Double

    public init(name: String, observations: Int, waitingMeanDays: Double, waitingP90Days: Double,
                workingMeanDays: Double, workingP90Days: Double) {
        self.name = name
        self.observations = observations
        self.waitingMeanDays = waitingMeanDays
        self.waitingP90Days = waitingP90Days
        self.workingMeanDays = workingMeanDays
        self.workingP90Days = workingP90Days
    }
}

/// Collects per-stage statistics in a fixed order (pathway order, manufacturing steps in
/// product order).
struct StageRecorder {
    private(set) var stages: [StageStatistics] = []
    private var index: [String: Int] = [:]
    /// Index of each fixed pathway stage (by `Stage` order), once registered.
    private var fixedIndex = [Int](repeating: -1, count: Stage.allCases.count)

    init() {}

    /// A recorder with the same stages as `other`, and no observations (end of warm-up).
    init(registering other: StageRecorder) {
        for stage in other.stages { register(stage.name) }
    }

    /// Registers a stage name (in pathway order); returns its index.
    @discardableResult
    mutating func register(_ name: String) -> Int {
        if let existing = index[name] { return existing }
        index[name] = stages.count
        if let stage = Stage.allCases.first(where: { $0.name == name }) { fixedIndex[stage.rawValue] = stages.count }
        stages.append(StageStatistics(name: name))
        return stages.count - 1
    }

    /// Records a fixed pathway stage (it must have been registered).
    mutating func record(_ stage: Stage, waiting: SimTime, working: SimTime) {
        record(fixedIndex[stage.rawValue], waiting: waiting, working: working)
    }

    /// Records a stage that never waits (a fixed delay, a step inside a held suite).
    mutating func recordWorking(_ stage: Int, _ working: SimTime) {
        stages[stage].working.add(Ticks.days(working))
    }

    /// Records a fixed pathway stage that never waits.
    mutating func recordWorking(_ stage: Stage, _ working: SimTime) {
        recordWorking(fixedIndex[stage.rawValue], working)
    }

    /// Records a fixed pathway stage that only waits (a queue).
    mutating func recordWaiting(_ stage: Stage, _ waiting: SimTime) {
        stages[fixedIndex[stage.rawValue]].waiting.add(Ticks.days(waiting))
    }

    mutating func record(_ stage: Int, waiting: SimTime, working: SimTime) {
        stages[stage].waiting.add(Ticks.days(waiting))
        stages[stage].working.add(Ticks.days(working))
    }
}
