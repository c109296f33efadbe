/// Waiting and working days of one stage of a patient's vein-to-vein time.
struct StageTime {
    let stage: String
    let waiting: Double
    let working: Double

    var total: Double { waiting + working }
}

/// Splits an infused patient's vein-to-vein time (first apheresis start → infusion) into
/// stages from the milestone days of `patients.csv`. The stages add up to the patient's
/// `vein_to_vein_days`:
///
/// | stage | waiting | working |
/// |---|---|---|
/// | apheresis | earlier collections: vein-to-vein − (infusion − apheresis_start) | apheresis_end − apheresis_start |
/// | freezing (cryopreserved only) | by `stages.csv` freezing proportions | of freezing_end − apheresis_end |
/// | shipping in | departure_to_plant − ready (freezing_end, else apheresis_end) | plant_arrival − departure_to_plant |
/// | waiting for a suite | suite_start − plant_arrival, split by `stages.csv` intake + suite_queue | (intake) |
/// | manufacturing | — | manufacturing_end − suite_start |
/// | QC | qc_end − manufacturing_end, split by `stages.csv` qc_testing | |
/// | release | release − qc_end, split by `stages.csv` qa_release | |
/// | shipping back | departure_to_centre − release | centre_arrival − departure_to_centre |
/// | lymphodepletion | lymphodepletion_start − centre_arrival (storage) | infusion − lymphodepletion_start |
///
/// Where no milestone separates waiting from working inside a span (intake and the suite
/// queue, the QC lab queue and testing, QA review outside working hours), the span is split
/// in the proportions of the stage's mean waiting and working days in `stages.csv`.
enum StageBreakdown {
    /// The `stages.csv` stage whose waiting each stage of the breakdown holds (manufacturing
    /// holds none: a suite step does not wait once it has its suite).
    static let waitingStage = [
        "Apheresis": "apheresis", "Freezing": "freezing", "Shipping in": "shipping_to_plant",
        "Waiting for a suite": "suite_queue", "QC": "qc_testing", "Release": "qa_release",
        "Shipping back": "shipping_to_centre", "Lymphodepletion": "storage",
    ]

    /// How the mapping reads in the report, one line per stage.
    static let explanation = [
        "Apheresis: the final collection is working time; days since an earlier collection (a repeat or a re-collection) are waiting.",
        "Freezing (cryopreserved material only, with any trip to a hub): apheresis end to freezing end.",
        "Shipping in: waiting for the courier's pickup, then transit to the plant arrival.",
        "Waiting for a suite: plant arrival to suite start (intake included).",
        "Manufacturing: suite start to manufacturing end.",
        "QC: manufacturing end to QC end (the lab queue included).",
        "Release: QC end to QA/QP release (review outside working hours is waiting).",
        "Shipping back: waiting for the pickup, then transit to the centre.",
        "Lymphodepletion: storage at the centre until lymphodepletion starts (waiting), then lymphodepletion to infusion.",
        "Where no milestone divides a span into waiting and working (suite wait, QC, release, freezing), it is split in the proportions of that stage's mean waiting and working days in stages.csv.",
    ]

    /// The stages of `patient`, in pathway order; nil if a milestone of an infused patient is missing.
    static func stages(of patient: PatientJourney, stageTimes: [String: StageTimes]) -> [StageTime]? {
        guard let apheresisStart = patient["apheresis_start_day"], let apheresisEnd = patient["apheresis_end_day"],
              let arrival = patient["plant_arrival_day"], let suiteStart = patient["suite_start_day"],
              let manufactured = patient["manufacturing_end_day"], let tested = patient["qc_end_day"],
              let released = patient["release_day"], let atCentre = patient["centre_arrival_day"],
              let lymphodepletion = patient["lymphodepletion_start_day"], let infusion = patient["infusion_day"]
        else { return nil }
        func split(_ stage: String, _ span: Double, _ names: [String], waitingByDefault: Bool) -> StageTime {
            let known = names.compactMap { stageTimes[$0] }
            let waiting = known.reduce(0) { $0 + $1.waitingMeanDays }, working = known.reduce(0) { $0 + $1.workingMeanDays }
            let share = waiting + working > 0 ? waiting / (waiting + working) : (waitingByDefault ? 1 : 0)
            return StageTime(stage: stage, waiting: span * share, working: span * (1 - share))
        }
        let earlier = patient.veinToVeinDays - (infusion - apheresisStart)
        var stages = [StageTime(stage: "Apheresis", waiting: abs(earlier) < 1e-3 ? 0 : earlier,
                                working: apheresisEnd - apheresisStart)]
        let ready = patient["freezing_end_day"] ?? apheresisEnd
        if ready > apheresisEnd {
            stages.append(split("Freezing", ready - apheresisEnd, ["freezing"], waitingByDefault: false))
        }
        let departure = min(max(patient["departure_to_plant_day"] ?? ready, ready), arrival)
        let pickup = min(max(patient["departure_to_centre_day"] ?? released, released), atCentre)
        stages += [
            StageTime(stage: "Shipping in", waiting: departure - ready, working: arrival - departure),
            split("Waiting for a suite", suiteStart - arrival, ["intake", "suite_queue"], waitingByDefault: true),
            StageTime(stage: "Manufacturing", waiting: 0, working: manufactured - suiteStart),
            split("QC", tested - manufactured, ["qc_testing"], waitingByDefault: false),
            split("Release", released - tested, ["qa_release"], waitingByDefault: true),
            StageTime(stage: "Shipping back", waiting: pickup - released, working: atCentre - pickup),
            StageTime(stage: "Lymphodepletion", waiting: lymphodepletion - atCentre, working: infusion - lymphodepletion),
        ]
        return stages
    }
}
