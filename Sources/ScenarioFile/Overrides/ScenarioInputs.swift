import Foundation

/// The numeric inputs of a scenario file, as `cartsim sensitivity` perturbs them: every
/// number of the file outside `simulation` and `calendars` (run settings and opening hours,
/// not inputs), other than names and the shares of an `indication_mix` (which must sum to
/// 1) (a capacity `16`, a probability `0.04`, a
/// duration `10d`, a rate `3/week`), and every distribution as a whole (`{lognormal:
/// {median: 7d, p90: 9d}}`, scaled with its shape kept). Each input is addressed by its
/// override path (`sites.plant-west.suites`, `lanes[0].transit`) and perturbed into the
/// text of a `--set` value.
public struct ScenarioInput: Sendable, Equatable {
    /// The override path (``OverridePath`` syntax).
    public let path: String
    /// The value as written in the file (a distribution in flow style).
    public let text: String
    private let node: YAMLNode

    /// The distributions whose parameters are scaled together; `unitless` parameters (shapes,
    /// coefficients of variation, log-scale parameters) are kept.
    static let distributions: Set<String> = ["fixed", "uniform", "triangular", "pert", "exponential", "normal", "lognormal",
                                             "gamma", "weibull", "beta", "poisson"]
    static let unitless: Set<String> = ["cv", "shape", "mu", "sigma", "a", "b"]

    /// Every numeric input of `root` (a parsed scenario file), in file order.
    public static func all(in root: YAMLNode) -> [ScenarioInput] {
        guard case .mapping(let entries) = root.kind else { return [] }
        return entries.filter { !["simulation", "calendars", "name"].contains($0.key) }
            .flatMap { collect($0.value, path: $0.key) }
    }

    /// The input at `path` of `root`; nil when there is no number or distribution there.
    public static func at(_ path: String, in root: YAMLNode) -> ScenarioInput? {
        guard let address = OverridePath(path) else { return nil }
        var node = root
        for segment in address.segments {
            switch (segment, node.kind) {
            case (.key(let key), .mapping(let entries)):
                guard let entry = entries.first(where: { $0.key == key }) else { return nil }
                node = entry.value
            case (.index(let index), .sequence(let items)):
                guard items.indices.contains(index) else { return nil }
                node = items[index]
            default: return nil
            }
        }
        return collect(node, path: path).first { $0.path == path }
    }

    private static func collect(_ node: YAMLNode, path: String) -> [ScenarioInput] {
        switch node.kind {
        case .scalar(let text, .plain):
            return WrittenNumber(text) == nil ? [] : [ScenarioInput(path: path, text: text, node: node)]
        case .scalar:
            return []
        case .mapping(let entries):
            if entries.count == 1, distributions.contains(entries[0].key) {
                return [ScenarioInput(path: path, text: flow(node), node: node)]
            }
            // A key holding '.' or '[' cannot be addressed; names and kinds are not inputs, and
            // the shares of a mix must sum to 1, so one cannot move alone.
            return entries.filter { entry in
                !entry.key.contains(where: { $0 == "." || $0 == "[" }) && !["name", "kind", "indication_mix"].contains(entry.key)
            }
                .flatMap { collect($0.value, path: path + "." + $0.key) }
        case .sequence(let items):
            return items.enumerated().flatMap { collect($1, path: "\(path)[\($0)]") }
        }
    }

    /// The value with every number scaled by `factor` (a whole number written without a
    /// unit stays whole and changes by at least 1), as the text of a `--set` value; nil when
    /// nothing in it can be scaled.
    public func scaled(by factor: Double) -> String? {
        let (scaled, changed) = Self.scale(node, by: factor, parameter: nil)
        return changed ? Self.flow(scaled) : nil
    }

    private static func scale(_ node: YAMLNode, by factor: Double, parameter: String?) -> (YAMLNode, Bool) {
        var node = node
        switch node.kind {
        case .scalar(let text, .plain):
            guard parameter.map({ !unitless.contains($0) }) ?? true, let quantity = WrittenNumber(text) else { return (node, false) }
            node.kind = .scalar(quantity.scaled(by: factor), style: .plain)
            return (node, true)
        case .scalar: return (node, false)
        case .mapping(let entries):
            var changed = false
            node.kind = .mapping(entries.map { entry in
                var entry = entry
                let (value, didChange) = scale(entry.value, by: factor, parameter: entry.key)
                entry.value = value
                changed = changed || didChange
                return entry
            })
            return (node, changed)
        case .sequence(let items):
            var changed = false
            node.kind = .sequence(items.map { item in
                let (value, didChange) = scale(item, by: factor, parameter: parameter)
                changed = changed || didChange
                return value
            })
            return (node, changed)
        }
    }

    /// A node written in YAML flow style, on one line.
    static func flow(_ node: YAMLNode) -> String {
        switch node.kind {
        case .scalar(let text, .plain): text
        case .scalar(let text, .quoted): "\"" + text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .mapping(let entries): "{" + entries.map { "\($0.key): \(flow($0.value))" }.joined(separator: ", ") + "}"
        case .sequence(let items): "[" + items.map(flow).joined(separator: ", ") + "]"
        }
    }

    /// A number as written in a scenario, with its unit: `16`, `0.04`, `4%`, `10d`, `3/week`.
    struct WrittenNumber {
        let number: Double
        let unit: Substring
        let isWhole: Bool

        init?(_ text: String) {
            var end = text.startIndex
            while end < text.endIndex, text[end].isASCII, text[end].isNumber || text[end] == "." { end = text.index(after: end) }
            let digits = text[..<end], unit = text[end...]
            guard let number = Double(digits), number.isFinite,
                  unit.isEmpty || unit.first.map({ $0.isLetter || $0 == "/" || $0 == " " || $0 == "%" }) == true,
                  !unit.contains(where: { $0 == ":" || $0 == "-" }) else { return nil }
            self.number = number
            self.unit = unit
            isWhole = unit.isEmpty && !digits.contains(".")
        }

        /// The quantity times `factor`: whole numbers rounded (and moved by at least 1),
        /// others to 6 significant digits, never in exponent notation.
        func scaled(by factor: Double) -> String {
            let value = number * factor
            if isWhole {
                var whole = value.rounded()
                if whole == number { whole += factor > 1 ? 1 : factor < 1 ? -1 : 0 }
                return String(Int(max(0, whole)))
            }
            let magnitude = value == 0 ? 0 : Int(floor(log10(abs(value))))
            let decimals = max(0, min(12, 5 - magnitude))
            var digits = String(format: "%.\(decimals)f", value)
            if digits.contains(".") {
                while digits.hasSuffix("0") { digits.removeLast() }
                if digits.hasSuffix(".") { digits.removeLast() }
            }
            return digits + unit
        }
    }
}
