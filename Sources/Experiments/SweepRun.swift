import Foundation
import ScenarioFile

/// A complete `cartsim sweep`: every point of a grid of overrides run with the same seed and
/// replication indices (common random numbers across points), then `sweep.csv` and
/// `run.json` written atomically.
public struct SweepRun {
    public let grid: SweepGrid
    public let variants: SweepVariants
    /// The variant of every point, in point order, loaded when the sweep is created.
    public let scenarios: [ScenarioDescription]

    /// Loads the variant of every point, so that bad paths and values are reported before
    /// anything runs.
    /// - Throws: every problem of every point, each once.
    public init(scenarioFile: String, grid: SweepGrid, settings: SweepSettings) throws(ScenarioErrors) {
        self.grid = grid
        variants = SweepVariants(scenarioFile: scenarioFile, paths: grid.paths, settings: settings)
        scenarios = try variants.scenarios(values: (0..<grid.count).map(grid.values(at:)))
    }

    /// What the results folder holds: a sweep of the scenario file over the grid's paths.
    public var resultsSource: ResultsDestination.Source {
        .init(kind: "sweep", scenarioFiles: [variants.scenarioFile], settings: grid.paths)
    }

    /// The default output folder: `Results/<scenario name>-sweep`.
    public var defaultFolder: String { "Results/\(scenarios[0].name)-sweep" }

    /// Runs every point, in order, and writes `sweep.csv` and `run.json` into `folder`;
    /// `interrupted` stops after the replications under way, keeping the points finished
    /// (`complete: false`); `progress` counts points.
    /// - Returns: the table of the points run, and whether they are all of them.
    @discardableResult
    public func execute(writingTo folder: ResultsDestination, interrupted: @escaping @Sendable () -> Bool = { false },
                        progress: (Int, Int) -> Void = { _, _ in }, extras: FolderExtras = .none)
        throws -> (table: SweepTable, complete: Bool) {
        let start = DispatchTime.now().uptimeNanoseconds
        var points: [SweepTable.Point] = []
        for (index, scenario) in scenarios.enumerated() {
            guard !interrupted(), let samples = try variants.completeSamples(of: scenario, interrupted: interrupted) else { break }
            points.append(SweepTable.Point(index: index, values: grid.values(at: index), samples: samples))
            progress(points.count, scenarios.count)
        }
        let table = SweepTable(paths: grid.paths, points: points)
        let complete = points.count == scenarios.count
        try SweepOutput.write(
            [("sweep.csv", table.csv)], kind: "sweep", settings: settings, start: start,
            fields: ["scenario": scenarios[0].name, "scenario_file": variants.scenarioFile, "paths": grid.paths,
                     "values": grid.axes.map(\.values), "points": grid.count, "points_done": points.count,
                     "complete": complete],
            extras: extras, to: folder)
        return (table, complete)
    }

    /// The settings every point ran with: the seed and replications given, or those the
    /// points share (nil in `run.json` when a swept path made them differ).
    private var settings: SweepSettings {
        func shared<T: Equatable>(_ value: (ScenarioDescription) -> T) -> T? {
            let values = scenarios.map(value)
            return values.allSatisfy { $0 == values[0] } ? values[0] : nil
        }
        return SweepSettings(replications: shared(\.simulation.replications), seed: shared(\.simulation.seed),
                             jobs: variants.settings.jobs)
    }
}
