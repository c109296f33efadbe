/// One infused patient of `patients.csv` referred after the warm-up: vein-to-vein time and
/// the day of every milestone reached (days since the start of the run).
struct PatientJourney {
    let replication: String
    let id: String
    let centre: String
    let veinToVeinDays: Double
    /// Milestone column (`apheresis_start_day`, …) → day; milestones not reached are absent.
    let milestones: [String: Double]

    /// The day of a milestone, if reached.
    subscript(column: String) -> Double? { milestones[column] }
}

/// Waiting days by stage (``StageBreakdown``) of the slowest tenth of infused patients
/// beside the mean over all of them: which stages make the 90th percentile of vein-to-vein
/// time, where the mean over all patients says which make the typical wait.
struct TailWaiting {
    /// The 90th percentile of vein-to-vein time (nearest rank): patients at or above it are the tail.
    let thresholdDays: Double
    /// Patients in the tail, and in all.
    let tailPatients: Int
    let allPatients: Int
    /// Stage → mean waiting days per patient, in the tail and over all infused patients.
    let tail: [String: Double]
    let all: [String: Double]
}

/// What the report takes from `patients.csv`, over the patients infused and referred after
/// the warm-up: every vein-to-vein time, the whole record of the patients at a few ranks,
/// and the waiting by stage of the slowest tenth (``TailWaiting``).
///
/// The file is read twice, row by row (first the times, then the chosen records), so memory
/// grows by one number per patient even with `--patients all` over many replications.
struct PatientTable {
    /// Vein-to-vein days, ascending.
    let veinToVeinDays: [Double]
    /// For each rank asked for, the patient at that nearest rank ⌈p·n⌉ (ties in file order);
    /// empty when no patient qualifies.
    let patientsAtRanks: [PatientJourney]
    /// Nil when no patient qualifies.
    let tailWaiting: TailWaiting?

    /// Milestone columns of `patients.csv`, in pathway order.
    static let milestoneColumns = [
        "apheresis_start_day", "apheresis_end_day", "freezing_end_day", "departure_to_plant_day", "plant_arrival_day",
        "suite_start_day", "manufacturing_end_day", "qc_end_day", "release_day", "departure_to_centre_day",
        "centre_arrival_day", "lymphodepletion_start_day", "infusion_day",
    ]

    /// Reads `patients.csv` of `folder`, keeping the patients at the nearest ranks `ranks` (in
    /// (0, 1]); `stageTimes` (`stages.csv`) splits spans into waiting and working.
    static func load(folder: String, ranks: [Double], stageTimes: [String: StageTimes]) throws(ReportError) -> PatientTable {
        var times: [(days: Double, line: Int)] = []
        let table = try scanInfused(folder) { _, row, days in times.append((days, row.line)) }
        for name in milestoneColumns + ["replication", "patient_id", "centre"] { _ = try table.column(name) }
        times.sort { ($0.days, $0.line) < ($1.days, $1.line) }
        guard !times.isEmpty else { return PatientTable(veinToVeinDays: [], patientsAtRanks: [], tailWaiting: nil) }
        let rank = { (p: Double) in min(times.count, max(1, Int((p * Double(times.count)).rounded(.up)))) - 1 }
        let wanted = ranks.map { times[rank($0)].line }
        let threshold = times[rank(0.9)].days
        var found: [Int: PatientJourney] = [:]
        var tail: [String: Double] = [:], all: [String: Double] = [:], counts = (tail: 0, all: 0)
        try scanInfused(folder) { table, row, days throws(ReportError) in
            let patient = try journey(table, row, days)
            if wanted.contains(row.line) { found[row.line] = patient }
            guard let stages = StageBreakdown.stages(of: patient, stageTimes: stageTimes) else { return }
            counts.all += 1
            for stage in stages { all[stage.stage, default: 0] += stage.waiting }
            guard days >= threshold else { return }
            counts.tail += 1
            for stage in stages { tail[stage.stage, default: 0] += stage.waiting }
        }
        let waiting = counts.tail == 0 ? nil
            : TailWaiting(thresholdDays: threshold, tailPatients: counts.tail, allPatients: counts.all,
                          tail: tail.mapValues { $0 / Double(counts.tail) }, all: all.mapValues { $0 / Double(counts.all) })
        return PatientTable(veinToVeinDays: times.map(\.days), patientsAtRanks: wanted.compactMap { found[$0] }, tailWaiting: waiting)
    }

    /// Calls `body` for each row of an infused patient referred after the warm-up, with the
    /// vein-to-vein days; returns the table (header only).
    @discardableResult
    private static func scanInfused(_ folder: String, _ body: (CSVTable, CSVTable.Row, Double) throws(ReportError) -> Void)
        throws(ReportError) -> CSVTable {
        var columns: (outcome: Int, warmup: Int, days: Int)?
        let table = try CSVTable.scan("patients.csv", in: folder) { table, row throws(ReportError) in
            if columns == nil {
                columns = (try table.column("outcome"), try table.column("in_warmup"), try table.column("vein_to_vein_days"))
            }
            guard let (outcome, warmup, days) = columns, table.text(row, outcome) == "infused",
                  try !table.flag(row, warmup), let veinToVein = try table.number(row, days) else { return }
            try body(table, row, veinToVein)
        }
        for name in ["outcome", "in_warmup", "vein_to_vein_days"] { _ = try table.column(name) }
        return table
    }

    private static func journey(_ table: CSVTable, _ row: CSVTable.Row, _ days: Double) throws(ReportError) -> PatientJourney {
        var milestones: [String: Double] = [:]
        for name in milestoneColumns {
            if let day = try table.number(row, try table.column(name)) { milestones[name] = day }
        }
        return PatientJourney(replication: table.text(row, try table.column("replication")),
                              id: table.text(row, try table.column("patient_id")),
                              centre: table.text(row, try table.column("centre")), veinToVeinDays: days, milestones: milestones)
    }
}
