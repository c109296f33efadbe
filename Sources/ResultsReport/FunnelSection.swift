/// Section 4: the patient funnel, referred → collected → manufactured → released → infused,
/// with the patients lost between the steps labelled by cause (see ``PatientFunnel``).
enum FunnelSection {
    static let title = "Patient funnel"

    static func render(_ run: RunResults) -> Markup {
        guard let funnel = PatientFunnel(summary: run.summary) else {
            return ReportPage.section(id: "funnel", title: title, [
                .el("p", [("class", "note")],
                    text: "summary.csv lacks the patient counts (patients_referred, patients_not_infused, patients_unfinished, not_infused_fraction)."),
            ])
        }
        let ended = funnel.referred - funnel.unfinished
        var rows: [HorizontalBarChart.Row] = [
            .init(label: "Referred", segments: [.init(start: 0, length: ended, fill: Palette.working),
                                                .init(start: ended, length: funnel.unfinished, fill: Palette.lost)],
                  note: funnel.unfinished > 0 ? "\(count(funnel.referred)) (\(count(funnel.unfinished)) never finished)"
                      : count(funnel.referred), bold: true),
        ]
        var table: [[DataTable.Cell]] = [[.label("Referred"), .number(funnel.referred), .label("")],
                                         [.label("  never finished"), .number(funnel.unfinished), .label("")]]
        for (gap, step) in funnel.steps.dropFirst().enumerated() {
            for loss in funnel.losses[gap] {
                rows.append(.init(label: "", segments: [],
                                  note: "− \(count(loss.patients)) \(loss.cause) (\(KPIDisplay.format(run.summary.mean(loss.kpi), kpi: loss.kpi)) % of finished)"))
                table.append([.label("  lost: \(loss.cause)"), .number(loss.patients),
                              .kpi(run.summary.mean(loss.kpi), kpi: loss.kpi, stat: "mean")])
            }
            rows.append(.init(label: step.name, segments: [.init(start: 0, length: step.patients, fill: Palette.working)],
                              note: count(step.patients), bold: true))
            table.append([.label(step.name), .number(step.patients), .label("")])
        }
        var chart = HorizontalBarChart(rows: rows, axisLabel: "patients referred after the warm-up (mean per replication)",
                                       legend: [(.fill(Palette.working), "patients with an outcome"),
                                                (.fill(Palette.lost), "still in the pathway at the end of the horizon")])
        chart.rowHeight = 20
        let description = funnel.steps.map { "\($0.name) \(count($0.patients))" }.joined(separator: ", ")
            + ". Lost: " + funnel.losses.joined().map { "\($0.cause) \(count($0.patients))" }.joined(separator: ", ") + "."
        let figure = Figure.render(chart.draw(id: "funnel-chart"), title: "Patients per replication at each step",
                                   description: description,
                                   table: DataTable(header: ["step or loss", "patients per replication", "% of referred"], rows: table),
                                   note: "Means over replications from summary.csv. A dropout counts against the step the patient was heading for; "
                                       + "losses are patients_not_infused shared in proportion to each cause's fraction of referrals.")
        return ReportPage.section(id: "funnel", title: title, [figure])
    }

    private static func count(_ value: Double) -> String { KPIDisplay.fixed(value, decimals: 1) }
}
