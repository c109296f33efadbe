/// A tornado chart: one row per input, ranked, with a bar from zero to the effect of the
/// input's low value (hatched) and one to the effect of its high value (solid), each with the
/// whisker of its 95 % interval, on a common axis through zero.
struct TornadoChart {
    struct Row {
        let label: String
        let low: Estimate?
        let high: Estimate?
        /// The numbers, written right of the plot.
        let note: String
    }

    var rows: [Row]
    var axisLabel: String
    var rowHeight = 26.0

    /// The fills of the two sides, also the legend's.
    static let lowFill = Palette.Fill.hatched(Palette.orange)
    static let highFill = Palette.Fill.solid(Palette.blue)

    /// Draws the chart on a canvas with the given id.
    func draw(id: String) -> SVGCanvas {
        let labelWidth = min(300, (rows.map { SVGCanvas.textWidth($0.label, size: 11) }.max() ?? 0) + 14)
        let noteWidth = min(230, (rows.map { SVGCanvas.textWidth($0.note, size: 11) }.max() ?? 0) + 12)
        let area = PlotArea(left: labelWidth, top: 30, right: 720 - noteWidth, bottom: 30 + Double(rows.count) * rowHeight)
        var canvas = SVGCanvas(id: id, height: area.bottom + 48)
        let values: [Double] = rows.flatMap { row -> [Double] in
            (row.low?.definedValues ?? []) + (row.high?.definedValues ?? [])
        } + [0]
        let scale = LinearScale.nice(values.min() ?? -1, values.max() ?? 1, onto: (area.left, area.right), ticks: 6)
        _ = canvas.legend([(.fill(Self.lowFill), "input low"), (.fill(Self.highFill), "input high"),
                           (.line(colour: Palette.ink, dash: nil, width: 1.5), "95 % interval")], x: area.left, y: 16)
        canvas.xAxis(scale, area: area, label: axisLabel)
        for (index, row) in rows.enumerated() {
            let top = area.top + Double(index) * rowHeight
            canvas.text(SVGCanvas.fitted(row.label, width: area.left - 10, size: 11), x: area.left - 8,
                        y: top + rowHeight / 2 + 4, anchor: "end", size: 11)
            let barHeight = rowHeight * 0.36
            for (offset, estimate, fill) in [(0.12, row.low, Self.lowFill), (0.52, row.high, Self.highFill)] {
                guard let estimate, let mean = estimate.mean else { continue }
                let y = top + rowHeight * offset
                canvas.rect(x: min(scale(0), scale(mean)), y: y, width: abs(scale(mean) - scale(0)), height: barHeight,
                            fill: fill, stroke: Palette.ink)
                if let low = estimate.low, let high = estimate.high {
                    let middle = y + barHeight / 2
                    canvas.line(scale(low), middle, scale(high), middle, stroke: Palette.ink, width: 1.5)
                    for end in [low, high] { canvas.line(scale(end), middle - 4, scale(end), middle + 4, stroke: Palette.ink, width: 1.5) }
                }
            }
            canvas.text(row.note, x: area.right + 8, y: top + rowHeight / 2 + 4, size: 11)
        }
        canvas.line(scale(0), area.top, scale(0), area.bottom, stroke: Palette.ink, width: 1.5)
        return canvas
    }
}
