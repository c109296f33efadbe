/// The report section of a traced run (`run --trace K`): the slowest infused patients of
/// replication 0, each as a Gantt chart of its stages — waiting hatched, work solid,
/// shipments light — with a list of links to each (no script: plain anchors).
enum TimelineSection {
    static let title = "Slowest patients, step by step"

    static func render(_ timelines: PatientTimelines) -> Markup {
        guard !timelines.timelines.isEmpty else {
            return ReportPage.section(id: "timelines", title: title, [
                .el("p", [("class", "note")], text: "events.csv holds no infused patient whose collection is in the trace "
                    + "(raise --trace-limit)."),
            ])
        }
        let links: [Markup] = timelines.timelines.map { timeline in
            .el("li", [], [.el("a", [("href", "#patient-\(timeline.patient)")],
                               text: "Patient \(timeline.patient) (\(timeline.centre), \(timeline.product)): "
                                   + "\(KPIDisplay.fixed(timeline.veinToVeinDays, decimals: 2)) d vein-to-vein")])
        }
        var content: [Markup] = [.el("ol", [("class", "patient-links")], links)]
        for timeline in timelines.timelines { content.append(figure(timeline)) }
        let intro = "The \(timelines.timelines.count) infused patients of replication 0 with the longest vein-to-vein time "
            + "(of \(timelines.infused) infused patients in events.csv), from the event trace: each row is a stage in the order "
            + "it began, in days since the patient's referral. Hatched: waiting for a resource (claim to grant); solid: work; "
            + "light: a courier on the way. Gaps are waits that claim no resource (a courier's next pickup, a booked bed)."
        return ReportPage.section(id: "timelines", title: title, intro: intro, content)
    }

    private static let transit = Palette.Fill.solid(Palette.skyBlue)

    private static func figure(_ timeline: PatientTimelines.Timeline) -> Markup {
        var rows: [HorizontalBarChart.Row] = []
        var labels: [String] = []
        for span in timeline.spans {
            let fill = switch span.kind {
            case .waiting: Palette.waiting
            case .working: Palette.working
            case .transit: transit
            }
            let label = span.kind == .waiting ? String(span.label.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
                : span.label
            let segment = HorizontalBarChart.Segment(start: span.start, length: span.end - span.start, fill: fill)
            if labels.last == label {
                rows[rows.count - 1] = .init(label: label, segments: rows[rows.count - 1].segments + [segment])
            } else {
                rows.append(.init(label: label, segments: [segment]))
                labels.append(label)
            }
        }
        let chart = HorizontalBarChart(rows: rows, axisLabel: "days since referral (day \(KPIDisplay.fixed(timeline.referralDay, decimals: 2)) of the run)",
                                       legend: [(.fill(Palette.waiting), "waiting for a resource"), (.fill(Palette.working), "work"),
                                                (.fill(transit), "in transit")], rowHeight: 20)
        let table = DataTable(header: ["span", "kind", "from day", "to day", "days"], rows: timeline.spans.map { span in
            [.label(span.label), .label("\(span.kind)"), .number(span.start), .number(span.end), .number(span.end - span.start)]
        })
        let description = "Timeline of patient \(timeline.patient): "
            + timeline.spans.map { "\($0.label) \($0.kind) from day \(KPIDisplay.fixed($0.start, decimals: 2)) to "
                + "\(KPIDisplay.fixed($0.end, decimals: 2))" }.joined(separator: "; ") + "."
        let canvas = chart.draw(id: "patient-\(timeline.patient)")
        return Figure.render(canvas, title: "Patient \(timeline.patient): \(KPIDisplay.fixed(timeline.veinToVeinDays, decimals: 2)) d "
                             + "vein-to-vein", description: description, table: table)
    }
}
