import Foundation
import Synchronization
import CARTModel
import SimKernel
import ScenarioFile

/// Runs replications of a scenario on `jobs` threads and hands the results over in
/// replication order. Replication i always uses the streams of index i, so results do not
/// depend on the number of jobs. Workers run at most a few replications ahead of the
/// delivery, so memory stays bounded however many replications run.
public struct ReplicationRunner: Sendable {
    public let scenario: ScenarioDescription
    /// Worker threads (≥ 1).
    public let jobs: Int
    /// Patient records are kept for replications with index below this.
    public let patientReplications: Int

    /// Where traced replications stream their events (`--trace`), if anywhere.
    let trace: EventTraceFiles?
    /// When the first replication takes a snapshot of its patients in flight (`--snapshot-at`).
    var snapshotTime: SimTime?

    public init(scenario: ScenarioDescription, jobs: Int, patientReplications: Int) {
        self.init(scenario: scenario, jobs: jobs, patientReplications: patientReplications, trace: nil)
    }

    init(scenario: ScenarioDescription, jobs: Int, patientReplications: Int, trace: EventTraceFiles?) {
        self.scenario = scenario
        self.jobs = max(1, jobs)
        self.patientReplications = patientReplications
        self.trace = trace
    }

    /// Runs the replications with the given indices and returns their results in that order.
    public func run(indices: [Int]) throws -> [ReplicationResult] {
        var results: [ReplicationResult] = []
        try run(indices: indices) { results.append($0); return true }
        return results
    }

    /// Runs the replications with the given indices, calling `deliver` on the calling
    /// thread with each result in the order of `indices`. `deliver` returns false to stop
    /// early; `interrupted` is polled before each replication starts (a signal). Results
    /// computed beyond the stopping point are discarded, so what is delivered never
    /// depends on the number of jobs.
    /// - Returns: the number of results delivered.
    @discardableResult
    public func run(indices: [Int], interrupted: @escaping @Sendable () -> Bool = { false },
                    deliver: (ReplicationResult) throws -> Bool) throws -> Int {
        let state = RunnerState(window: 4 * jobs)
        let workers = min(jobs, indices.count)
        let work: @Sendable () -> Void = { [scenario, patientReplications, trace] in
            while let position = state.claim(count: indices.count, interrupted: interrupted) {
                let index = indices[position]
                do {
                    let replication = try PathwayReplication(scenario: scenario, replication: index,
                                                             keepPatients: index < patientReplications)
                    if index == 0 { replication.snapshotTime = snapshotTime }
                    let result = try trace?.run(replication, scenario: scenario) ?? replication.run()
                    state.complete(position, with: .success(result.roundedForOutput()))
                } catch {
                    state.complete(position, with: .failure(error))
                }
            }
            state.workerFinished()
        }
        for _ in 0..<workers {
            let thread = Thread(block: work)
            thread.stackSize = 8 << 20
            thread.start()
        }
        var delivered = 0
        defer { state.stopAndWaitForWorkers(workers) }
        while delivered < indices.count, let result = state.next(delivered) {
            delivered += 1
            guard try deliver(try result.get()) else { break }
        }
        return delivered
    }
}

/// Shared state of a run: which positions are claimed and which results wait for delivery.
/// Every access holds `condition`'s lock.
private final class RunnerState: @unchecked Sendable {
    private let condition = NSCondition()
    private let window: Int
    private var nextPosition = 0
    private var deliveredCount = 0
    private var pending: [Int: Result<ReplicationResult, any Error>] = [:]
    private var stopped = false
    private var running = 0
    private var finishedWorkers = 0

    init(window: Int) { self.window = window }

    /// The next position for a worker, waiting while it is too far ahead of delivery; nil
    /// when everything is claimed or the run stops.
    func claim(count: Int, interrupted: () -> Bool) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && nextPosition < count && nextPosition - deliveredCount >= window { condition.wait() }
        guard !stopped, nextPosition < count, !interrupted() else { return nil }
        defer { nextPosition += 1 }
        running += 1
        return nextPosition
    }

    func complete(_ position: Int, with result: Result<ReplicationResult, any Error>) {
        condition.lock()
        pending[position] = result
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    func workerFinished() {
        condition.lock()
        finishedWorkers += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The result at `position`, waiting for it; nil when it will never come (the workers
    /// stopped before claiming it).
    func next(_ position: Int) -> Result<ReplicationResult, any Error>? {
        condition.lock()
        defer { condition.unlock() }
        while pending[position] == nil {
            if position >= nextPosition && running == 0 && (stopped || finishedWorkersAll) { return nil }
            condition.wait()
        }
        deliveredCount = position + 1
        condition.broadcast()
        return pending.removeValue(forKey: position)
    }

    private var finishedWorkersAll: Bool { finishedWorkers > 0 && running == 0 }

    func stopAndWaitForWorkers(_ workers: Int) {
        condition.lock()
        stopped = true
        condition.broadcast()
        while finishedWorkers < workers { condition.wait() }
        pending.removeAll()
        condition.unlock()
    }
}
