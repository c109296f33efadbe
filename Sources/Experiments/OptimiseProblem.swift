import Foundation

/// What `cartsim optimise` looks for: integer decision variables (scenario keys), an
/// objective and constraints that must hold with 95 % confidence.
public struct OptimiseProblem: Sendable {
    /// A scenario key taking integer values `min, min + step, …, ≤ max`, with a cost per unit
    /// for the `decisions` objective.
    public struct Variable: Sendable, Equatable {
        public let path: String
        public let values: [Int]
        public let unitCost: Double

        /// Parses `PATH=MIN..MAX`, optionally `:STEP` and `@UNIT_COST` (`sites.plant-a.suites=8..16:2@250000`).
        public init(parsing text: String) throws(UsageError) {
            let example = "e.g. sites.plant-west.suites=10..20 or sites.plant-west.suites=10..20:2@1.5"
            guard let equals = text.firstIndex(of: "="), case let path = String(text[..<equals]), !path.isEmpty else {
                throw UsageError("--var expects PATH=MIN..MAX[:STEP][@UNIT_COST], \(example); got '\(text)'")
            }
            var rest = Substring(text[text.index(after: equals)...])
            var unitCost = 1.0
            if let at = rest.firstIndex(of: "@") {
                guard let cost = Double(rest[rest.index(after: at)...]), cost.isFinite, cost >= 0 else {
                    throw UsageError("--var \(path): the unit cost after '@' must be a number ≥ 0; got '\(text)'")
                }
                unitCost = cost
                rest = rest[..<at]
            }
            var step = 1
            if let colon = rest.firstIndex(of: ":") {
                guard let value = Int(rest[rest.index(after: colon)...]), value >= 1 else {
                    throw UsageError("--var \(path): the step after ':' must be a whole number ≥ 1; got '\(text)'")
                }
                step = value
                rest = rest[..<colon]
            }
            let bounds = rest.components(separatedBy: "..")
            guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low >= 0, low <= high,
                  high <= 1_000_000_000 else {
                throw UsageError("--var \(path): expected MIN..MAX with whole numbers 0 ≤ MIN ≤ MAX, \(example); got '\(text)'")
            }
            self.path = path
            self.values = Array(stride(from: low, through: high, by: step))
            self.unitCost = unitCost
        }
    }

    /// What is minimised (or maximised).
    public enum Objective: Sendable, Equatable, CustomStringConvertible {
        /// A KPI of `summary.csv` (its mean), e.g. `total_cost` or `vein_to_vein_p90_days`.
        case kpi(String, maximise: Bool)
        /// Σ unit cost × value of the decision variables: known without simulation.
        case decisions

        /// Parses the value of `--minimise` / `--maximise`: a KPI name, or `decisions`.
        public init(parsing text: String, maximise: Bool) throws(UsageError) {
            guard !text.isEmpty else { throw UsageError("--\(maximise ? "maximise" : "minimise") needs a KPI or 'decisions'") }
            if text == "decisions" {
                guard !maximise else { throw UsageError("--maximise decisions makes no sense: maximise a KPI, or minimise decisions") }
                self = .decisions
            } else {
                self = .kpi(text, maximise: maximise)
            }
        }

        public var description: String {
            switch self {
            case .kpi(let name, let maximise): "\(maximise ? "maximise" : "minimise") \(name)"
            case .decisions: "minimise decisions (Σ unit cost × value)"
            }
        }

        /// The KPI it reads, if any.
        public var kpi: String? {
            if case .kpi(let name, _) = self { name } else { nil }
        }
    }

    public let variables: [Variable]
    public let objective: Objective
    public let constraints: [CapacityPlanTarget]

    /// The most grid points one optimisation may screen.
    public static let maximumPoints = 2_000

    /// Checks the problem: distinct paths, at most `maximumPoints` combinations.
    public init(variables: [Variable], objective: Objective, constraints: [CapacityPlanTarget]) throws(UsageError) {
        guard !variables.isEmpty else { throw UsageError("optimise needs at least one --var PATH=MIN..MAX") }
        let paths = variables.map(\.path)
        if let repeated = paths.first(where: { path in paths.filter { $0 == path }.count > 1 }) {
            throw UsageError("--var \(repeated) is given twice")
        }
        let points = variables.reduce(1.0) { $0 * Double($1.values.count) }
        guard points <= Double(Self.maximumPoints) else {
            throw UsageError("the grid has \(Int(min(points, 1e18))) points, more than \(Self.maximumPoints) can be screened; "
                             + "narrow the ranges or use a larger :STEP")
        }
        self.variables = variables
        self.objective = objective
        self.constraints = constraints
    }

    /// Every combination of values, the last variable varying fastest.
    public var points: [[Int]] {
        variables.reduce([[]]) { partial, variable in partial.flatMap { prefix in variable.values.map { prefix + [$0] } } }
    }

    /// The decision cost of a point.
    public func decisionCost(_ point: [Int]) -> Double {
        zip(variables, point).reduce(0) { $0 + $1.0.unitCost * Double($1.1) }
    }

    /// Every KPI the problem reads (objective, then constraints).
    public var kpis: [String] { (objective.kpi.map { [$0] } ?? []) + constraints.map(\.kpi) }
}
