/// The forecast of a run from a pipeline snapshot (`forecast.csv`): what the planner asks on
/// Monday morning — how many of the patients in flight will be infused, when, and who is at
/// risk. Expected counts over the snapshot, then every patient, the ones at risk first (most
/// likely not infused within the vein-to-vein target), then the first weeks' expected
/// infusions and plant load (`timeseries.csv`). Absent for a run that started empty.
enum ForecastSection {
    static let title = "Forecast for the pipeline"
    /// The weeks shown in the week-by-week table.
    static let weeksShown = 12

    /// One patient's row of `forecast.csv`.
    struct Patient {
        let id: String, centre: String, stage: String
        let infused: Double, dropout: Double, notTreated: Double, late: Double?
        let dateLow: String, dateMedian: String, dateHigh: String
        /// The chance of not being infused within the target (of not being infused, without one).
        var risk: Double { 1 - infused + (late ?? 0) }
    }

    static func load(folder: String) throws(ReportError) -> [Patient]? {
        guard ResultsFile.exists("forecast.csv", in: folder) else { return nil }
        let table = try CSVTable.load("forecast.csv", in: folder)
        let columns = try ["patient", "centre", "stage", "infused_fraction", "dropout_fraction", "not_treated_fraction",
                           "late_fraction", "infusion_date_p10", "infusion_date_p50", "infusion_date_p90"].map { name throws(ReportError) in
            try table.column(name)
        }
        var patients: [Patient] = []
        for row in table.rows {
            patients.append(Patient(
                id: table.text(row, columns[0]), centre: table.text(row, columns[1]), stage: table.text(row, columns[2]),
                infused: try table.number(row, columns[3]) ?? 0, dropout: try table.number(row, columns[4]) ?? 0,
                notTreated: try table.number(row, columns[5]) ?? 0, late: try table.number(row, columns[6]),
                dateLow: table.text(row, columns[7]), dateMedian: table.text(row, columns[8]),
                dateHigh: table.text(row, columns[9])))
        }
        return patients
    }

    static func render(_ patients: [Patient], run: RunResults) -> Markup {
        func percent(_ share: Double?) -> DataTable.Cell {
            .label(share.map { KPIDisplay.fixed($0 * 100, decimals: 0) + " %" } ?? "—")
        }
        let inFlight = patients.filter { $0.stage != "post_infusion" }
        let expected = inFlight.reduce(0) { $0 + $1.infused }
        let late = inFlight.reduce(0) { $0 + ($1.late ?? 0) }
        let dropouts = inFlight.reduce(0) { $0 + $1.dropout }
        let hasTarget = patients.contains { $0.late != nil }
        var cards = [
            HeadlinePanel.card(label: "Patients in flight", value: .text(String(inFlight.count)), unit: "",
                               details: [.text("\(patients.count - inFlight.count) more already infused, in hospital")]),
            HeadlinePanel.card(label: "Expected infusions", value: .text(KPIDisplay.fixed(expected, decimals: 1)), unit: "patients",
                               details: [.text("of the patients in flight")]),
            HeadlinePanel.card(label: "Expected dropouts", value: .text(KPIDisplay.fixed(dropouts, decimals: 1)), unit: "patients",
                               details: [.text("progression or death before lymphodepletion")]),
        ]
        if hasTarget {
            cards.append(HeadlinePanel.card(label: "Expected to miss the target", value: .text(KPIDisplay.fixed(late, decimals: 1)),
                                            unit: "patients", details: [.text("infused later than the vein-to-vein target")]))
        }
        let rows = inFlight.sorted { $0.risk != $1.risk ? $0.risk > $1.risk : $0.id < $1.id }.map { p -> [DataTable.Cell] in
            [.label(p.id), .label(p.centre), .label(p.stage), percent(p.infused), percent(p.dropout), percent(p.notTreated)]
                + (hasTarget ? [percent(p.late)] : [])
                + [.label(p.dateMedian.isEmpty ? "—" : p.dateMedian),
                   .label(p.dateLow.isEmpty ? "—" : "\(p.dateLow) – \(p.dateHigh)")]
        }
        let header = ["Patient", "Centre", "Stage now", "infused", "dropout", "not treated"]
            + (hasTarget ? ["late"] : []) + ["median infusion date", "p10 – p90"]
        let levels = run.weeks.first?.levels.map(\.name).filter { $0.hasPrefix("busy_") } ?? []
        let weekRows = run.weeks.prefix(weeksShown).map { week -> [DataTable.Cell] in
            [.number(week.week, decimals: 0)] + DataTable.Cell.numbers(week.infusions)
                + levels.map { name in .number(week.levels.first { $0.name == name }?.value.mean, decimals: 1) }
        }
        return ReportPage.section(id: "forecast", title: title, intro: "The run starts from a snapshot of the pipeline; "
            + "each patient in flight goes on from where the snapshot put them, in every replication. Shares are over "
            + "replications; infusion dates over the replications that infused the patient.", [
            HeadlinePanel.cards(cards),
            DataTable(header: header, rows: rows).render(caption: "Patients in flight, those at risk first"),
            DataTable(header: ["Week", "infusions (mean)", "p5", "p95"]
                      + levels.map { "\($0.dropFirst("busy_".count)) busy at week end" }, rows: Array(weekRows))
                .render(caption: "Week by week: expected infusions (new referrals included) and units busy at each plant"),
        ])
    }
}
