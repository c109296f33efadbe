/// Mean lines with an interval band around each against a numeric x: weekly series (5th–95th
/// percentile band) and sweeps (95 % interval band; one line per value of a second swept
/// axis), with optional shaded x ranges (warm-up), horizontal references (a target) and
/// vertical references (a plan's answer).
struct BandChart {
    /// One line with its band: a colour and a dash pattern of its own, so that lines differ
    /// in greyscale too, and a name for the legend when there are several.
    struct Series {
        var name: String?
        var points: [Point]
        var colour = Palette.blue
        var dash: String?
    }

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

    var series: [Series]
    var xLabel: String
    var yLabel: String
    /// The legend's names of the line and the band.
    var meanName = "mean"
    var bandName = "95 % interval"
    var shades: [Shade] = []
    var horizontalReferences: [ChartReference] = []
    var verticalReferences: [ChartReference] = []
    var markers = false
    /// Intervals as whiskers at each point, the dots unjoined, instead of bands and lines
    /// (a few points whose intervals are the message).
    var whiskers = false
    /// Tick labels at given x values instead of numbers (categorical sweeps).
    var xTicks: [(Double, String)]?
    var includeZero = true
    var width = 720.0
    var height = 250.0

    init(series: [Series], xLabel: String, yLabel: String, markers: Bool = false, includeZero: Bool = true) {
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.markers = markers
        self.includeZero = includeZero
    }

    /// A chart of one line.
    init(points: [Point], xLabel: String, yLabel: String, markers: Bool = false, includeZero: Bool = true) {
        self.init(series: [Series(points: points)], xLabel: xLabel, yLabel: yLabel, markers: markers, includeZero: includeZero)
    }

    private var points: [Point] { series.flatMap(\.points) }

    /// Draws the chart on a canvas with the given id.
    func draw(id: String) -> SVGCanvas {
        let several = series.count > 1
        var legend: [(LegendSwatch, String)] = several
            ? series.map { (.line(colour: $0.colour, dash: $0.dash, width: 2), $0.name ?? meanName) }
            : whiskers ? [(.marker(colour: Palette.blue, filled: true), meanName)]
            : [(.line(colour: Palette.blue, dash: nil, width: 2), meanName)]
        legend.append(whiskers ? (.line(colour: Palette.blue, dash: nil, width: 2), bandName)
                      : (.fill(.solid(several ? Palette.grid : Palette.skyBlue)), bandName))
        if let target = horizontalReferences.first {
            legend.append((.line(colour: target.colour, dash: target.dash, width: 2), "target"))
        }
        let xs = points.map(\.x) + shades.flatMap { [$0.from, $0.to] } + verticalReferences.map(\.value)
        let ys = points.flatMap(\.value.definedValues) + horizontalReferences.map(\.value)
            + (includeZero ? [0] : [])
        let (yLow, yHigh) = (ys.min() ?? 0, ys.max() ?? 1)
        let yPad = (yHigh - yLow) * 0.04
        let yDomain = (includeZero && yLow >= 0 ? yLow : yLow - yPad, yHigh + yPad)
        let left = max(64, SVGCanvas.yAxisMargin(LinearScale.nice(yDomain.0, yDomain.1, onto: (1, 0))))
        let legendRows = (SVGCanvas.legendLayout(legend.map(\.1), x: left, maxX: width - 8).map(\.row).max() ?? 0) + 1
        var canvas = SVGCanvas(id: id, width: width, height: height + Double(legendRows - 1) * SVGCanvas.legendRowHeight)
        let area = PlotArea(left: left, top: 34 + Double(legendRows - 1) * SVGCanvas.legendRowHeight, right: width - 16,
                            bottom: canvas.height - 46)
        var (xLow, xHigh) = (xs.min() ?? 0, xs.max() ?? 1)
        if xHigh <= xLow { (xLow, xHigh) = (xLow - 1, xLow + 1) }
        // Room for the end markers, and for whiskers' labels half a step either side.
        let xPad = whiskers ? (xHigh - xLow) / Double(max(points.count - 1, 1)) / 2 : markers ? (xHigh - xLow) * 0.03 : 0
        var xScale = LinearScale(domain: (xLow - xPad, xHigh + xPad), range: (area.left, area.right))
        xScale.integerTicks = xs.allSatisfy { $0 == $0.rounded() }
        let yScale = LinearScale.nice(yDomain.0, yDomain.1, onto: (area.bottom, area.top))
        for shade in shades {
            canvas.rect(x: xScale(shade.from), y: area.top, width: xScale(shade.to) - xScale(shade.from),
                        height: area.height, fill: .hatched(Palette.muted), opacity: 0.5)
            canvas.text(shade.label, x: xScale(shade.from) + 4, y: area.top + 14, size: 11, colour: Palette.muted, halo: true)
        }
        canvas.yAxis(yScale, area: area, label: yLabel)
        if let xTicks {
            let spacing = area.width / Double(max(xTicks.count, 1))
            for (x, label) in xTicks {
                canvas.text(SVGCanvas.fitted(label, width: spacing - 4, size: 11), x: xScale(x), y: area.bottom + 16,
                            anchor: "middle", size: 11, className: "tick")
            }
            canvas.line(area.left, area.bottom, area.right, area.bottom)
            canvas.axisLabel(xLabel, x: area.left + area.width / 2, y: area.bottom + 36, maxWidth: width - 16)
        } else {
            canvas.xAxis(xScale, area: area, label: xLabel, ticks: 6)
        }
        for line in series where whiskers {
            for point in line.points {
                guard let low = point.value.low, let high = point.value.high else { continue }
                let x = xScale(point.x)
                canvas.line(x, yScale(low), x, yScale(high), stroke: line.colour, width: 2)
                for end in [low, high] { canvas.line(x - 6, yScale(end), x + 6, yScale(end), stroke: line.colour, width: 2) }
                canvas.text("\(KPIDisplay.fixed(low, decimals: 2))–\(KPIDisplay.fixed(high, decimals: 2))", x: x + 10,
                            y: yScale(point.value.mean ?? (low + high) / 2) + 4, size: 11, halo: true)
            }
        }
        for line in series where !whiskers {
            for run in Self.runs(line.points, { $0.value.low != nil && $0.value.high != nil }) {
                let upper = run.map { (xScale($0.x), yScale($0.value.high!)) }
                let lower = run.reversed().map { (xScale($0.x), yScale($0.value.low!)) }
                canvas.polygon(upper + lower, fill: .solid(several ? line.colour : Palette.skyBlue), opacity: several ? 0.12 : 0.35)
                if !several {
                    canvas.polyline(upper, stroke: Palette.skyBlue, width: 1, dash: "3 2")
                    canvas.polyline(lower.reversed(), stroke: Palette.skyBlue, width: 1, dash: "3 2")
                }
            }
        }
        for line in series {
            for run in Self.runs(line.points, { $0.value.mean != nil }) where !whiskers {
                canvas.polyline(run.map { (xScale($0.x), yScale($0.value.mean!)) }, stroke: line.colour, width: 2, dash: line.dash)
            }
            if markers {
                for point in line.points {
                    guard let mean = point.value.mean else { continue }
                    canvas.circle(x: xScale(point.x), y: yScale(mean), colour: line.colour, filled: point.filled)
                }
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
            let leftOfLine = x + 4 + SVGCanvas.textWidth(reference.label, size: 11) > width - 4
            canvas.text(reference.label, x: leftOfLine ? x - 4 : x + 4, y: area.top + 28, anchor: leftOfLine ? "end" : "start",
                        size: 11, colour: reference.colour, halo: true)
        }
        canvas.legend(legend, x: area.left, y: 16, maxX: width - 8)
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
