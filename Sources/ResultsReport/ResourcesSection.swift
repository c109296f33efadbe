/// Utilisation and 90th percentile wait of every resource, sorted by utilisation, the most
/// utilised first, flagged in colour and by name (where patients wait longest is
/// ``WaitingSection``'s: utilisation alone does not find the bottleneck). Values come from `summary.csv` (`<resource id>_utilization`,
/// `_wait_p90_days`) where it has them, else from `resources.csv`.
enum ResourcesSection {
    static let title = "Resources"

    static func render(_ run: RunResults) -> Markup {
        struct Line {
            let resource: ResourceUse
            let key: String
            let utilization: Double?
            let waitP90: Double?
        }
        let lines = run.resources.map { resource in
            let key = resource.id
            return Line(resource: resource, key: key,
                        utilization: run.summary.mean(key + "_utilization") ?? resource.utilization,
                        waitP90: run.summary.mean(key + "_wait_p90_days") ?? resource.waitP90Days)
        }.sorted { ($0.utilization ?? -1) > ($1.utilization ?? -1) }
        guard let busiest = lines.first else {
            return ReportPage.section(id: "resources", title: title, [.el("p", [("class", "note")], text: "resources.csv lists no resource.")])
        }
        func label(_ line: Line) -> String { "\(line.resource.label) ×\(line.resource.capacity)" }
        func fill(_ line: Line) -> Palette.Fill { line.key == busiest.key ? Palette.flagged : Palette.working }
        let legend: [(LegendSwatch, String)] = [(.fill(Palette.flagged), "most utilised"),
                                                (.fill(Palette.working), "other resources")]
        let utilization = HorizontalBarChart(rows: lines.map { line in
            .init(label: label(line), segments: [.init(start: 0, length: (line.utilization ?? 0) * 100, fill: fill(line))],
                  note: KPIDisplay.format(line.utilization, .percent) + " %" + (line.key == busiest.key ? " — most utilised" : ""))
        }, axisLabel: "utilisation, mean over replications (% of capacity busy)", maximum: 100, legend: legend)
        let waits = HorizontalBarChart(rows: lines.map { line in
            .init(label: label(line), segments: [.init(start: 0, length: line.waitP90 ?? 0, fill: fill(line))],
                  note: KPIDisplay.format(line.waitP90, .days) + " d")
        }, axisLabel: "90th percentile wait for the resource, mean over replications (days)", legend: legend)
        let utilizationTable = DataTable(header: ["resource", "capacity", "utilisation (%)", "± 95 % (pp)"], rows: lines.map { line in
            [.label(line.resource.label), .label(line.resource.capacity),
             cell(line.utilization, kpi: line.key + "_utilization", in: run.summary),
             .number(line.resource.utilizationHalfWidth.map { $0 * 100 })]
        })
        let waitTable = DataTable(header: ["resource", "queue length (mean)", "wait mean (days)", "wait p90 (days)"],
                                  rows: lines.map { line in
            [.label(line.resource.label), .number(line.resource.queueLengthMean),
             cell(run.summary.mean(line.key + "_wait_mean_days") ?? line.resource.waitMeanDays,
                  kpi: line.key + "_wait_mean_days", in: run.summary),
             cell(line.waitP90, kpi: line.key + "_wait_p90_days", in: run.summary)]
        })
        let intro = "Sorted by utilisation: \(busiest.resource.label) is the most utilised at "
            + "\(KPIDisplay.format(busiest.utilization, .percent)) % busy. Where patients wait longest, and why, "
            + "is ranked in \"\(WaitingSection.title)\"."
        let sorted = lines.map { "\($0.resource.label) \(KPIDisplay.format($0.utilization, .percent)) % busy, p90 wait \(KPIDisplay.format($0.waitP90, .days)) days" }
            .joined(separator: "; ")
        return ReportPage.section(id: "resources", title: title, intro: intro, [
            Figure.render(utilization.draw(id: "resources-utilization"), title: "Utilisation by resource",
                          description: "Resources by utilisation, highest first: " + sorted + ".", table: utilizationTable),
            Figure.render(waits.draw(id: "resources-wait"), title: "90th percentile wait by resource",
                          description: "The 90th percentile wait of each resource, in the same order: " + sorted + ".", table: waitTable),
        ])
    }

    /// A value traceable to `summary.csv` when the KPI is there, else a plain number.
    private static func cell(_ value: Double?, kpi: String, in summary: KPISummaryTable) -> DataTable.Cell {
        summary[kpi] == nil ? .number(value.map { $0 * KPIDisplay.unit(of: kpi).scale }) : .kpi(value, kpi: kpi, stat: "mean")
    }

}
