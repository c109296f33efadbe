/// The section of a run's report on the plants' stock (vector, reagents): what stock-outs
/// cost in waiting, and each item's level, stock-outs, waits, orders and failed lots with 95 %
/// intervals (from `summary.csv`). Absent when no plant keeps stock.
enum StockSection {
    static let title = "Stock"

    /// The per-item KPIs shown, by suffix, with their column headings.
    static let columns: [(suffix: String, heading: String)] = [
        ("stock_mean", "on hand (mean units)"), ("stock_outs_in_window", "batches that waited"),
        ("stock_wait_mean_days", "wait per batch (days)"), ("stock_wait_p90_days", "p90 wait (days)"),
        ("units_used_in_window", "units used"), ("orders_in_window", "orders"),
        ("lots_failed_in_window", "lots failing release"),
    ]

    static func render(_ run: RunResults) -> Markup? {
        let summary = run.summary
        guard let outs = summary["stock_outs_in_window"] else { return nil }
        let items = summary.estimates.map(\.name).filter { $0.hasSuffix("_stock_mean") }
            .map { String($0.dropLast("_stock_mean".count)) }
        var content: [Markup] = [
            .el("p", [], text: "Batches reserve the stock their product takes before they queue for a suite; a batch that "
                + "finds too little waits for a delivery. From the warm-up to the horizon; means over replications."),
            HeadlinePanel.cards([HeadlinePanel.kpiCard(outs), HeadlinePanel.kpiCard(summary["stock_wait_days_in_window"])]
                .compactMap { $0 }),
        ]
        let rows = items.map { item -> [DataTable.Cell] in
            [.label(item)] + columns.map { column in
                let name = "\(item)_\(column.suffix)"
                return summary[name].map { .kpi($0.value.mean, kpi: name, stat: "mean") } ?? .number(nil)
            }
        }
        content.append(DataTable(header: ["Item"] + columns.map(\.heading), rows: rows)
            .render(caption: "Stock by item (plant and item)"))
        return ReportPage.section(id: "stock", title: title, content)
    }
}
