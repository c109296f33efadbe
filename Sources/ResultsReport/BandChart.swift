/// A mean line with an interval band around it against a numeric x: weekly series (5th–95th
/// percentile band) and sweeps (95 % interval band), with optional shaded x ranges
/// (warm-up), horizontal references (a target) and vertical references (a plan's answer).
struct BandChart {
    /// One x with the mean and the band's ends (any may be undefined).
    struct Point {
        let x: Double
        let value: Estimate
        /// Marker style when markers are drawn: filled, or hollow (e.g. a point that misses the target).
        var filled = true
    }

    /// A shaded stretch of x, labelled (the warm-up).
    struct Shade {
        let from: Double
        let to: Double
        let label: String
    }

    var points: [Point]
    var xLabel: String
    var yLabel: String
    /// The legend's names of the line and the band.
    var meanName = "mean"
    var bandName = "95 % interval"
    var shades: [Shade] = []
    var horizontalReferences: [ChartReference] = []
    var verticalReferences: [ChartReference] = []
    var markers = false
    /// Tick labels at given x values instead of numbers (categorical sweeps).
    var xTicks: [(Double, String)]?
    var includeZero = true
    var width = 720.0
    var height = 250.0

    /// Draws the chart on a canvas with the given id.
    func draw(id: String) -> SVGCanvas {
        var canvas = SVGCanvas(id: id, width: width, height: height)
        let area = PlotArea(left: 64, top: 34, right: width - 16, bottom: height - 46)
        let xs = points.map(\.x) + shades.flatMap { [$0.from, $0.to] } + verticalReferences.map(\.value)
        var (xLow, xHigh) = (xs.min() ?? 0, xs.max() ?? 1)
        if xHigh <= xLow { (xLow, xHigh) = (xLow - 1, xLow + 1) }
        let xPad = markers ? (xHigh - xLow) * 0.03 : 0  // room for the end markers
        var xScale = LinearScale(domain: (xLow - xPad, xHigh + xPad), range: (area.left, area.right))
        xScale.integerTicks = xs.allSatisfy { $0 == $0.rounded() }
        let ys = points.flatMap(\.value.definedValues) + horizontalReferences.map(\.value)
            + (includeZero ? [0] : [])
        let (yLow, yHigh) = (ys.min() ?? 0, ys.max() ?? 1)
        let yPad = (yHigh - yLow) * 0.04
        let yScale = LinearScale.nice(includeZero && yLow >= 0 ? yLow : yLow - yPad, yHigh + yPad, onto: (area.bottom, area.top))
        for shade in shades {
            canvas.rect(x: xScale(shade.from), y: area.top, width: xScale(shade.to) - xScale(shade.from),
                        height: area.height, fill: .hatched(Palette.muted), opacity: 0.5)
            canvas.text(shade.label, x: xScale(shade.from) + 4, y: area.top + 14, size: 11, colour: Palette.muted, halo: true)
        }
        canvas.yAxis(yScale, area: area, label: yLabel)
        if let xTicks {
            for (x, label) in xTicks {
                canvas.text(label, x: xScale(x), y: area.bottom + 16, anchor: "middle", size: 11)
            }
            canvas.line(area.left, area.bottom, area.right, area.bottom)
            canvas.axisLabel(xLabel, x: area.left + area.width / 2, y: area.bottom + 36)
        } else {
            canvas.xAxis(xScale, area: area, label: xLabel, ticks: 6)
        }
        for run in Self.runs(points, { $0.value.low != nil && $0.value.high != nil }) {
            let upper = run.map { (xScale($0.x), yScale($0.value.high!)) }
            let lower = run.reversed().map { (xScale($0.x), yScale($0.value.low!)) }
            canvas.polygon(upper + lower, fill: .solid(Palette.skyBlue), opacity: 0.35)
            canvas.polyline(upper, stroke: Palette.skyBlue, width: 1, dash: "3 2")
            canvas.polyline(lower.reversed(), stroke: Palette.skyBlue, width: 1, dash: "3 2")
        }
        for run in Self.runs(points, { $0.value.mean != nil }) {
            canvas.polyline(run.map { (xScale($0.x), yScale($0.value.mean!)) }, stroke: Palette.blue, width: 2)
        }
        if markers {
            for point in points {
                guard let mean = point.value.mean else { continue }
                canvas.circle(x: xScale(point.x), y: yScale(mean), colour: Palette.blue, filled: point.filled)
            }
        }
        for reference in horizontalReferences {
            let y = yScale(reference.value)
            canvas.line(area.left, y, area.right, y, stroke: reference.colour, width: 2, dash: reference.dash)
            canvas.text(reference.label, x: area.right - 4, y: y - 5, anchor: "end", size: 11, colour: reference.colour, halo: true)
        }
        for reference in verticalReferences {
            let x = xScale(reference.value)
            canvas.line(x, area.top, x, area.bottom, stroke: reference.colour, width: 2, dash: reference.dash)
            canvas.text(reference.label, x: x + 4, y: area.top + 28, size: 11, colour: reference.colour, halo: true)
        }
        var legend: [(LegendSwatch, String)] = [(.line(colour: Palette.blue, dash: nil, width: 2), meanName),
                                                (.fill(.solid(Palette.skyBlue)), bandName)]
        if let target = horizontalReferences.first {
            legend.append((.line(colour: target.colour, dash: target.dash, width: 2), "target"))
        }
        canvas.legend(legend, x: area.left, y: 16)
        return canvas
    }

    /// Maximal runs of consecutive points that satisfy `defined` (gaps break lines and bands).
    private static func runs(_ points: [Point], _ defined: (Point) -> Bool) -> [[Point]] {
        var runs: [[Point]] = [[]]
        for point in points {
            if defined(point) { runs[runs.count - 1].append(point) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        return runs.filter { !$0.isEmpty }
    }
}
