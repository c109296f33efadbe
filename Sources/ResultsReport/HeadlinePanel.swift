/// The building blocks of a headline panel: a list of facts about the run and KPI cards.
enum HeadlinePanel {
    /// The facts (scenario, replications, seed, horizon…) as a definition list; nil values are left out.
    static func facts(_ items: [(String, String?)]) -> Markup {
        .el("dl", [("class", "facts")], items.flatMap { name, value -> [Markup] in
            guard let value else { return [] }
            return [.el("div", [], [.el("dt", text: name), .el("dd", text: value)])]
        })
    }

    /// A card: a label, a big value with its unit, and a line below (the interval, a target).
    static func card(label: String, value: Markup, unit: String, details: [Markup]) -> Markup {
        .el("div", [("class", "card")], [
            .el("p", [("class", "card-label")], text: label),
            .el("p", [("class", "card-value")], unit.isEmpty ? [value] : [value, .text(" "), .el("span", [("class", "unit")], text: unit)]),
        ] + details.map { .el("p", [("class", "card-detail")], [$0]) })
    }

    /// A card for a KPI of `summary.csv`: its mean and 95 % interval, each traceable to the
    /// file through `data-kpi`/`data-stat`. Nil when the file lacks the KPI.
    static func kpiCard(_ estimate: KPIEstimate?, extra: Markup? = nil) -> Markup? {
        guard let estimate else { return nil }
        let unit = KPIDisplay.unit(of: estimate.name)
        func value(_ number: Double?, _ stat: String) -> Markup {
            .el("span", [("data-kpi", estimate.name), ("data-stat", stat)], text: KPIDisplay.format(number, unit))
        }
        let interval: Markup = .el("span", [], [.text("95 % interval ["), value(estimate.value.low, "ci95_low"), .text(", "),
                                                value(estimate.value.high, "ci95_high"), .text("]")])
        return card(label: KPIDisplay.label(of: estimate.name), value: value(estimate.value.mean, "mean"), unit: unit.text,
                    details: [interval] + (extra.map { [$0] } ?? []))
    }

    /// A row of cards.
    static func cards(_ cards: [Markup]) -> Markup {
        .el("div", [("class", "cards")], cards)
    }

    /// A table of KPIs of `summary.csv`: name, unit, mean, 95 % interval, replications.
    static func kpiTable(_ estimates: [KPIEstimate], plainNames: Bool) -> DataTable {
        DataTable(header: ["KPI", "unit", "mean", "95 % low", "95 % high", "replications"], rows: estimates.map { kpi in
            [.label(plainNames ? KPIDisplay.label(of: kpi.name) : kpi.name), .label(KPIDisplay.unit(of: kpi.name).text),
             .kpi(kpi.value.mean, kpi: kpi.name, stat: "mean"), .kpi(kpi.value.low, kpi: kpi.name, stat: "ci95_low"),
             .kpi(kpi.value.high, kpi: kpi.name, stat: "ci95_high"), .number(kpi.replications.map(Double.init), decimals: 0)]
        })
    }
}
