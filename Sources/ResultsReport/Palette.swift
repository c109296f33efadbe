/// The report's colours and fills: the Okabe–Ito palette, which colour-blind readers can
/// tell apart, paired with patterns, dashes and labels so that every chart also reads in
/// greyscale print (working time solid, waiting time hatched, markers dashed differently
/// and labelled).
enum Palette {
    static let black = "#000000"
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let yellow = "#F0E442"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"
    /// Axes, grid and text.
    static let ink = "#222222"
    static let grid = "#D9D9D9"
    static let muted = "#666666"

    /// How a bar or area is filled.
    enum Fill {
        /// Solid colour.
        case solid(String)
        /// Diagonal hatching in a colour on a light ground (waiting time, losses, warm-up).
        case hatched(String)

        /// The SVG `fill` value; hatches refer to a pattern defined by ``patterns(prefix:)``.
        func value(prefix: String) -> String {
            switch self {
            case .solid(let colour): colour
            case .hatched(let colour): "url(#\(prefix)-hatch-\(Palette.key(colour)))"
            }
        }
    }

    /// Working time, throughput, the main series.
    static let working = Fill.solid(blue)
    /// Waiting time.
    static let waiting = Fill.hatched(orange)
    /// A flagged item (the bottleneck).
    static let flagged = Fill.solid(vermillion)
    /// Patients lost or not yet through.
    static let lost = Fill.hatched(muted)

    /// The hatch colours every chart defines patterns for.
    static let hatchColours = [orange, muted, vermillion, skyBlue]

    /// `<pattern>` definitions of the hatches, with ids unique to a chart (`prefix`).
    static func patterns(prefix: String) -> [Markup] {
        hatchColours.map { colour in
            .el("pattern", [("id", "\(prefix)-hatch-\(key(colour))"), ("width", "6"), ("height", "6"),
                            ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)")], [
                .el("rect", [("width", "6"), ("height", "6"), ("fill", "#FFFFFF")]),
                .el("rect", [("width", "6"), ("height", "6"), ("fill", colour), ("fill-opacity", "0.25")]),
                .el("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("stroke", SVGCanvas.mark(colour)), ("stroke-width", "3")]),
            ])
        }
    }

    private static func key(_ colour: String) -> String { String(colour.dropFirst()).lowercased() }
}
