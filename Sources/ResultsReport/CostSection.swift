/// The section of a run's report on money and on the patients lost while waiting: the
/// cost ledger's total, per infused patient and per year, then by category and by site with
/// 95 % intervals, beside the dropouts per year by what the patients were waiting for (from
/// `summary.csv`). Absent when the run has neither.
enum CostSection {
    /// The ledger's categories, in the order of `summary.csv`, with a plain-language name.
    static let categories: [(kpi: String, label: String)] = [
        ("facility_cost", "Facilities: per site-day, suite-day and QC capacity-day"),
        ("collection_cost", "Apheresis collections"), ("freezing_cost", "Cryopreservation"),
        ("manufacturing_cost", "Batches started"), ("materials_cost", "Materials of batches"),
        ("qc_cost", "QC tests"), ("logistics_cost", "Courier shipments"),
        ("hospital_cost", "Bed-days and ICU-days"), ("losses_cost", "Failed lots, lost material, scrapped batches"),
        ("untreated_cost", "Patients not treated"), ("staff_cost", "Staff on shift"),
    ]

    static func render(_ run: RunResults) -> Markup? {
        let summary = run.summary
        let waits = summary.estimates.filter { $0.name.hasPrefix("dropouts_waiting_for_") }
        let hasCost = summary["total_cost"] != nil
        guard hasCost || !waits.isEmpty else { return nil }
        var content: [Markup] = []
        if hasCost {
            let currency = run.scenario.currency.map { " (\($0))" } ?? ""
            content.append(.el("p", [], text: "Money spent from the warm-up to the horizon at the prices of the scenario's "
                + "costs section\(currency); means over replications with 95 % intervals."))
            content.append(HeadlinePanel.cards(["total_cost", "per_infused_patient_cost", "annual_cost"].compactMap {
                HeadlinePanel.kpiCard(summary[$0])
            }))
            let total = summary.mean("total_cost")
            let rows = categories.compactMap { category -> [DataTable.Cell]? in
                guard let estimate = summary[category.kpi] else { return nil }
                return row(category.label, estimate) + [share(estimate.value.mean, of: total)]
            }
            content.append(DataTable(header: ["Category", "mean", "95 % low", "95 % high", "share of total (%)"], rows: rows)
                .render(caption: "Cost by category\(currency)"))
            let sites = summary.estimates.filter { $0.name.hasSuffix("_site_cost") }.map { site in
                row(String(site.name.dropLast("_site_cost".count)), site) + [share(site.value.mean, of: total)]
            }
            content.append(DataTable(header: ["Site", "mean", "95 % low", "95 % high", "share of total (%)"], rows: sites)
                .render(caption: "Cost by site\(currency)"))
        }
        if !waits.isEmpty {
            let rows = waits.map { wait in
                row(String(wait.name.dropFirst("dropouts_waiting_for_".count).dropLast("_per_year".count)), wait)
            } + (summary["dropouts_waiting_per_year"].map { [row("all of these", $0)] } ?? [])
            content.append(DataTable(header: ["Waiting for", "mean", "95 % low", "95 % high"], rows: rows)
                .render(caption: "Patients who dropped out while waiting, per year"))
        }
        return ReportPage.section(id: "cost", title: hasCost ? "Cost and patients lost to waiting" : "Patients lost to waiting",
                                  content)
    }

    private static func row(_ label: String, _ estimate: KPIEstimate) -> [DataTable.Cell] {
        [.label(label), .kpi(estimate.value.mean, kpi: estimate.name, stat: "mean"),
         .kpi(estimate.value.low, kpi: estimate.name, stat: "ci95_low"),
         .kpi(estimate.value.high, kpi: estimate.name, stat: "ci95_high")]
    }

    private static func share(_ part: Double?, of total: Double?) -> DataTable.Cell {
        guard let part, let total, total > 0 else { return .number(nil) }
        return .number(100 * part / total)
    }
}
