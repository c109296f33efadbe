/// Section of a `sweep` or `plan` folder: each KPI against the swept value, the mean with
/// its 95 % interval band, one line per value of any further swept axis (``SweepLayout``).
/// For a plan, the target KPI comes first, full width, with the target line, the points
/// that meet it filled (hollow: missed) and the answer marked on every chart, and then the
/// same KPI zoomed on the answer and its neighbours (``PlanZoomChart``).
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
        let layout = SweepLayout(paths: sweep.paths, estimates: sweep.estimates)
        var kpis = sweep.estimates.map(\.kpi).uniqued()
        if let plan, let index = kpis.firstIndex(of: plan.kpi) { kpis.insert(kpis.remove(at: index), at: 0) }
        let varied = layout.variedText
        var main: [Markup] = [], small: [Markup] = []
        for (index, kpi) in kpis.enumerated() {
            let rows = sweep.estimates.filter { $0.kpi == kpi }.sorted {
                (layout.series[$0.point] ?? 0, layout.x[$0.point] ?? 0) < (layout.series[$1.point] ?? 0, layout.x[$1.point] ?? 0)
            }
            let isTarget = plan?.kpi == kpi
            var chart = chart(of: kpi, rows: rows, layout: layout)
            if let plan, isTarget {
                chart.horizontalReferences = [targetLine(plan)]
            }
            if let answer = plan?.answer {
                chart.verticalReferences = [ChartReference(value: answer, label: "answer \(KPIDisplay.fixed(answer, decimals: answer == answer.rounded() ? 0 : 2))",
                                                           colour: Palette.bluishGreen, dash: "4 2")]
            }
            if !isTarget {
                chart.width = 360
                chart.height = 230
            }
            let figure = Figure.render(chart.draw(id: "sweep-chart-\(index)"), title: KPIDisplay.title(of: kpi),
                                       description: description(of: kpi, rows: rows, against: layout), table: table(rows, kpi: kpi, layout: layout, plan: plan))
            if isTarget {
                main.append(figure)
                if let plan, let zoom = PlanZoomChart(target: plan, path: sweep.paths.first ?? "value", rows: rows) {
                    main.append(Figure.render(zoom.draw(id: "plan-zoom"), title: zoom.title, description: zoom.description,
                                              table: table(zoom.rows, kpi: kpi, layout: layout, plan: plan)))
                }
            } else {
                small.append(figure)
            }
        }
        let lines = layout.seriesPaths.isEmpty ? "" : " One line per "
            + layout.seriesPaths.map { layout.paths[$0] }.joined(separator: " and ") + " value, in the colours and dashes of the legend."
        let fixed = layout.fixedText.isEmpty ? "" : " Held fixed at every point: \(layout.fixedText)."
        return ReportPage.section(id: plan == nil ? "sweep" : "plan", title: plan == nil ? "Sweep" : "Plan",
                                  intro: "Each KPI against \(varied.isEmpty ? "the point" : varied): the mean over replications "
                                      + "(dots, lines) with its 95 % interval (band).\(lines)\(fixed) "
                                      + (plan == nil ? "" : "Filled dots meet the target with 95 % confidence, hollow ones do not."),
                                  main + [.el("div", [("class", "small-multiples")], small)])
    }

    /// The target as a horizontal line.
    static func targetLine(_ plan: PlanTarget) -> ChartReference {
        ChartReference(value: plan.value * KPIDisplay.unit(of: plan.kpi).scale, label: plan.label, colour: Palette.vermillion,
                       dash: "8 3 2 3")
    }

    /// The chart of one KPI: a line per series, points in x order.
    private static func chart(of kpi: String, rows: [SweepEstimate], layout: SweepLayout) -> BandChart {
        let unit = KPIDisplay.unit(of: kpi)
        let count = max(layout.seriesNames.count, 1)
        let series = (0..<count).map { line -> BandChart.Series in
            let points = rows.filter { (layout.series[$0.point] ?? 0) == line }
                .map { BandChart.Point(x: layout.x[$0.point] ?? 0, value: $0.value.scaled(unit.scale), filled: $0.feasible ?? true) }
                .sorted { $0.x < $1.x }
            let style = SweepLayout.style(of: line)
            return BandChart.Series(name: layout.seriesNames[safe: line], points: points, colour: style.colour, dash: style.dash)
        }
        var chart = BandChart(series: series, xLabel: layout.xLabel, yLabel: "mean (\(unit.text))", markers: true, includeZero: false)
        chart.xTicks = layout.xTicks
        if count > 1 { chart.bandName = "95 % intervals" }
        return chart
    }

    private static func description(of kpi: String, rows: [SweepEstimate], against layout: SweepLayout) -> String {
        let unit = KPIDisplay.unit(of: kpi)
        let varied = (layout.xPath.map { [$0] } ?? []) + layout.seriesPaths
        return "\(kpi) (\(unit.text)) against \(layout.variedText.isEmpty ? "the point" : varied.map { layout.paths[$0] }.joined(separator: " and ")): "
            + rows.map { row in
                (varied.isEmpty ? row.point : varied.map { row.settings[safe: $0] ?? "" }.joined(separator: " / "))
                    + ": \(KPIDisplay.format(row.value, unit))" + (row.feasible.map { $0 ? " meets the target" : " misses the target" } ?? "")
            }.joined(separator: "; ") + "."
    }

    /// The numbers of a chart: every point with the settings of the paths that vary (the
    /// section's introduction names those held fixed).
    private static func table(_ rows: [SweepEstimate], kpi: String, layout: SweepLayout, plan: PlanTarget?) -> DataTable {
        let unit = KPIDisplay.unit(of: kpi)
        let varied = layout.paths.indices.filter { !layout.fixedPaths.contains($0) }
        return DataTable(header: ["point"] + varied.map { layout.paths[$0] } + ["mean (\(unit.text))", "95 % low", "95 % high", "replications"]
                         + (plan == nil ? [] : ["meets target"]), rows: rows.map { row in
            [DataTable.Cell.label(row.point)] + varied.map { .label(row.settings[safe: $0] ?? "") }
                + DataTable.Cell.numbers(row.value.scaled(unit.scale)) + [.number(row.replications.map(Double.init), decimals: 0)]
                + (plan == nil ? [] : [.label(row.feasible.map { $0 ? "yes" : "no" } ?? "")])
        })
    }
}
