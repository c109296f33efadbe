import SimKernel
import SimRandom
import ScenarioFile

/// A plant's invalid QC assays during one replication: whether each test that ends is
/// invalid (drawn on each centre's own stream, so that a change at one centre leaves the
/// others' draws alone) and the counts of the window.
final class QCRetests {
    let spec: QCRetestSpec
    private let draws: [RandomStream]
    /// Tests ended, tests found invalid, lots failed for want of a valid test, in the window.
    var testsEnded = 0, invalid = 0, lotsFailed = 0

    init(_ spec: QCRetestSpec, plant: PlantSpec, in model: PathwayReplication) {
        self.spec = spec
        draws = model.scenario.centres.map { model.stream("plant.\(plant.name).qc_invalid_assay.\($0.name)") }
    }

    /// Whether the test of a patient of `centre` ending at `time` is invalid (one draw per test).
    func isInvalid(centre: Int, at time: SimTime) -> Bool {
        draws[centre].uniform() < spec.probability(at: time)
    }
}
