/// Section 6: weekly infusions, work in progress, and (where plants allocate slots) patients on
/// the slot waitlists and (where plants keep stock) each item's stock over the horizon (`timeseries.csv`):
/// the mean across replications with a band from the 5th to the 95th percentile, and the
/// warm-up weeks shaded (they are left out of every KPI).
enum OverTimeSection {
    static let title = "Over time"

    static func render(_ run: RunResults) -> Markup {
        guard !run.weeks.isEmpty else {
            return ReportPage.section(id: "over-time", title: title, [.el("p", [("class", "note")], text: "timeseries.csv has no week.")])
        }
        let warmupWeeks = run.weeks.filter(\.inWarmup).map(\.week)
        let shades = warmupWeeks.isEmpty ? [] : [BandChart.Shade(from: run.weeks[0].week, to: (warmupWeeks.max() ?? 0) + 1,
                                                                   label: "warm-up (excluded)")]
        let timeAxis = run.manifest.string("start_date").map { "time (weeks since \($0))" } ?? "time (weeks since the start)"
        let intro = "Mean across replications with the 5th–95th percentile band; the shaded weeks are the warm-up, "
            + "left out of every KPI. A level curve after the warm-up means the warm-up is long enough."
        var figures = [
            figure(run.weeks, \.infusions, id: "infusions-chart", title: "Infusions per week",
                   unit: "infusions (per week)", shades: shades, timeAxis: timeAxis),
            figure(run.weeks, \.workInProgress, id: "wip-chart", title: "Work in progress",
                   unit: "work in progress (patients)", shades: shades, timeAxis: timeAxis),
        ]
        for (index, level) in (run.weeks.first?.levels ?? []).enumerated() {
            let series = \WeekFigures.levels[index].value
            if level.name == "waitlist" {
                figures.append(figure(run.weeks, series, id: "waitlist-chart", title: "Patients on slot waitlists",
                                      unit: "waiting for a slot (patients, all centres)", shades: shades, timeAxis: timeAxis))
            } else {
                let item = String(level.name.dropFirst("stock_".count))
                figures.append(figure(run.weeks, series, id: "\(item)-stock-chart", title: "Stock of \(item) at the end of each week",
                                      unit: "\(item) on hand (units)", shades: shades, timeAxis: timeAxis))
            }
        }
        return ReportPage.section(id: "over-time", title: title, intro: intro, figures)
    }

    private static func figure(_ weeks: [WeekFigures], _ series: KeyPath<WeekFigures, Estimate>, id: String,
                               title: String, unit: String, shades: [BandChart.Shade], timeAxis: String) -> Markup {
        let points = weeks.map { week in
            BandChart.Point(x: week.week, value: week[keyPath: series])
        }
        var chart = BandChart(points: points, xLabel: timeAxis, yLabel: unit)
        chart.bandName = "5th–95th percentile"
        chart.shades = shades
        let means = points.compactMap(\.value.mean)
        let steady = weeks.filter { !$0.inWarmup }.compactMap { $0[keyPath: series].mean }
        let description = "\(title) over \(weeks.count) weeks: mean from \(number(means.min())) to \(number(means.max()))"
            + (steady.isEmpty ? "" : ", averaging \(number(steady.reduce(0, +) / Double(steady.count))) after the warm-up")
            + (shades.isEmpty ? "" : "; the first \(Int(shades[0].to - shades[0].from)) weeks are the warm-up") + "."
        let table = DataTable(header: ["week", "warm-up", "mean", "5th percentile", "95th percentile"], rows: weeks.map { week in
            [.number(week.week, decimals: 0), .label(week.inWarmup ? "yes" : "no")] + DataTable.Cell.numbers(week[keyPath: series])
        })
        return Figure.render(chart.draw(id: id), title: title, description: description, table: table)
    }

    private static func number(_ value: Double?) -> String { value.map { KPIDisplay.fixed($0, decimals: 1) } ?? "—" }
}
