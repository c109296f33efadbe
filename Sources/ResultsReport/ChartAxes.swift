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
                 size: 11)
        }
        line(area.left, area.bottom, area.right, area.bottom)
        axisLabel(label, x: area.left + area.width / 2, y: area.bottom + 36)
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
        axisLabel(label, x: area.left - 46, y: area.top + area.height / 2, rotate: -90)
    }

    /// An axis label, "quantity (unit)", centred on (`x`, `y`).
    mutating func axisLabel(_ label: String, x: Double, y: Double, rotate: Double? = nil) {
        text(label, x: x, y: y, anchor: "middle", rotate: rotate, className: "axis-label")
    }

    /// A row of legend entries starting at (`x`, `y`); returns the x after the last one.
    @discardableResult
    mutating func legend(_ entries: [(LegendSwatch, String)], x: Double, y: Double) -> Double {
        var cursor = x
        for (swatch, label) in entries {
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
