/// Section 2, "Where the days go": the vein-to-vein time of the median and of the 90th
/// percentile patient, stage by stage, as waiting (hatched) and working (solid) time laid
/// end to end, so that the bars end at the patient's vein-to-vein time.
enum DaysSection {
    static let title = "Where the days go"

    /// The patients shown, by their rank in vein-to-vein time.
    static let patients: [(name: String, rank: Double)] = [("Median patient", 0.5), ("90th percentile patient", 0.9)]

    static func render(_ run: RunResults) -> Markup {
        let intro = "Two real patients of patients.csv (infused, referred after the warm-up): the one at the median and "
            + "the one at the 90th percentile of vein-to-vein time (nearest rank among \(run.patients.veinToVeinDays.count) patients)."
        var chosen: [(name: String, patient: PatientJourney, stages: [StageTime])] = []
        for (shown, patient) in zip(patients, run.patients.patientsAtRanks) {
            guard let stages = StageBreakdown.stages(of: patient, stageTimes: run.stages) else { continue }
            chosen.append((shown.name, patient, stages))
        }
        guard !chosen.isEmpty else {
            return ReportPage.section(id: "days", title: title, [
                .el("p", [("class", "note")],
                    text: "patients.csv holds no infused patient referred after the warm-up (run with --patients K), so there is no patient to show."),
            ])
        }
        var rows: [HorizontalBarChart.Row] = []
        var tableRows: [[DataTable.Cell]] = []
        for (name, patient, stages) in chosen {
            let waiting = stages.reduce(0) { $0 + $1.waiting }, working = stages.reduce(0) { $0 + $1.working }
            rows.append(.init(label: name, segments: [.init(start: 0, length: working, fill: Palette.working),
                                                      .init(start: working, length: waiting, fill: Palette.waiting)],
                              note: "\(days(patient.veinToVeinDays)) d (\(days(waiting)) waiting)",
                              bold: true))
            var offset = 0.0
            for stage in stages {
                rows.append(.init(label: stage.stage, segments: [
                    .init(start: offset, length: stage.waiting, fill: Palette.waiting),
                    .init(start: offset + stage.waiting, length: stage.working, fill: Palette.working),
                ], note: days(stage.total)))
                tableRows.append([.label(name), .label(stage.stage), .number(stage.waiting), .number(stage.working),
                                  .number(offset), .number(offset + stage.total)])
                offset += stage.total
            }
        }
        var chart = HorizontalBarChart(rows: rows, axisLabel: "time since the first apheresis started (days)",
                                       legend: [(.fill(Palette.working), "working"), (.fill(Palette.waiting), "waiting")])
        chart.rowHeight = 21
        if let target = run.scenario.veinToVeinTargetDays {
            chart.references = [ChartReference(value: target, label: "target \(days(target)) d", colour: Palette.vermillion,
                                               dash: "8 3 2 3")]
        }
        let description = chosen.map { name, patient, stages in
            "\(name) (replication \(patient.replication), patient \(patient.id), \(patient.centre)): "
                + "\(days(patient.veinToVeinDays)) days; " + stages.map { "\($0.stage) \(days($0.waiting)) waiting, \(days($0.working)) working" }
                .joined(separator: "; ")
        }.joined(separator: ". ")
        let table = DataTable(header: ["patient", "stage", "waiting (days)", "working (days)", "from day", "to day"],
                              rows: tableRows)
        let figure = Figure.render(chart.draw(id: "days-chart"), title: "Vein-to-vein time by stage, waiting vs working",
                                   description: description, table: table,
                                   note: chosen.map { "\($0.name): replication \($0.patient.replication), patient \($0.patient.id), \($0.patient.centre)." }
                                       .joined(separator: " "))
        let method: Markup = .el("details", [], [
            .el("summary", text: "How stage times are measured"),
            .el("ul", [], StageBreakdown.explanation.map { .el("li", text: $0) }),
        ])
        return ReportPage.section(id: "days", title: title, intro: intro, [figure, method])
    }

    private static func days(_ value: Double) -> String { KPIDisplay.fixed(value, decimals: 1) }
}
