import OutputSchema
import Foundation
import ScenarioFile

/// A complete `cartsim plan`: the smallest integer value of one scenario key (a capacity)
/// in `min...max` for which a KPI target holds with 95 % confidence, found by bisection
/// (``CapacityPlanSearch``) over variants of the scenario run with common random numbers
/// (``SweepVariants``); every evaluated point is written to `plan.csv`, the answer to
/// `run.json`.
public struct CapacityPlanRun {
    /// One evaluated value: the target KPI's summary there and whether it meets the target.
    public struct Point: Sendable {
        public let value: Int
        public let summary: KPISummary
        public let feasible: Bool
    }

    /// The outcome: the answer (nil when even `max` fails) and every evaluated point, in
    /// evaluation order.
    public struct Outcome: Sendable {
        public let answer: Int?
        public let points: [Point]
        /// Whether the search ran to its end (not interrupted).
        public var complete = true
    }

    /// The header of `plan.csv`.
    public static let header = ["point", "value", "kpi"] + SweepOutput.intervalHeader + ["target", "feasible"]

    public let variants: SweepVariants
    public let range: ClosedRange<Int>
    public let target: CapacityPlanTarget
    /// The scenario's name, for the default folder and `run.json`.
    public let scenarioName: String

    /// Checks the plan before anything runs: the variants at `min` and `max` must load (a
    /// bad path or value is reported like a scenario error) and the target KPI must exist.
    /// Replications and seed not given are those of the variant at `min`, for every point.
    /// - Throws: `ScenarioErrors` (every problem of both ends) or `UsageError` (unknown KPI).
    public init(scenarioFile: String, path: String, range: ClosedRange<Int>, target: CapacityPlanTarget,
                settings: SweepSettings) throws {
        let ends = try SweepVariants(scenarioFile: scenarioFile, paths: [path], settings: settings)
            .scenarios(values: [[String(range.lowerBound)], [String(range.upperBound)]])
        try target.check(among: KPICatalogue.names(for: ends[0]))
        variants = SweepVariants(scenarioFile: scenarioFile, paths: [path], settings: settings.resolved(from: ends[0]))
        self.range = range
        self.target = target
        scenarioName = ends[0].name
    }

    /// What the results folder holds: a plan of the scenario file over the path.
    public var resultsSource: ResultsDestination.Source {
        .init(kind: "plan", scenarioFiles: [variants.scenarioFile], settings: variants.paths)
    }

    /// The default output folder: `Results/<scenario name>-plan`.
    public var defaultFolder: String { "Results/\(scenarioName)-plan" }

    /// Runs the search and writes `plan.csv` and `run.json` into `folder`; `interrupted`
    /// stops it after the evaluation under way, keeping the values evaluated
    /// (`complete: false`, no answer); `progress` counts evaluations against the most a
    /// search of the range makes.
    @discardableResult
    public func execute(writingTo folder: ResultsDestination, interrupted: @escaping @Sendable () -> Bool = { false },
                        progress: (Int, Int) -> Void = { _, _ in }, extras: FolderExtras = .none) throws -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        let most = CapacityPlanSearch<Point>.maximumEvaluations(range)
        var done = 0, stopped = false
        let search = try CapacityPlanSearch(range: range, evaluate: { (value: Int) throws -> Point? in
            guard let point = try evaluate(value, interrupted: interrupted) else {
                stopped = true
                return nil
            }
            done += 1
            progress(done, most)
            return point
        }, isMet: { $0?.feasible ?? false }, interrupted: { stopped || interrupted() })
        let outcome = Outcome(answer: search.wasInterrupted || stopped ? nil : search.answer,
                              points: search.evaluated.compactMap(\.result), complete: !(search.wasInterrupted || stopped))
        try SweepOutput.write(
            [("plan.csv", csv(outcome))], kind: "plan", settings: variants.settings, start: start,
            fields: ["scenario": scenarioName, "scenario_file": variants.scenarioFile, "path": variants.paths[0],
                     "min": range.lowerBound, "max": range.upperBound, "target": target.description,
                     "target_kpi": target.kpi, "target_relation": target.relation.rawValue,
                     "target_value": target.value, "answer": outcome.answer.map { $0 as Any } ?? NSNull(),
                     "evaluated": outcome.points.map(\.value), "complete": outcome.complete],
            extras: extras, to: folder)
        return outcome
    }

    /// Runs the variant with `value` at the path; nil when interrupted before it finished.
    private func evaluate(_ value: Int, interrupted: @escaping @Sendable () -> Bool) throws -> Point? {
        guard let samples = try variants.completeSamples(of: try variants.scenario(values: [String(value)]),
                                                         interrupted: interrupted) else { return nil }
        let summary = samples.summary(of: target.kpi) ?? KPISummary(name: target.kpi, values: [])
        return Point(value: value, summary: summary, feasible: target.isMet(by: summary.interval))
    }

    /// `plan.csv`: one row per evaluated value, in evaluation order.
    private func csv(_ outcome: Outcome) -> String {
        var table = CSVText(header: Self.header)
        for (index, point) in outcome.points.enumerated() {
            table.append([String(index), String(point.value), target.kpi] + SweepOutput.intervalFields(point.summary.interval, kpi: target.kpi)
                         + [target.description, String(point.feasible)])
        }
        return table.text
    }
}
