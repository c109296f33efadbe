/// Vertical bars of a histogram, with labelled vertical markers (percentiles, a target),
/// each label on its own line above the plot so that close markers stay readable.
struct HistogramChart {
    var bins: [HistogramBin]
    var markers: [ChartReference]
    var xLabel: String
    var yLabel: String

    /// Draws the chart on a canvas with the given id.
    func draw(id: String) -> SVGCanvas {
        let top = 16 + Double(markers.count) * 14
        var canvas = SVGCanvas(id: id, height: top + 220)
        let area = PlotArea(left: 64, top: top, right: 704, bottom: top + 174)
        let lower = min(bins.first?.lower ?? 0, markers.map(\.value).min() ?? .infinity)
        let upper = max(bins.last?.upper ?? 1, markers.map(\.value).max() ?? -.infinity)
        let xScale = LinearScale.nice(lower, upper, onto: (area.left, area.right), ticks: 8)
        let yScale = LinearScale.nice(0, Double(bins.map(\.count).max() ?? 1), onto: (area.bottom, area.top))
        canvas.yAxis(yScale, area: area, label: yLabel)
        canvas.xAxis(xScale, area: area, label: xLabel, ticks: 8)
        for bin in bins where bin.count > 0 {
            let y = yScale(Double(bin.count))
            canvas.rect(x: xScale(bin.lower), y: y, width: xScale(bin.upper) - xScale(bin.lower), height: area.bottom - y,
                        fill: .solid(Palette.skyBlue), stroke: "#FFFFFF")
        }
        for (index, marker) in markers.enumerated() {
            let x = xScale(marker.value)
            let labelY = 12 + Double(index) * 14
            canvas.line(x, labelY + 3, x, area.bottom, stroke: marker.colour, width: 2, dash: marker.dash)
            let rightSide = x + 4 + SVGCanvas.textWidth(marker.label, size: 11) < 716
            canvas.text(marker.label, x: rightSide ? x + 4 : x - 4, y: labelY, anchor: rightSide ? "start" : "end",
                        size: 11, colour: marker.colour, halo: true)
        }
        return canvas
    }
}
