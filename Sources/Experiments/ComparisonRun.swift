import Foundation
import ScenarioFile

/// A complete `cartsim compare A B`: both scenarios run with the same seed (A's unless
/// given) and replication indices — the same random streams replication by replication —
/// then `compare.csv`, `summary_a.csv`, `summary_b.csv` and `run.json` written atomically.
public struct ComparisonRun {
    public let fileA: String
    public let fileB: String
    /// A and B with the run settings applied.
    public let scenarioA: ScenarioDescription
    public let scenarioB: ScenarioDescription
    /// The settings both ran with: replications and seed resolved from A when not given.
    public let settings: SweepSettings
    /// `--set-b PATH=VALUE` overrides that make B from its file (a stress variant of A).
    public let overridesB: [(path: String, value: String)]

    /// Loads both files, B with `overridesB` applied (B's file may be A's: B is then A with
    /// the overrides); the replications and seed not given are A's.
    /// - Throws: every problem of both files and of the overrides.
    public init(fileA: String, fileB: String, overridesB: [(path: String, value: String)] = [],
                settings: SweepSettings) throws(ScenarioErrors) {
        var problems: [ScenarioDiagnostic] = []
        func load(_ file: String, _ overrides: [(path: String, value: String)]) -> ScenarioDescription? {
            do { return try ScenarioLoader.load(path: file, overrides: overrides, option: "--set-b") } catch {
                problems += error.diagnostics
                return nil
            }
        }
        let (a, b) = (load(fileA, []), load(fileB, overridesB))
        guard let a, let b else { throw ScenarioErrors(problems) }
        self.fileA = fileA
        self.fileB = fileB
        self.overridesB = overridesB
        self.settings = settings.resolved(from: a)
        scenarioA = self.settings.applied(to: a)
        scenarioB = self.settings.applied(to: b)
    }

    /// What the results folder holds: a comparison of the two files.
    public var resultsSource: ResultsDestination.Source { .init(kind: "compare", scenarioFiles: [fileA, fileB]) }

    /// The default output folder: `Results/compare-<A's name>-vs-<B's name>`.
    public var defaultFolder: String { "Results/compare-\(scenarioA.name)-vs-\(scenarioB.name)" }

    /// Runs A then B and writes the files into `folder`; `interrupted` stops after the
    /// replications under way, and the comparison keeps the replications both scenarios
    /// finished (`complete: false` in `run.json`); `progress` counts replications of A and B.
    @discardableResult
    public func execute(writingTo folder: ResultsDestination, interrupted: @escaping @Sendable () -> Bool = { false },
                        progress: (Int, Int) -> Void = { _, _ in }, extras: FolderExtras = .none)
        throws -> (comparison: Comparison, complete: Bool) {
        let start = DispatchTime.now().uptimeNanoseconds
        let replications = scenarioA.simulation.replications, total = 2 * replications
        var done = 0
        let ranA = try SweepSamples(running: scenarioA, replications: 0..<replications, jobs: settings.jobs,
                                    interrupted: interrupted) { done += 1; progress(done, total) }
        let ranB = ranA.replications < replications ? ranA.prefix(0)
            : try SweepSamples(running: scenarioB, replications: 0..<replications, jobs: settings.jobs,
                               interrupted: interrupted) { done += 1; progress(done, total) }
        let paired = min(ranA.replications, ranB.replications)
        let complete = paired == replications
        let (a, b) = (ranA.prefix(paired), paired == 0 ? ranA.prefix(0) : ranB.prefix(paired))
        let comparison = Comparison(a: a, b: b)
        var fields: [String: Any] = ["scenario_a": scenarioA.name, "scenario_b": scenarioB.name, "scenario_a_file": fileA,
                      "scenario_b_file": fileB, "scenario_a_hash": scenarioA.sourceHash,
                      "scenario_b_hash": scenarioB.sourceHash]
        fields["complete"] = complete
        fields["paired_replications"] = paired
        if !overridesB.isEmpty {
            fields["scenario_b_overrides"] = overridesB.map { "--set-b \($0.path)=\($0.value)" }.joined(separator: " ")
        }
        try SweepOutput.write(
            [("compare.csv", comparison.csv), ("summary_a.csv", OutputTables.summary(a.summaries)),
             ("summary_b.csv", OutputTables.summary(b.summaries))],
            kind: "compare", settings: settings, start: start,
            fields: fields, extras: extras,
            to: folder)
        return (comparison, complete)
    }
}
