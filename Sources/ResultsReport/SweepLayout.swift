/// How a sweep's points are laid out on its charts. Key paths that take one value at every
/// point (a `--set` held fixed) are no axis; the first path that varies is the x axis — its
/// numbers when every value is a number, else its values evenly spaced in the order swept —
/// and the paths that vary after it make one line each per combination of their values (a
/// 2-D sweep: one line per value of the second axis), so no point is joined to a point of
/// another line.
struct SweepLayout {
    /// A point of the sweep with its settings (one per key path).
    typealias SweptPoint = (point: String, settings: [String])

    let paths: [String]
    /// The points in order of first appearance.
    let points: [SweptPoint]
    /// Index in `paths` of the x axis (nil when nothing varies).
    let xPath: Int?
    /// Indices in `paths` of the paths that tell the lines apart.
    let seriesPaths: [Int]
    /// Indices in `paths` held at one value.
    let fixedPaths: [Int]
    /// Position on the x axis of each point.
    let x: [String: Double]
    /// Categorical x axes: the tick of each value (nil for a numeric axis).
    let xTicks: [(Double, String)]?
    /// The line of each point, and the line names in order of first appearance.
    let series: [String: Int]
    let seriesNames: [String]

    init(paths: [String], estimates: [SweepEstimate]) {
        var seen = Set<String>()
        let points: [SweptPoint] = estimates.compactMap { seen.insert($0.point).inserted ? ($0.point, $0.settings) : nil }
        self.paths = paths
        self.points = points
        let varying = paths.indices.filter { index in Set(points.map { $0.settings[safe: index] ?? "" }).count > 1 }
        fixedPaths = paths.indices.filter { !varying.contains($0) }
        xPath = varying.first
        seriesPaths = Array(varying.dropFirst())
        guard let xPath else {
            x = Dictionary(points.enumerated().map { ($1.point, Double($0)) }, uniquingKeysWith: { first, _ in first })
            xTicks = points.enumerated().map { (Double($0), $1.point) }
            (series, seriesNames) = ([:], [])
            return
        }
        let values = points.map { $0.settings[safe: xPath] ?? "" }
        let numbers = values.compactMap(Double.init)
        if numbers.count == values.count {
            x = Dictionary(zip(points.map(\.point), numbers), uniquingKeysWith: { first, _ in first })
            xTicks = nil
        } else {
            let distinct = values.uniqued()
            x = Dictionary(zip(points.map(\.point), values.map { Double(distinct.firstIndex(of: $0)!) }),
                           uniquingKeysWith: { first, _ in first })
            xTicks = distinct.enumerated().map { (Double($0), $1) }
        }
        let seriesPaths = self.seriesPaths
        let names = points.map { point in
            seriesPaths.map { "\(paths[$0]) = \(point.settings[safe: $0] ?? "")" }.joined(separator: ", ")
        }
        let seriesNames = seriesPaths.isEmpty ? [] : names.uniqued()
        self.seriesNames = seriesNames
        series = Dictionary(zip(points.map(\.point), names.map { seriesNames.firstIndex(of: $0) ?? 0 }),
                            uniquingKeysWith: { first, _ in first })
    }

    /// The x axis label: the swept path, or the point number when nothing varies.
    var xLabel: String { xPath.map { "\(paths[$0]) (swept value)" } ?? "point (number)" }

    /// "a = 1, b = 2d": the paths held fixed with their values ("" when none).
    var fixedText: String {
        fixedPaths.map { "\(paths[$0]) = \(points.first?.settings[safe: $0] ?? "")" }.joined(separator: ", ")
    }

    /// Each varying path with its values, ascending when they are numbers, else in the
    /// order swept: "suites: 12, 14, 16".
    var variedText: String {
        ((xPath.map { [$0] } ?? []) + seriesPaths).map { index in
            let values = points.map { $0.settings[safe: index] ?? "" }.uniqued()
            let numbers = values.compactMap(Double.init)
            let ordered = numbers.count == values.count ? zip(numbers, values).sorted { $0.0 < $1.0 }.map(\.1) : values
            return "\(paths[index]): " + ordered.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// The colour and dash of line `index`: Okabe–Ito hues, and dashes so lines differ in greyscale too.
    static func style(of index: Int) -> (colour: String, dash: String?) {
        let colours = [Palette.blue, Palette.vermillion, Palette.bluishGreen, Palette.reddishPurple, Palette.orange,
                       Palette.skyBlue, Palette.black]
        let dashes: [String?] = [nil, "7 3", "2 2", "8 3 2 3", "4 2 1 2"]
        return (colours[index % colours.count], dashes[index % dashes.count])
    }
}

extension Array where Element: Hashable {
    /// The distinct elements in order of first appearance.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension Array {
    /// The element at `index`, or nil past the end.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
