import Foundation
import Synchronization
import CARTModel
import ScenarioFile

/// Runs replications of a scenario, in parallel on `jobs` threads. Replication i always
/// uses the streams of index i, so results do not depend on the number of jobs; they are
/// returned in replication order.
public struct ReplicationRunner: Sendable {
    public let scenario: ScenarioDescription
    /// Worker threads (≥ 1).
    public let jobs: Int
    /// Patient records are kept for replications with index below this.
    public let patientReplications: Int

    public init(scenario: ScenarioDescription, jobs: Int, patientReplications: Int) {
        self.scenario = scenario
        self.jobs = max(1, jobs)
        self.patientReplications = patientReplications
    }

    /// Runs the replications with the given indices and returns their results in that order.
    public func run(indices: [Int]) throws -> [ReplicationResult] {
        let slots = Mutex<[ReplicationResult?]>(Array(repeating: nil, count: indices.count))
        let failure = Mutex<(any Error)?>(nil)
        let next = Atomic<Int>(0)
        let workers = min(jobs, indices.count)
        let work: @Sendable () -> Void = { [scenario, patientReplications] in
            while true {
                let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard position < indices.count else { return }
                let index = indices[position]
                do {
                    let replication = try PathwayReplication(scenario: scenario, replication: index,
                                                             keepPatients: index < patientReplications)
                    let result = replication.run()
                    slots.withLock { $0[position] = result }
                } catch {
                    failure.withLock { $0 = error }
                    return
                }
            }
        }
        if workers <= 1 {
            work()
        } else {
            let group = DispatchGroup()
            for _ in 0..<workers {
                let thread = Thread {
                    work()
                    group.leave()
                }
                thread.stackSize = 8 << 20
                group.enter()
                thread.start()
            }
            group.wait()
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return slots.withLock { $0.map { $0! } }
    }
}
