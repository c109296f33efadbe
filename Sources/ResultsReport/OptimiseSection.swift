import Foundation

/// The report of a `cartsim optimise` folder: the problem and the chosen point, the
/// cost-versus-target frontier on the first constraint, and every evaluated point.
enum OptimiseSection {
    static func headline(_ results: OptimiseResults) -> Markup {
        let manifest = results.manifest
        let chosen = (manifest.object("chosen") as? [String: Any]).map { values in
            values.keys.sorted().map { "\($0) = \(values[$0]!)" }.joined(separator: ", ")
        } ?? "none: no point meets every constraint with 95 % confidence"
        let rounds = (manifest.array("rounds") as? [[String: Any]])?.map { round in
            "\(round["replications"] ?? "?") replications: \(round["points_in_race"] ?? "?") in the race"
        }.joined(separator: "; ")
        let separated = manifest.flag("separated").map { $0 ? "yes: better than every other point left (paired, Bonferroni 95 %)"
            : "no: points remain in the race at the maximum replications" }
        return ReportPage.section(id: "headline", title: "Headline", [
            HeadlinePanel.facts([
                ("Scenario", manifest.string("scenario")), ("Objective", manifest.string("objective")),
                ("Constraints (95 % confidence)", (manifest.array("constraints") as? [String])?.joined(separator: "; ")),
                ("Chosen", chosen), ("Separated", separated), ("Rounds", rounds),
                ("Points evaluated", manifest.numberText("evaluated_points")),
                ("Seed (same streams at every point)", manifest.numberText("seed")),
            ]),
        ])
    }

    static func render(_ results: OptimiseResults) -> Markup {
        var content: [Markup] = []
        let objectiveName = results.objectiveKPI.map { "\(KPIDisplay.label(of: $0)) (mean)" } ?? "decision cost"
        if let constraint = results.firstConstraint {
            let unit = KPIDisplay.unit(of: constraint.kpi)
            let frontier = results.points.filter(\.frontier).sorted { $0.objective < $1.objective }
            var chart = BandChart(points: frontier.map { point in
                BandChart.Point(x: point.objective, value: (point.intervals[constraint.kpi] ?? Estimate(mean: nil, low: nil, high: nil))
                                    .scaled(unit.scale), filled: point.status != "infeasible")
            }, xLabel: objectiveName, yLabel: "\(KPIDisplay.label(of: constraint.kpi)) (\(unit.text))", markers: true,
                                  includeZero: false)
            chart.horizontalReferences = [ChartReference(value: constraint.value * unit.scale, label: "constraint",
                                                         colour: Palette.vermillion, dash: "8 3 2 3")]
            if let chosen = results.points.first(where: { $0.status == "chosen" }) {
                chart.verticalReferences = [ChartReference(value: chosen.objective, label: "chosen", colour: Palette.bluishGreen,
                                                           dash: "4 2")]
            }
            let description = "Cost-versus-target frontier: for each \(objectiveName), the best \(constraint.kpi) reached: "
                + frontier.map { "\($0.values.joined(separator: " / ")): \(KPIDisplay.format($0.intervals[constraint.kpi]?.mean, unit))" }
                .joined(separator: "; ") + "."
            content.append(Figure.render(chart.draw(id: "optimise-frontier"), title: "What the first constraint costs",
                                         description: description, table: table(frontier, results)))
        }
        content.append(.el("details", [], [.el("summary", text: "Every evaluated point"), table(results.points, results).render()]))
        let intro = "Points off the frontier are beaten on both the objective and the first constraint's KPI by another point "
            + "that violates no other constraint. Hollow markers violate the first constraint with 95 % confidence."
        return ReportPage.section(id: "optimise", title: "Optimisation", intro: intro, content)
    }

    private static func table(_ points: [OptimiseResults.Point], _ results: OptimiseResults) -> DataTable {
        DataTable(header: ["point"] + results.paths + ["decision cost", "replications", "status"]
                  + results.kpis.flatMap { ["\($0) mean", "95 % low", "95 % high"] },
                  rows: points.map { point in
            [.label(point.point)] + point.values.map { .label($0) } + [.number(point.decisionCost), .number(Double(point.replications), decimals: 0),
             .label(point.status)] + results.kpis.flatMap { kpi -> [DataTable.Cell] in
                let unit = KPIDisplay.unit(of: kpi)
                return DataTable.Cell.numbers((point.intervals[kpi] ?? Estimate(mean: nil, low: nil, high: nil)).scaled(unit.scale))
            }
        })
    }
}

/// A `cartsim optimise` folder.
struct OptimiseResults {
    struct Point {
        let point: String
        let values: [String]
        let decisionCost: Double?
        let replications: Int
        let status: String
        let intervals: [String: Estimate]
        let frontier: Bool
        /// The objective as drawn: the objective KPI's mean, or the decision cost.
        let objective: Double
    }

    let manifest: RunManifest
    let paths: [String]
    let kpis: [String]
    let objectiveKPI: String?
    let firstConstraint: (kpi: String, value: Double)?
    let points: [Point]

    static func load(folder: String, manifest: RunManifest) throws(ReportError) -> OptimiseResults {
        let table = try CSVTable.load("optimise.csv", in: folder)
        let paths = ((manifest.array("variables") as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
        let objective = manifest.string("objective_kpi")
        let constraintKPIs = (manifest.array("constraint_kpis") as? [String]) ?? []
        let constraintValues = (manifest.array("constraint_values") as? [NSNumber])?.map(\.doubleValue) ?? []
        let kpis = ((objective.map { [$0] } ?? []) + constraintKPIs).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let pathColumns = try paths.map { path throws(ReportError) in try table.column(path) }
        let (point, cost, replications, status, frontier) = (try table.column("point"), try table.column("decision_cost"),
                                                            try table.column("replications"), try table.column("status"),
                                                            try table.column("frontier"))
        let intervalColumns = try kpis.map { kpi throws(ReportError) in try table.estimateColumns("\(kpi)_mean", "\(kpi)_ci95_low", "\(kpi)_ci95_high") }
        var points: [Point] = []
        for row in table.rows {
            var intervals: [String: Estimate] = [:]
            for (kpi, columns) in zip(kpis, intervalColumns) { intervals[kpi] = try table.estimate(row, columns) }
            let decisionCost = try table.number(row, cost)
            points.append(Point(point: table.text(row, point), values: pathColumns.map { table.text(row, $0) },
                                decisionCost: decisionCost, replications: Int(try table.number(row, replications) ?? 0),
                                status: table.text(row, status), intervals: intervals, frontier: try table.flag(row, frontier),
                                objective: (objective.flatMap { intervals[$0]?.mean } ?? decisionCost) ?? .nan))
        }
        let first = constraintKPIs.first.flatMap { kpi in constraintValues.first.map { (kpi: kpi, value: $0) } }
        return OptimiseResults(manifest: manifest, paths: paths, kpis: kpis, objectiveKPI: objective, firstConstraint: first,
                               points: points)
    }
}
