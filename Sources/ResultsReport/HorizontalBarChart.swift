/// Horizontal bars made of segments on a common axis from zero: stacked stage times, the
/// patient funnel, resource use. A row may have no bar and only a note (an annotation row,
/// e.g. the patients lost between two funnel steps).
struct HorizontalBarChart {
    /// A piece of a bar from `start` to `start + length` (data units).
    struct Segment {
        let start: Double
        let length: Double
        let fill: Palette.Fill
    }

    /// One row: its label on the left, its segments, and a note after the bar (or, for a
    /// row without segments, at the start of the plot area, in grey).
    struct Row {
        let label: String
        let segments: [Segment]
        var note: String?
        var bold = false
    }

    var rows: [Row]
    /// The axis label, with its unit.
    var axisLabel: String
    /// The upper end of the axis (otherwise the longest bar).
    var maximum: Double?
    var references: [ChartReference] = []
    var legend: [(LegendSwatch, String)] = []
    var rowHeight = 24.0

    /// Draws the chart on a canvas with the given id.
    func draw(id: String) -> SVGCanvas {
        let labelWidth = min(280, (rows.map { SVGCanvas.textWidth($0.label, size: $0.bold ? 12.5 : 12, bold: $0.bold) }.max() ?? 0) + 14)
        let barNotes = rows.filter { !$0.segments.isEmpty }.compactMap(\.note)
        let noteWidth = min(300, (barNotes.map { SVGCanvas.textWidth($0, size: 11) }.max() ?? 0) + 10)
        let top = (legend.isEmpty ? 8.0 : 34.0) + (references.isEmpty ? 0 : 16)
        let area = PlotArea(left: max(labelWidth, 60), top: top, right: 720 - max(noteWidth, 16),
                            bottom: top + Double(rows.count) * rowHeight)
        var canvas = SVGCanvas(id: id, height: area.bottom + 48)
        let longest = rows.flatMap(\.segments).map { $0.start + $0.length }.max() ?? 1
        let scale = LinearScale.nice(0, max(maximum ?? longest, references.map(\.value).max() ?? 0, 1e-9),
                                     onto: (area.left, area.right), ticks: 6)
        if !legend.isEmpty { canvas.legend(legend, x: area.left, y: 18) }
        canvas.xAxis(scale, area: area, label: axisLabel)
        for (index, row) in rows.enumerated() {
            let middle = area.top + (Double(index) + 0.5) * rowHeight
            canvas.text(SVGCanvas.fitted(row.label, width: area.left - 10), x: area.left - 8, y: middle + 4, anchor: "end",
                        size: row.bold ? 12.5 : 12, bold: row.bold)
            let barHeight = rowHeight * 0.64
            for segment in row.segments where segment.length > 0 {
                canvas.rect(x: scale(segment.start), y: middle - barHeight / 2,
                            width: scale(segment.start + segment.length) - scale(segment.start), height: barHeight,
                            fill: segment.fill, stroke: Palette.ink)
            }
            guard let note = row.note else { continue }
            if let end = row.segments.map({ $0.start + $0.length }).max() {
                canvas.text(note, x: scale(end) + 6, y: middle + 4, size: 11)
            } else {
                canvas.text(note, x: area.left + 6, y: middle + 4, size: 11, colour: Palette.muted)
            }
        }
        for reference in references {
            let x = scale(reference.value)
            canvas.line(x, area.top - 4, x, area.bottom, stroke: reference.colour, width: 2, dash: reference.dash)
            canvas.text(reference.label, x: x, y: area.top - 8, anchor: "middle", size: 11, colour: reference.colour, halo: true)
        }
        return canvas
    }
}
