/// Estimates with their intervals on a common axis through zero: a dot per row and a
/// whisker from the interval's low to its high end. A filled dot marks an interval that
/// excludes zero, a hollow one an interval that includes it.
struct DotWhiskerChart {
    struct Row {
        let label: String
        let value: Estimate
        let excludesZero: Bool
        /// The numbers, written right of the plot.
        let note: String
    }

    var rows: [Row]
    var axisLabel: String
    var rowHeight = 22.0

    /// Draws the chart on a canvas with the given id.
    func draw(id: String) -> SVGCanvas {
        let labelWidth = min(290, (rows.map { SVGCanvas.textWidth($0.label, size: 11) }.max() ?? 0) + 14)
        let noteWidth = min(220, (rows.map { SVGCanvas.textWidth($0.note, size: 11) }.max() ?? 0) + 12)
        let area = PlotArea(left: labelWidth, top: 30, right: 720 - noteWidth, bottom: 30 + Double(rows.count) * rowHeight)
        var canvas = SVGCanvas(id: id, height: area.bottom + 48)
        let values = rows.flatMap(\.value.definedValues) + [0]
        let scale = LinearScale.nice(values.min() ?? -1, values.max() ?? 1, onto: (area.left, area.right), ticks: 6)
        canvas.legend([(.marker(colour: Palette.blue, filled: true), "95 % interval excludes 0"),
                       (.marker(colour: Palette.blue, filled: false), "includes 0")], x: area.left, y: 16)
        canvas.xAxis(scale, area: area, label: axisLabel)
        canvas.line(scale(0), area.top, scale(0), area.bottom, stroke: Palette.ink, width: 1.5, dash: "4 3")
        for (index, row) in rows.enumerated() {
            let middle = area.top + (Double(index) + 0.5) * rowHeight
            canvas.text(SVGCanvas.fitted(row.label, width: area.left - 10, size: 11), x: area.left - 8, y: middle + 4,
                        anchor: "end", size: 11)
            if let low = row.value.low, let high = row.value.high {
                canvas.line(scale(low), middle, scale(high), middle, stroke: Palette.blue, width: 2)
                for end in [low, high] { canvas.line(scale(end), middle - 5, scale(end), middle + 5, stroke: Palette.blue, width: 2) }
            }
            if let estimate = row.value.mean {
                canvas.circle(x: scale(estimate), y: middle, colour: Palette.blue, filled: row.excludesZero)
            }
            canvas.text(row.note, x: area.right + 8, y: middle + 4, size: 11)
        }
        return canvas
    }
}
