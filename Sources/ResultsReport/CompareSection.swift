/// Section of a `compare` folder: every KPI's paired difference between the two scenarios
/// (same random numbers per replication) with its 95 % paired-t interval, as dot-and-whisker
/// charts, one per unit so that each has a true axis.
enum CompareSection {
    static let title = "Paired differences"

    /// Units in the order their charts appear, with the chart names.
    static let groups: [(KPIDisplay.Unit, String)] = [
        (.days, "Times"), (.percent, "Fractions, rates and utilisations"), (.perYear, "Throughput"),
        (.patients, "Work in progress"), (.perReplication, "Counts"),
    ]

    static func render(_ compare: CompareResults) -> Markup {
        let sense = differenceSense(compare.differences)
        let names = scenarioNames(compare.manifest)
        var figures: [Markup] = []
        for (index, (unit, name)) in groups.enumerated() {
            let rows = compare.differences.filter { KPIDisplay.unit(of: $0.kpi) == unit }
            guard !rows.isEmpty else { continue }
            let unitText = unit == .percent ? "percentage points" : unit.text
            let chart = DotWhiskerChart(rows: rows.map { row in
                DotWhiskerChart.Row(label: KPIDisplay.label(of: row.kpi), value: row.difference.scaled(unit.scale),
                                    excludesZero: row.excludesZero, note: KPIDisplay.format(row.difference, unit))
            }, axisLabel: "difference \(sense) (\(unitText))")
            let description = "Paired differences \(sense) with 95 % intervals, \(unitText): "
                + rows.map { "\($0.kpi) \(KPIDisplay.format($0.difference, unit))\($0.excludesZero ? " (excludes 0)" : "")" }
                .joined(separator: "; ") + "."
            let table = DataTable(header: ["KPI", "CSV name", "unit", "mean \(names.a)", "mean \(names.b)", "difference \(sense)", "95 % low",
                                           "95 % high", "unpaired ± (for contrast)", "excludes 0", "replications"],
                                  rows: rows.map { row in
                [.label(KPIDisplay.label(of: row.kpi)), .label(row.kpi), .label(unit.text), .number(row.meanA.map { $0 * unit.scale }),
                 .number(row.meanB.map { $0 * unit.scale })] + DataTable.Cell.numbers(row.difference.scaled(unit.scale)) + [
                 .number(row.unpairedHalfWidth.map { $0 * unit.scale }), .label(row.excludesZero ? "yes" : "no"),
                 .number(row.replications.map(Double.init), decimals: 0)]
            })
            figures.append(Figure.render(chart.draw(id: "compare-chart-\(index)"), title: "\(name): difference \(sense)",
                                         description: description, table: table))
        }
        let intro = "Each dot is the mean over replications of the paired difference \(sense) (A: \(names.a), B: \(names.b)); "
            + "the whisker is its 95 % paired-t interval. Both scenarios drew the same random numbers in each replication, "
            + "so the paired interval is narrower than an unpaired one (listed in the tables for contrast)."
        return ReportPage.section(id: "compare", title: title, intro: intro, figures)
    }

    /// `B − A` or `A − B`: which way `compare.csv` subtracts, read from its rows.
    static func differenceSense(_ rows: [PairedDifference]) -> String {
        var votes = 0
        for row in rows {
            guard let a = row.meanA, let b = row.meanB, let d = row.difference.mean, a != b else { continue }
            votes += abs(b - a - d) <= abs(a - b - d) ? 1 : -1
        }
        return votes >= 0 ? "B − A" : "A − B"
    }

    /// The names of scenarios A and B from `run.json`.
    static func scenarioNames(_ manifest: RunManifest) -> (a: String, b: String) {
        (manifest.string("scenario_a") ?? "A", manifest.string("scenario_b") ?? "B")
    }
}
