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

/// What the report takes from `patients.csv`, over the patients infused and referred after
/// the warm-up: every vein-to-vein time, and the whole record of the patients at a few ranks.
///
/// The file is read twice, row by row (first the times, then the chosen records), so memory
/// grows by one number per patient even with `--patients all` over many replications.
struct PatientTable {
    /// Vein-to-vein days, ascending.
    let veinToVeinDays: [Double]
    /// For each rank asked for, the patient at that nearest rank ⌈p·n⌉ (ties in file order);
    /// empty when no patient qualifies.
    let patientsAtRanks: [PatientJourney]

    /// Milestone columns of `patients.csv`, in pathway order.
    static let milestoneColumns = [
        "apheresis_start_day", "apheresis_end_day", "freezing_end_day", "departure_to_plant_day", "plant_arrival_day",
        "suite_start_day", "manufacturing_end_day", "qc_end_day", "release_day", "departure_to_centre_day",
        "centre_arrival_day", "lymphodepletion_start_day", "infusion_day",
    ]

    /// Reads `patients.csv` of `folder`, keeping the patients at the nearest ranks `ranks` (in (0, 1]).
    static func load(folder: String, ranks: [Double]) throws(ReportError) -> PatientTable {
        var times: [(days: Double, line: Int)] = []
        let table = try scanInfused(folder) { _, row, days in times.append((days, row.line)) }
        for name in milestoneColumns + ["replication", "patient_id", "centre"] { _ = try table.column(name) }
        times.sort { ($0.days, $0.line) < ($1.days, $1.line) }
        guard !times.isEmpty else { return PatientTable(veinToVeinDays: [], patientsAtRanks: []) }
        let wanted = ranks.map { p in times[min(times.count, max(1, Int((p * Double(times.count)).rounded(.up)))) - 1].line }
        var found: [Int: PatientJourney] = [:]
        try scanInfused(folder) { table, row, days throws(ReportError) in
            guard wanted.contains(row.line) else { return }
            found[row.line] = try journey(table, row, days)
        }
        return PatientTable(veinToVeinDays: times.map(\.days), patientsAtRanks: wanted.compactMap { found[$0] })
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
