import OutputSchema
import SimKernel
import SimRandom
import CARTModel
import ScenarioFile

/// `forecast.csv` of a run from a pipeline snapshot (`--initial-state`): for every patient of
/// the snapshot, in its order, what happened to them across the replications — how often they
/// were infused, dropped out or were not treated, when they were infused (days since the start
/// and dates: mean, p10, median, p90 over the replications that infused them), their
/// vein-to-vein time, and how often they were infused later than the scenario's target.
/// Columns: `docs/output-reference.md`, "forecast.csv".
struct ForecastTable {
    static let fileName = "forecast.csv"
    static let header = ["patient", "centre", "indication", "product", "stage", "replications", "infused_fraction",
                         "dropout_fraction", "not_treated_fraction", "in_process_fraction", "infusion_day_mean",
                         "infusion_day_p10", "infusion_day_p50", "infusion_day_p90", "infusion_date_p10",
                         "infusion_date_p50", "infusion_date_p90", "vein_to_vein_p50_days", "vein_to_vein_p90_days",
                         "late_fraction"]

    private let patients: [InitialPatient]
    private let startDay: Int
    private let targetDays: Double?
    private var replications = 0
    private var outcomes: [[String: Int]]
    private var infusionDays: [[Double]]
    private var veinToVein: [[Double]]

    init(_ scenario: ScenarioDescription) {
        patients = scenario.initialState
        startDay = scenario.simulation.startDate.dayNumber
        targetDays = scenario.simulation.veinToVeinTargetDays
        outcomes = Array(repeating: [:], count: patients.count)
        infusionDays = Array(repeating: [], count: patients.count)
        veinToVein = infusionDays
    }

    /// Adds one replication's outcomes (in replication order).
    mutating func add(_ snapshot: [SnapshotOutcome]) {
        precondition(snapshot.count == patients.count, "every replication places every patient of the snapshot")
        replications += 1
        for (index, outcome) in snapshot.enumerated() {
            outcomes[index][outcome.outcome, default: 0] += 1
            if let day = outcome.infusionDay { infusionDays[index].append(day) }
            if let days = outcome.veinToVeinDays { veinToVein[index].append(days) }
        }
    }

    func table() -> String {
        var table = CSVText(header: Self.header)
        let n = Double(max(replications, 1))
        for (index, patient) in patients.enumerated() {
            let counts = outcomes[index]
            func share(_ labels: String...) -> String {
                OutputNumber.format(Double(labels.reduce(0) { $0 + (counts[$1] ?? 0) }) / n, .share)
            }
            let days = infusionDays[index].sorted(), v2v = veinToVein[index].sorted()
            func quantile(_ values: [Double], _ p: Double) -> Double? {
                values.isEmpty ? nil : SampleQuantile.of(sorted: values, p: p)
            }
            func date(_ day: Double?) -> String {
                day.map { CivilDate(dayNumber: startDay + Int($0.rounded(.down))).description } ?? ""
            }
            let mean = days.isEmpty ? nil : days.reduce(0, +) / Double(days.count)
            let late = targetDays.map { target in
                OutputNumber.format(Double(v2v.count { $0 > target }) / n, .share)
            } ?? ""
            table.append([patient.id, patient.centre, patient.indication, patient.product, patient.stage.name,
                          String(replications), share("infused"), share("dropout"),
                          share("manufacturing_failure", "material_lost"), share("in_process"),
                          OutputNumber.format(mean, .days)]
                         + [0.1, 0.5, 0.9].map { OutputNumber.format(quantile(days, $0), .days) }
                         + [0.1, 0.5, 0.9].map { date(quantile(days, $0)) }
                         + [OutputNumber.format(quantile(v2v, 0.5), .days), OutputNumber.format(quantile(v2v, 0.9), .days),
                            late])
        }
        return table.text
    }
}
