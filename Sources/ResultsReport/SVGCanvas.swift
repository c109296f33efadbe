/// Collects the shapes of one chart and writes them as an accessible inline `<svg>`: a
/// `viewBox` (so the chart scales to the page width, on screen and on paper),
/// `role="img"`, and `aria-labelledby` pointing at its `<title>` and `<desc>`.
///
/// Coordinates are in user units: the chart is drawn for `width` units across (720, about
/// the width of the report's text column in CSS pixels) and scaled from there.
///
/// Colours pass through ``Contrast`` on the way out: text at least 4.5:1 against white, marks
/// (bars, lines, markers) at least 3:1; white, the grid and translucent areas (interval bands,
/// shaded stretches) are left as they are, being ground, not data.
struct SVGCanvas {
    /// Unique in the page: prefixes every id of the chart (title, description, patterns).
    let id: String
    let width: Double
    let height: Double
    private var items: [Markup] = []

    /// Average advance of a character, as a fraction of the font size (for laying out labels).
    static let characterWidth = 0.56

    init(id: String, width: Double = 720, height: Double) {
        self.id = id
        self.width = width
        self.height = height
    }

    /// The estimated width of a label in user units (bold text is about a tenth wider).
    static func textWidth(_ text: String, size: Double = 12, bold: Bool = false) -> Double {
        Double(text.count) * size * characterWidth * (bold ? 1.1 : 1)
    }

    /// `text` shortened with "…" to fit `width` (the full text belongs in the chart's table).
    static func fitted(_ text: String, width: Double, size: Double = 12) -> String {
        let fits = Int(width / (size * characterWidth))
        return text.count <= fits ? text : String(text.prefix(max(fits - 1, 1))) + "…"
    }

    /// A coordinate or length, one decimal at most.
    static func n(_ value: Double) -> String {
        let text = KPIDisplay.fixed(value, decimals: 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    mutating func add(_ item: Markup) { items.append(item) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: Palette.Fill,
                       stroke: String? = nil, opacity: Double? = nil) {
        add(.el("rect", [("x", Self.n(x)), ("y", Self.n(y)), ("width", Self.n(max(width, 0))),
                         ("height", Self.n(max(height, 0))), ("fill", opacity == nil ? Self.mark(fill).value(prefix: id) : fill.value(prefix: id)),
                         ("stroke", stroke.map(Self.mark)),
                         ("stroke-width", stroke == nil ? nil : "0.75"), ("fill-opacity", opacity.map { KPIDisplay.fixed($0, decimals: 2) })]))
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = Palette.ink,
                       width: Double = 1, dash: String? = nil) {
        add(.el("line", [("x1", Self.n(x1)), ("y1", Self.n(y1)), ("x2", Self.n(x2)), ("y2", Self.n(y2)),
                         ("stroke", Self.mark(stroke)), ("stroke-width", Self.n(width)), ("stroke-dasharray", dash)]))
    }

    /// A text label; `anchor` is `start`, `middle` or `end`; `rotate` turns it about its anchor point;
    /// `halo` draws a white outline under the letters so that lines behind stay out of the way.
    /// Axis labels have the class `axis-label`.
    mutating func text(_ value: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                       bold: Bool = false, colour: String = Palette.ink, rotate: Double? = nil, className: String? = nil,
                       halo: Bool = false) {
        add(.el("text", [("class", className), ("x", Self.n(x)), ("y", Self.n(y)),
                         ("stroke", halo ? "#FFFFFF" : nil), ("stroke-width", halo ? "3" : nil),
                         ("paint-order", halo ? "stroke" : nil), ("text-anchor", anchor == "start" ? nil : anchor),
                         ("font-size", Self.n(size)), ("font-weight", bold ? "bold" : nil),
                         ("fill", colour == Palette.ink ? nil : Contrast.darkened(colour, toAtLeast: Contrast.text)),
                         ("transform", rotate.map { "rotate(\(Self.n($0)) \(Self.n(x)) \(Self.n(y)))" })],
                text: value))
    }

    /// A closed area through `points`.
    mutating func polygon(_ points: [(Double, Double)], fill: Palette.Fill, opacity: Double? = nil) {
        guard points.count > 2 else { return }
        add(.el("polygon", [("points", Self.points(points)), ("fill", fill.value(prefix: id)),
                            ("fill-opacity", opacity.map { KPIDisplay.fixed($0, decimals: 2) })]))
    }

    /// A line through `points`.
    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard points.count > 1 else { return }
        add(.el("polyline", [("points", Self.points(points)), ("fill", "none"), ("stroke", Self.mark(stroke)),
                             ("stroke-width", Self.n(width)), ("stroke-dasharray", dash), ("stroke-linejoin", "round")]))
    }

    /// A point marker: filled, or hollow (white inside) when `filled` is false.
    mutating func circle(x: Double, y: Double, radius: Double = 4, colour: String, filled: Bool = true) {
        add(.el("circle", [("cx", Self.n(x)), ("cy", Self.n(y)), ("r", Self.n(radius)),
                           ("fill", filled ? Self.mark(colour) : "#FFFFFF"), ("stroke", Self.mark(colour)), ("stroke-width", "1.5")]))
    }

    /// A mark's colour with at least 3:1 contrast against white; white and the grid stay as they are.
    static func mark(_ colour: String) -> String {
        colour == "#FFFFFF" || colour == Palette.grid ? colour : Contrast.darkened(colour, toAtLeast: Contrast.graphic)
    }

    /// A solid fill darkened like any mark; hatches draw their strokes darkened already.
    private static func mark(_ fill: Palette.Fill) -> Palette.Fill {
        if case .solid(let colour) = fill { return .solid(mark(colour)) }
        return fill
    }

    private static func points(_ points: [(Double, Double)]) -> String {
        points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
    }

    /// The `<svg>` element: title and description first (the text alternative), then the
    /// hatch patterns and the shapes.
    func render(title: String, description: String) -> Markup {
        .el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Self.n(width)) \(Self.n(height))"),
                    ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"), ("class", "chart"),
                    ("font-size", "12")],
            [.el("title", [("id", "\(id)-title")], text: title),
             .el("desc", [("id", "\(id)-desc")], text: description),
             .el("defs", [], Palette.patterns(prefix: id))] + items)
    }
}
