import Foundation
import ScenarioFile

/// The run settings shared by `compare`, `sweep` and `plan`: replications, seed and parallel
/// jobs, each overriding the scenario file when given.
///
/// Every scenario variant of one experiment runs replication i with the streams of (seed, i,
/// input name), so with the same seed the variants share their random numbers wherever their
/// inputs coincide: common random numbers, which make differences between variants far more
/// precise than independent runs would.
public struct SweepSettings: Sendable {
    /// Replications of every variant (nil: each scenario's own).
    public var replications: Int?
    /// Seed of every variant (nil: each scenario's own).
    public var seed: UInt64?
    /// Replications run in parallel (≥ 1); results do not depend on it.
    public var jobs: Int

    public init(replications: Int? = nil, seed: UInt64? = nil,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.replications = replications
        self.seed = seed
        self.jobs = max(1, jobs)
    }

    /// `scenario` with the replications and seed set here.
    public func applied(to scenario: ScenarioDescription) -> ScenarioDescription {
        var scenario = scenario
        if let replications { scenario.simulation.replications = replications }
        if let seed { scenario.simulation.seed = seed }
        return scenario
    }

    /// These settings with the replications and seed still unset taken from `scenario`, so
    /// that other variants run exactly like it.
    public func resolved(from scenario: ScenarioDescription) -> SweepSettings {
        SweepSettings(replications: replications ?? scenario.simulation.replications,
                      seed: seed ?? scenario.simulation.seed, jobs: jobs)
    }

    /// Loads the scenario file at `path` with `overrides` and applies these settings.
    /// - Throws: every problem of the file and the overrides.
    public func scenario(file path: String,
                         overrides: [(path: String, value: String)] = []) throws(ScenarioErrors) -> ScenarioDescription {
        applied(to: try ScenarioLoader.load(path: path, overrides: overrides))
    }
}
