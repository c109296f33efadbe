/// The cohort by product, indication, centre and plant (`breakdowns.csv`): one table per
/// dimension with more than one group — patients, infused, not infused, vein-to-vein mean and
/// p90 with their 95 % intervals — so that a network of two products shows each product's
/// times instead of their mixture. Absent for a folder without the file (cartsim 0.2.0) or
/// where every dimension has a single group.
enum BreakdownSection {
    static let title = "By product, indication, centre and plant"

    /// One group's KPIs, by KPI name.
    struct Group {
        let by: String, name: String
        var kpis: [String: Estimate] = [:]
    }

    static func load(folder: String) throws(ReportError) -> [Group]? {
        guard ResultsFile.exists("breakdowns.csv", in: folder) else { return nil }
        let table = try CSVTable.load("breakdowns.csv", in: folder)
        let by = try table.column("by"), group = try table.column("group"), kpi = try table.column("kpi")
        let interval = try table.estimateColumns("mean", "ci95_low", "ci95_high")
        var groups: [Group] = []
        for row in table.rows {
            let (dimension, name) = (table.text(row, by), table.text(row, group))
            if groups.last?.by != dimension || groups.last?.name != name { groups.append(Group(by: dimension, name: name)) }
            groups[groups.count - 1].kpis[table.text(row, kpi)] = try table.estimate(row, interval)
        }
        return groups
    }

    /// The columns of each table: KPI, heading, and whether its interval is shown.
    static let columns: [(kpi: String, heading: String, interval: Bool)] = [
        ("patients_referred", "patients", false), ("patients_infused", "infused", false),
        ("not_infused_fraction", "not infused", false), ("vein_to_vein_mean_days", "vein-to-vein mean (days)", true),
        ("vein_to_vein_p90_days", "vein-to-vein p90 (days)", true),
    ]

    static func render(_ groups: [Group]) -> Markup? {
        let dimensions = ["product", "indication", "centre", "plant"].filter { by in groups.count { $0.by == by } > 1 }
        guard !dimensions.isEmpty else { return nil }
        let tables = dimensions.map { by -> Markup in
            let rows = groups.filter { $0.by == by }.map { group -> [DataTable.Cell] in
                [.label(group.name)] + columns.map { column in
                    let estimate = group.kpis[column.kpi]
                    guard column.interval else {
                        return .label(estimate.flatMap(\.mean).map {
                            column.kpi.hasSuffix("_fraction") ? KPIDisplay.fixed($0 * 100, decimals: 1) + " %"
                                : KPIDisplay.fixed($0, decimals: 1)
                        } ?? "—")
                    }
                    return .label(estimate.map { KPIDisplay.format($0, KPIDisplay.unit(of: column.kpi)) } ?? "—")
                }
            }
            return DataTable(header: [by.prefix(1).uppercased() + by.dropFirst()] + columns.map(\.heading), rows: rows)
                .render(caption: "The cohort by \(by) (means over replications, 95 % intervals)")
        }
        return ReportPage.section(id: "breakdowns", title: title, intro: "The cohort's outcomes for each group of patients; "
            + "by plant: the patients whose material was sent there. breakdowns.csv has every figure with its interval.",
            tables)
    }
}
