import SimKernel
import SimRandom
import ScenarioFile

/// A plant's suite downtime during one replication: its random inputs, the suites out of
/// service, the batches running (those a failure can hit) and what happened in the window.
///
/// Suites are a pool without identities, so a failing suite holds a batch with probability
/// (batches running) / (suites in service), and then one of the running batches, each as
/// likely; every suite has its own failure clock, which stops while it is repaired.
final class SuiteDowntime {
    let spec: SuiteDowntimeSpec
    let changeover: RandomInput?
    let timeBetweenFailures: [RandomInput]
    let repair: RandomInput?
    /// Which suite a failure hits.
    let failureHit: RandomStream
    let decontamination: RandomInput?
    /// Whether a batch is contaminated, by the patient's centre (draws in each centre's own order).
    let contamination: [RandomEvent]
    /// Suites out of service now (maintenance, repair, decontamination).
    var down = 0
    /// Batches holding a suite and running their steps, when failures can hit them.
    var running: [Patient] = []
    /// Counts in the statistics window.
    var failures = 0, batchesLost = 0, contaminations = 0

    init(_ spec: SuiteDowntimeSpec, plant: PlantSpec, in model: PathwayReplication) {
        let p = "plant.\(plant.name)"
        self.spec = spec
        changeover = spec.changeover.map { model.input($0, "\(p).changeover") }
        timeBetweenFailures = spec.failures.map { failures in
            (0..<plant.capacityChanges.filter { $0.pool == .suites }.reduce(plant.suites) { max($0, $1.capacity) }).map { model.input(failures.timeBetween, "\(p).suite\($0).time_between_failures") }
        } ?? []
        repair = spec.failures.map { model.input($0.repair, "\(p).repair") }
        failureHit = model.stream("\(p).failure_hit")
        decontamination = spec.contamination.map { model.input($0.decontamination, "\(p).decontamination") }
        contamination = spec.contamination.map { contamination in
            model.scenario.centres.map { model.event(contamination.probability, "\(p).contamination.\($0.name)") }
        } ?? []
    }
}
