/// Section 3: the vein-to-vein distribution over the patients of `patients.csv` (a GSL
/// histogram), with the median, 90th and 95th percentiles of `summary.csv` marked and the
/// scenario's target when it states one.
enum DistributionSection {
    static let title = "Vein-to-vein distribution"

    /// The percentile KPIs marked on the chart, with their labels and dashes.
    static let percentiles = [("vein_to_vein_p50_days", "p50", "none"), ("vein_to_vein_p90_days", "p90", "6 3"),
                              ("vein_to_vein_p95_days", "p95", "2 2")]

    static func render(_ run: RunResults) -> Markup {
        let values = run.patients.veinToVeinDays
        var markers: [ChartReference] = percentiles.compactMap { kpi, name, dash in
            run.summary.mean(kpi).map {
                ChartReference(value: $0, label: "\(name) \(KPIDisplay.fixed($0, decimals: 1)) d", colour: Palette.black,
                               dash: dash == "none" ? nil : dash)
            }
        }
        if let target = run.scenario.veinToVeinTargetDays {
            markers.append(ChartReference(value: target, label: "target \(KPIDisplay.fixed(target, decimals: 1)) d",
                                          colour: Palette.vermillion, dash: "8 3 2 3"))
        }
        let percentileTable = HeadlinePanel.kpiTable(percentiles.compactMap { run.summary[$0.0] }, plainNames: true)
            .render(caption: "Percentiles (means over replications, summary.csv)")
        guard !values.isEmpty else {
            return ReportPage.section(id: "distribution", title: title, [
                .el("p", [("class", "note")], text: "patients.csv holds no infused patient referred after the warm-up (run with --patients K)."),
                percentileTable,
            ])
        }
        let bins = GSLHistogram.bins(of: values)
        let chart = HistogramChart(bins: bins, markers: markers, xLabel: "vein-to-vein time (days)", yLabel: "infused patients (count)")
        let description = "Histogram of the vein-to-vein time of \(values.count) infused patients, "
            + "from \(KPIDisplay.fixed(values.min()!, decimals: 1)) to \(KPIDisplay.fixed(values.max()!, decimals: 1)) days, "
            + "in \(bins.count) bins. Marked: " + markers.map(\.label).joined(separator: ", ") + "."
        let table = DataTable(header: ["from (days)", "to (days)", "patients"], rows: bins.map {
            [.number($0.lower), .number($0.upper), .number(Double($0.count), decimals: 0)]
        })
        let figure = Figure.render(chart.draw(id: "distribution-chart"),
                                   title: "Vein-to-vein time of infused patients", description: description, table: table,
                                   note: "Bars: the \(values.count) infused patients of patients.csv referred after the warm-up. "
                                       + "Lines: percentiles from summary.csv (each replication's percentile, averaged).")
        return ReportPage.section(id: "distribution", title: title, [figure, percentileTable])
    }
}
