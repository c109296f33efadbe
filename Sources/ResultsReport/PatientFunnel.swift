import Foundation

/// The patient funnel referred → collected → manufactured → released → infused, in patients
/// per replication (means of `summary.csv`), with the patients lost between steps by cause.
///
/// The cohort is followed until every pathway ends; patients that never finish (a calendar
/// that never opens again) have no outcome: they are shown on the first step and left out of
/// the later ones, so that the last step is exactly `patients_infused` (referred = infused +
/// not infused + unfinished, per replication).
/// Each cause's count is `patients_not_infused` shared in the proportions of its fraction
/// of finished patients (`dropout_<stage>_fraction`, `manufacturing_failure_fraction`,
/// `material_lost_fraction`); a dropout counts against the step the patient was heading for.
struct PatientFunnel {
    struct Step {
        let name: String
        let patients: Double
    }

    struct Loss {
        let cause: String
        /// The KPI it comes from.
        let kpi: String
        let patients: Double
    }

    let referred: Double
    /// Patients whose pathway never ended (`patients_unfinished`).
    let unfinished: Double
    /// Referred, collected, manufactured, released, infused.
    let steps: [Step]
    /// `losses[i]`: lost between `steps[i]` and `steps[i + 1]`, largest first.
    let losses: [[Loss]]

    static let stepNames = ["Referred", "Collected", "Manufactured", "Released", "Infused"]

    /// The step gap (0: before collection … 3: before infusion) and name of each dropout stage.
    static let dropoutStages: [(stage: String, gap: Int, name: String)] = [
        ("consult", 0, "waiting for apheresis"), ("waitlist", 0, "waiting for a slot"), ("apheresis", 0, "apheresis"), ("freezing", 1, "freezing"),
        ("shipping_to_plant", 1, "shipping to the plant"), ("intake", 1, "intake"), ("suite_queue", 1, "waiting for a suite"),
        ("manufacturing", 1, "manufacturing"), ("qc_testing", 2, "QC testing"), ("qa_release", 2, "QA release"),
        ("shipping_to_centre", 3, "shipping back"), ("storage", 3, "storage at the centre"),
        ("lymphodepletion", 3, "lymphodepletion"), ("infusion", 3, "infusion"),
    ]

    /// The funnel from `summary.csv`; nil if it lacks the counts it needs.
    init?(summary: KPISummaryTable) {
        guard let referred = summary.mean("patients_referred"), let unfinished = summary.mean("patients_unfinished"),
              let notInfused = summary.mean("patients_not_infused"), let notInfusedShare = summary.mean("not_infused_fraction")
        else { return nil }
        self.referred = referred
        self.unfinished = unfinished
        var losses = [[Loss]](repeating: [], count: 4)
        func add(_ kpi: String, gap: Int, cause: String) {
            guard let share = summary.mean(kpi), share > 0, notInfusedShare > 0 else { return }
            losses[gap].append(Loss(cause: cause, kpi: kpi, patients: notInfused * share / notInfusedShare))
        }
        let known = Set(Self.dropoutStages.map(\.stage))
        for (stage, gap, name) in Self.dropoutStages { add("dropout_\(stage)_fraction", gap: gap, cause: "dropped out: \(name)") }
        for kpi in summary.estimates.map(\.name) where kpi.hasPrefix("dropout_") && kpi.hasSuffix("_fraction")
            && kpi != "dropout_fraction" && !known.contains(String(kpi.dropFirst(8).dropLast(9))) {
            add(kpi, gap: 3, cause: "dropped out: " + kpi.dropFirst(8).dropLast(9).replacingOccurrences(of: "_", with: " "))
        }
        add("material_lost_fraction", gap: 1, cause: "starting material lost")
        add("manufacturing_failure_fraction", gap: 2, cause: "manufacturing failure")
        self.losses = losses.map { $0.sorted { $0.patients > $1.patients } }
        var remaining = referred - unfinished
        var steps = [Step(name: Self.stepNames[0], patients: referred)]
        for gap in 0..<4 {
            remaining -= self.losses[gap].reduce(0) { $0 + $1.patients }
            steps.append(Step(name: Self.stepNames[gap + 1], patients: max(remaining, 0)))
        }
        self.steps = steps
    }
}
