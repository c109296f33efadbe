import Foundation
import OutputSchema
import SimKernel
import ScenarioFile

/// `pipeline.csv` of `cartsim run --snapshot-at DAYS`: the first replication's patients in
/// flight at that day, in the format `--initial-state` reads (`InitialStateLoader`), every
/// time a date and time on the simulation clock (to the second). A run of the same network
/// whose `start_date` is the snapshot's day continues from it.
enum PipelineSnapshotFile {
    static let fileName = "pipeline.csv"

    /// The table of `patients`, whose times are relative to the snapshot, taken on `day` (days since 1970).
    static func table(_ patients: [InitialPatient], day: Int, scenario: ScenarioDescription) -> String {
        var table = CSVText(header: InitialStateLoader.requiredColumns + InitialStateLoader.optionalColumns)
        func time(_ t: SimTime?) -> String {
            guard let t else { return "" }
            let days = Int((Double(t) / Double(Ticks.day)).rounded(.down))
            let seconds = t - SimTime(days) * Ticks.day
            let clock = [seconds / Ticks.hour, seconds % Ticks.hour / Ticks.minute, seconds % Ticks.minute]
                .map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
            return CivilDate(dayNumber: day + days).description + "T" + clock
        }
        for patient in patients {
            let hub = scenario.centres.first { $0.name == patient.centre }?.cryopreservationHub
            let product = scenario.products.first { $0.name == patient.product }
            let to: String = switch patient.stage {
            case .shippingToPlant: patient.toHub ? hub ?? "" : patient.plant
            case .shippingToCentre: patient.centre
            default: ""
            }
            let step = patient.stage == .manufacturing ? product?.manufacturingSteps[patient.step].name ?? "" : ""
            let holding = patient.holding && !InitialStateLoader.alwaysHolding.contains(patient.stage)
                ? InitialStateLoader.heldResource[patient.stage] ?? "" : ""
            // Columns in the order of `InitialStateLoader.requiredColumns + optionalColumns`.
            table.append([patient.id, patient.centre, patient.indication, time(patient.referral), patient.stage.name,
                          time(patient.since), patient.product, holding, patient.plant, to, step,
                          time(patient.apheresisStart), time(patient.apheresisEnd), time(patient.bookedInfusion),
                          String(patient.manufacturingAttempts), String(patient.materialRounds),
                          patient.bridged ? "yes" : "no"])
        }
        return table.text
    }
}
