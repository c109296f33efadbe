/// The rectangle of a chart where data are drawn, inside the margins for axes and labels.
struct PlotArea {
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }
}

/// A line across the plot at a value (a target, a percentile, an answer), labelled.
struct ChartReference {
    let value: Double
    let label: String
    let colour: String
    /// SVG `stroke-dasharray`, so that lines differ in greyscale too.
    let dash: String?
}

/// What a legend entry shows beside its label.
enum LegendSwatch {
    case fill(Palette.Fill)
    case line(colour: String, dash: String?, width: Double)
    case marker(colour: String, filled: Bool)
}

/// Axes, grid lines and legends.
extension SVGCanvas {
    /// A horizontal axis along the bottom of `area`: vertical grid lines at the ticks, tick
    /// labels and the axis label (with its unit) below.
    mutating func xAxis(_ scale: LinearScale, area: PlotArea, label: String, ticks: Int = 6,
                        format: ((Double) -> String)? = nil) {
        let decimals = scale.tickDecimals(ticks)
        for tick in scale.ticks(ticks) {
            let x = scale(tick)
            line(x, area.top, x, area.bottom, stroke: Palette.grid, width: 0.75)
            text(format?(tick) ?? KPIDisplay.fixed(tick, decimals: decimals), x: x, y: area.bottom + 16, anchor: "middle",
                 size: 11, className: "tick")
        }
        line(area.left, area.bottom, area.right, area.bottom)
        axisLabel(label, x: area.left + area.width / 2, y: area.bottom + 36, maxWidth: area.width + 2 * min(area.left, width - area.right))
    }

    /// A vertical axis along the left of `area`: horizontal grid lines at the ticks, tick
    /// labels to the left and the axis label (with its unit) turned upright.
    mutating func yAxis(_ scale: LinearScale, area: PlotArea, label: String, ticks: Int = 5) {
        let decimals = scale.tickDecimals(ticks)
        for tick in scale.ticks(ticks) {
            let y = scale(tick)
            line(area.left, y, area.right, y, stroke: Palette.grid, width: 0.75)
            text(KPIDisplay.fixed(tick, decimals: decimals), x: area.left - 6, y: y + 4, anchor: "end", size: 11)
        }
        line(area.left, area.top, area.left, area.bottom)
        axisLabel(label, x: area.left - Self.yLabelOffset(scale, ticks: ticks), y: area.top + area.height / 2, rotate: -90, maxWidth: area.height + area.top)
    }

    /// How far left of the plot a vertical axis puts its label: beyond its widest tick label.
    static func yLabelOffset(_ scale: LinearScale, ticks: Int = 5) -> Double {
        let decimals = scale.tickDecimals(ticks)
        let widest = scale.ticks(ticks).map { textWidth(KPIDisplay.fixed($0, decimals: decimals), size: 11) }.max() ?? 0
        return max(46, widest + 22)
    }

    /// The left margin a plot needs for a vertical axis on `scale`: its tick labels and its label.
    static func yAxisMargin(_ scale: LinearScale, ticks: Int = 5) -> Double { yLabelOffset(scale, ticks: ticks) + 18 }

    /// An axis label, "quantity (unit)", centred on (`x`, `y`), shortened to `maxWidth` so
    /// that it is never clipped: the front gives way to "…", the end (the most specific part
    /// of a key path) and the unit in parentheses stay. The full text is in the chart's table.
    mutating func axisLabel(_ label: String, x: Double, y: Double, rotate: Double? = nil, maxWidth: Double = .infinity) {
        text(Self.shortenedFront(label, width: maxWidth), x: x, y: y, anchor: "middle", rotate: rotate, className: "axis-label")
    }

    /// `label` with its front replaced by "…" until it fits `width` at `size`.
    static func shortenedFront(_ label: String, width: Double, size: Double = 12) -> String {
        let fits = Int(width / (size * characterWidth))
        return label.count <= fits ? label : "…" + String(label.suffix(max(fits - 1, 1)))
    }

    /// Where each legend entry starts when a row that starts at `x` wraps before `maxX`
    /// (rows ``legendRowHeight`` apart): (x, row) per entry.
    static func legendLayout(_ labels: [String], x: Double, maxX: Double) -> [(x: Double, row: Int)] {
        var cursor = x, row = 0
        return labels.map { label in
            let width = 23 + textWidth(label, size: 11)
            if cursor > x, cursor + width > maxX { (cursor, row) = (x, row + 1) }
            defer { cursor += width + 16 }
            return (cursor, row)
        }
    }

    /// The distance between legend rows.
    static let legendRowHeight = 15.0

    /// Legend entries starting at (`x`, `y`), wrapping onto further rows before `maxX`;
    /// returns the x after the last one.
    @discardableResult
    mutating func legend(_ entries: [(LegendSwatch, String)], x: Double, y baseline: Double, maxX: Double = .infinity) -> Double {
        let layout = Self.legendLayout(entries.map(\.1), x: x, maxX: maxX)
        var cursor = x
        for ((swatch, label), place) in zip(entries, layout) {
            cursor = place.x
            let y = baseline + Double(place.row) * Self.legendRowHeight
            switch swatch {
            case .fill(let fill):
                rect(x: cursor, y: y - 9, width: 18, height: 11, fill: fill, stroke: Palette.ink)
            case .line(let colour, let dash, let width):
                line(cursor, y - 4, cursor + 18, y - 4, stroke: colour, width: width, dash: dash)
            case .marker(let colour, let filled):
                circle(x: cursor + 9, y: y - 4, colour: colour, filled: filled)
            }
            text(label, x: cursor + 23, y: y, size: 11)
            cursor += 23 + SVGCanvas.textWidth(label, size: 11) + 16
        }
        return cursor
    }
}
