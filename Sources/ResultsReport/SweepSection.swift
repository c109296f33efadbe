/// Section of a `sweep` or `plan` folder: each KPI against the swept value, the mean with
/// its 95 % interval band. For a plan, the target KPI comes first, full width, with the
/// target line, the points that meet it filled (hollow: missed) and the answer marked on
/// every chart.
enum SweepSection {
    /// A plan's target and answer, from `run.json`.
    struct PlanTarget {
        let kpi: String
        /// `<=` or `>=`.
        let relation: String?
        let value: Double
        let answer: Double?

        /// "target ≤ 28.00 days".
        var label: String {
            let unit = KPIDisplay.unit(of: kpi)
            let sign = relation == ">=" ? "≥ " : relation == "<=" ? "≤ " : ""
            return "target \(sign)\(KPIDisplay.format(value, unit)) \(unit.text)"
        }
    }

    static func render(_ sweep: SweepResults, plan: PlanTarget?) -> Markup {
        let points = orderedPoints(sweep.estimates)
        // One numeric key path: x is its value; otherwise the points are spaced evenly and named.
        let values = sweep.paths.count == 1 ? points.compactMap { $0.settings.first.flatMap(Double.init) } : []
        let categorical = values.count != points.count
        let xs = categorical ? points.indices.map(Double.init) : values
        let position = Dictionary(points.enumerated().map { ($1.point, xs[$0]) }, uniquingKeysWith: { first, _ in first })
        var kpis: [String] = []
        for estimate in sweep.estimates where !kpis.contains(estimate.kpi) { kpis.append(estimate.kpi) }
        if let plan, let index = kpis.firstIndex(of: plan.kpi) { kpis.insert(kpis.remove(at: index), at: 0) }
        let paths = sweep.paths.joined(separator: " / ")
        let xLabel = "\(paths) (swept value)"
        var main: [Markup] = [], small: [Markup] = []
        for (index, kpi) in kpis.enumerated() {
            let rows = sweep.estimates.filter { $0.kpi == kpi }.sorted { (position[$0.point] ?? 0) < (position[$1.point] ?? 0) }
            let isTarget = plan?.kpi == kpi
            let unit = KPIDisplay.unit(of: kpi)
            var chart = BandChart(points: rows.map { row in
                BandChart.Point(x: position[row.point] ?? 0, value: row.value.scaled(unit.scale), filled: row.feasible ?? true)
            }, xLabel: xLabel, yLabel: "mean (\(unit.text))", markers: true, includeZero: false)
            if categorical { chart.xTicks = points.enumerated().map { (Double($0), $1.settings.joined(separator: " / ")) } }
            if let plan, isTarget {
                chart.horizontalReferences = [ChartReference(value: plan.value * unit.scale, label: plan.label,
                                                             colour: Palette.vermillion, dash: "8 3 2 3")]
            }
            if let answer = plan?.answer {
                chart.verticalReferences = [ChartReference(value: answer, label: "answer \(KPIDisplay.fixed(answer, decimals: answer == answer.rounded() ? 0 : 2))",
                                                           colour: Palette.bluishGreen, dash: "4 2")]
            }
            if !isTarget {
                chart.width = 360
                chart.height = 230
            }
            let description = "\(kpi) (\(unit.text)) against \(paths): " + rows.map {
                "\($0.settings.joined(separator: " / ")): \(KPIDisplay.format($0.value, unit))" + ($0.feasible.map { $0 ? " meets the target" : " misses the target" } ?? "")
            }.joined(separator: "; ") + "."
            let table = DataTable(header: ["point"] + sweep.paths + ["mean (\(unit.text))", "95 % low", "95 % high", "replications"]
                                  + (plan == nil ? [] : ["meets target"]), rows: rows.map { row in
                [DataTable.Cell.label(row.point)] + row.settings.map { .label($0) }
                    + DataTable.Cell.numbers(row.value.scaled(unit.scale)) + [.number(row.replications.map(Double.init), decimals: 0)]
                    + (plan == nil ? [] : [.label(row.feasible.map { $0 ? "yes" : "no" } ?? "")])
            })
            let figure = Figure.render(chart.draw(id: "sweep-chart-\(index)"), title: KPIDisplay.label(of: kpi) == kpi ? kpi
                                       : "\(KPIDisplay.label(of: kpi)) (\(kpi))", description: description, table: table)
            if isTarget { main.append(figure) } else { small.append(figure) }
        }
        return ReportPage.section(id: plan == nil ? "sweep" : "plan", title: plan == nil ? "Sweep" : "Plan",
                                  intro: "Each KPI against \(paths): the mean over replications (dots, line) with its 95 % interval (band). "
                                      + (plan == nil ? "" : "Filled dots meet the target with 95 % confidence, hollow ones do not."),
                                  main + [.el("div", [("class", "small-multiples")], small)])
    }

    /// The points in order of first appearance, with their settings.
    static func orderedPoints(_ estimates: [SweepEstimate]) -> [(point: String, settings: [String])] {
        var seen = Set<String>()
        return estimates.compactMap { estimate in
            seen.insert(estimate.point).inserted ? (estimate.point, estimate.settings) : nil
        }
    }
}
