/// A plan's target KPI zoomed on the decision: the answer and the evaluated values either
/// side of it, each with its 95 % interval as a whisker, against the target line, on an axis
/// that spans just those intervals and the target (the full chart's axis spans every value
/// evaluated, and hides a band of a day or less where the answer lies). Without an answer,
/// the value whose mean comes closest to the target and its neighbours.
struct PlanZoomChart {
    let target: SweepSection.PlanTarget
    /// The varied key path.
    let path: String
    /// The answer (or the closest value) and its neighbours, by value.
    let rows: [SweepEstimate]
    /// The value in the middle.
    let centre: Double

    /// Nil when fewer than two values were evaluated or the values are not numbers.
    init?(target: SweepSection.PlanTarget, path: String, rows: [SweepEstimate]) {
        let evaluated = rows.compactMap { row in Double(row.settings.first ?? "").map { (value: $0, row: row) } }
            .sorted { $0.value < $1.value }
        guard evaluated.count > 1, evaluated.count == rows.count else { return nil }
        let index = target.answer.flatMap { answer in evaluated.firstIndex { $0.value == answer } }
            ?? evaluated.indices.min { a, b in
                abs((evaluated[a].row.value.mean ?? .infinity) - target.value) < abs((evaluated[b].row.value.mean ?? .infinity) - target.value)
            }!
        let neighbourhood = evaluated[max(index - 1, 0)...min(index + 1, evaluated.count - 1)]
        self.target = target
        self.path = path
        self.rows = neighbourhood.map(\.row)
        centre = evaluated[index].value
    }

    var title: String {
        "\(KPIDisplay.title(of: target.kpi)): near the \(target.answer == nil ? "target" : "answer")"
    }

    var description: String {
        let unit = KPIDisplay.unit(of: target.kpi)
        return "\(target.kpi) (\(unit.text)) at the values next to \(target.answer == nil ? "the closest value" : "the answer") "
            + KPIDisplay.fixed(centre, decimals: centre == centre.rounded() ? 0 : 2) + ", \(target.label): "
            + rows.map { "\($0.settings.first ?? ""): \(KPIDisplay.format($0.value, unit))" }.joined(separator: "; ") + "."
    }

    func draw(id: String) -> SVGCanvas {
        let unit = KPIDisplay.unit(of: target.kpi)
        // Evenly spaced, in order of value: the values either side may be far from the answer.
        var chart = BandChart(points: rows.enumerated().map { index, row in
            BandChart.Point(x: Double(index), value: row.value.scaled(unit.scale), filled: row.feasible ?? true)
        }, xLabel: "\(path) (swept value)", yLabel: "mean (\(unit.text))", markers: true,
           includeZero: false)
        chart.whiskers = true
        chart.xTicks = rows.enumerated().map { index, row in (Double(index), row.settings.first ?? "") }
        chart.horizontalReferences = [SweepSection.targetLine(target)]
        if let answer = target.answer, let index = rows.firstIndex(where: { Double($0.settings.first ?? "") == answer }) {
            chart.verticalReferences = [ChartReference(value: Double(index), label: "answer", colour: Palette.bluishGreen, dash: "4 2")]
        }
        chart.height = 260
        return chart.draw(id: id)
    }
}
