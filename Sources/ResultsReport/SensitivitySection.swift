/// The report of a `cartsim sensitivity` folder: what was perturbed, and one tornado chart
/// per KPI — the inputs ranked by the swing of the first KPI, each with the paired effect of
/// its low and high value and their 95 % intervals.
enum SensitivitySection {
    /// The inputs drawn in each chart (every input is in the table and in `sensitivity.csv`).
    static let inputsShown = 15

    static func headline(_ results: SensitivityResults) -> Markup {
        let manifest = results.manifest
        let change = manifest.number("change").map { "± \(KPIDisplay.fixed($0 * 100, decimals: 0)) % of each input's value" }
        return ReportPage.section(id: "headline", title: "Headline", [
            HeadlinePanel.facts([
                ("Scenario", manifest.string("scenario")), ("Change", change),
                ("Inputs", manifest.numberText("inputs_done")),
                ("Variants skipped (did not validate)", (manifest.array("skipped")?.count).map(String.init)),
                ("Replications per variant (paired with the base)", manifest.numberText("replications")),
                ("Seed (same streams in every variant)", manifest.numberText("seed")),
            ]),
        ])
    }

    static func render(_ results: SensitivityResults) -> Markup {
        var figures: [Markup] = []
        for (index, kpi) in results.kpis.enumerated() {
            let unit = KPIDisplay.unit(of: kpi)
            let effects = results.effects.filter { $0.kpi == kpi }
            let inputs = effects.reduce(into: [String]()) { if !$0.contains($1.input) { $0.append($1.input) } }
            func side(_ input: String, _ name: String) -> SensitivityResults.Effect? {
                effects.first { $0.input == input && $0.side == name }
            }
            let rows = inputs.prefix(inputsShown).map { input -> TornadoChart.Row in
                let low = side(input, "low"), high = side(input, "high")
                let note = "low \(low.map { KPIDisplay.format($0.effect.mean, unit) } ?? "—"), "
                    + "high \(high.map { KPIDisplay.format($0.effect.mean, unit) } ?? "—")"
                return TornadoChart.Row(label: input, low: low?.effect.scaled(unit.scale), high: high?.effect.scaled(unit.scale),
                                        note: note)
            }
            let unitText = unit == .percent ? "percentage points" : unit.text
            let chart = TornadoChart(rows: rows, axisLabel: "change of \(KPIDisplay.label(of: kpi)) from the base (\(unitText))")
            let description = "Tornado chart of \(kpi): for each input, the paired change from the base when the input is "
                + "low and high, with 95 % intervals: "
                + rows.map { "\($0.label): \($0.note)" }.joined(separator: "; ") + "."
            let table = DataTable(header: ["rank", "input", "value in file", "side", "value", "base mean", "variant mean",
                                           "change", "95 % low", "95 % high", "excludes 0"],
                                  rows: effects.map { effect in
                [.label(effect.rank), .label(effect.input), .label(effect.baseValue), .label(effect.side), .label(effect.value),
                 .number(effect.baseMean.map { $0 * unit.scale }), .number(effect.variantMean.map { $0 * unit.scale })]
                    + DataTable.Cell.numbers(effect.effect.scaled(unit.scale)) + [.label(effect.significant ? "yes" : "no")]
            })
            let shown = inputs.count > inputsShown ? " (the \(inputsShown) largest swings of \(inputs.count) inputs)" : ""
            figures.append(Figure.render(chart.draw(id: "tornado-\(index)"), title: "\(KPIDisplay.label(of: kpi)): "
                                         + "one input at a time\(shown)", description: description, table: table))
        }
        let intro = "Each input was set low and high with every other input as in the file, and run with the base "
            + "scenario's replications and random numbers; a bar is the mean paired change of the KPI, its whisker the 95 % "
            + "paired-t interval. Inputs are ranked by the swing of \(results.kpis.first.map(KPIDisplay.label(of:)) ?? "the first KPI")."
        return ReportPage.section(id: "sensitivity", title: "Sensitivity", intro: intro, figures)
    }
}

/// A `cartsim sensitivity` folder.
struct SensitivityResults {
    /// One row of `sensitivity.csv`.
    struct Effect {
        let rank: String
        let input: String
        let baseValue: String
        let side: String
        let value: String
        let kpi: String
        let baseMean: Double?
        let variantMean: Double?
        let effect: Estimate
        let significant: Bool
    }

    let manifest: RunManifest
    /// KPIs in the order of the file (the first ranks the inputs).
    let kpis: [String]
    let effects: [Effect]

    static func load(folder: String, manifest: RunManifest) throws(ReportError) -> SensitivityResults {
        let table = try CSVTable.load("sensitivity.csv", in: folder)
        let columns = try ["rank", "input", "base_value", "side", "value", "kpi", "base_mean", "variant_mean", "significant"]
            .map { name throws(ReportError) in try table.column(name) }
        let effect = try table.estimateColumns("effect_mean", "effect_ci95_low", "effect_ci95_high")
        var effects: [Effect] = []
        for row in table.rows {
            effects.append(Effect(
                rank: table.text(row, columns[0]), input: table.text(row, columns[1]), baseValue: table.text(row, columns[2]),
                side: table.text(row, columns[3]), value: table.text(row, columns[4]), kpi: table.text(row, columns[5]),
                baseMean: try table.number(row, columns[6]), variantMean: try table.number(row, columns[7]),
                effect: try table.estimate(row, effect), significant: try table.flag(row, columns[8])))
        }
        let kpis = effects.reduce(into: [String]()) { if !$0.contains($1.kpi) { $0.append($1.kpi) } }
        return SensitivityResults(manifest: manifest, kpis: kpis, effects: effects)
    }
}
