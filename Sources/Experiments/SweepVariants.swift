import ScenarioFile

/// Variants of one scenario file that differ only in the values at some paths: the points
/// of a sweep or of a capacity plan.
///
/// Every variant runs with the same settings, hence the same seed and replication indices,
/// so replication i of every variant draws the same random numbers for the inputs they
/// share (common random numbers across points).
public struct SweepVariants: Sendable {
    /// The scenario file every variant starts from.
    public let scenarioFile: String
    /// The paths whose values vary (syntax: ``ScenarioFile/ScenarioOverrides``).
    public let paths: [String]
    /// Replications, seed and jobs of every variant.
    public let settings: SweepSettings

    public init(scenarioFile: String, paths: [String], settings: SweepSettings) {
        self.scenarioFile = scenarioFile
        self.paths = paths
        self.settings = settings
    }

    /// The variant with `values` (one per path, as YAML text) at the paths.
    /// - Throws: every problem of the file and of the overrides.
    public func scenario(values: [String]) throws(ScenarioErrors) -> ScenarioDescription {
        precondition(values.count == paths.count, "SweepVariants: one value per path")
        return try settings.scenario(file: scenarioFile, overrides: Array(zip(paths, values)))
    }

    /// The variants for every list of values, loaded before anything runs so that a bad
    /// path or value is reported at once.
    /// - Throws: every problem of every variant, each once (a bad path, or a problem of the
    ///   file, would otherwise repeat for every variant).
    public func scenarios(values: [[String]]) throws(ScenarioErrors) -> [ScenarioDescription] {
        var scenarios: [ScenarioDescription] = []
        var problems: [ScenarioDiagnostic] = []
        var seen: Set<String> = []
        for point in values {
            do {
                scenarios.append(try scenario(values: point))
            } catch {
                // The path and message identify a problem; the location differs only by the
                // override's value in its label.
                problems += error.diagnostics.filter { seen.insert("\($0.path): \($0.message)").inserted }
            }
        }
        guard problems.isEmpty else { throw ScenarioErrors(problems) }
        return scenarios
    }

    /// Runs a variant's replications on the settings' jobs.
    public func samples(of scenario: ScenarioDescription) throws -> SweepSamples {
        try SweepSamples(running: scenario, jobs: settings.jobs)
    }

    /// Runs a variant's replications on the settings' jobs until `interrupted`; nil when it
    /// stopped before all of them (an unfinished point is not kept).
    func completeSamples(of scenario: ScenarioDescription, interrupted: @escaping @Sendable () -> Bool) throws -> SweepSamples? {
        let samples = try SweepSamples(running: scenario, replications: 0..<scenario.simulation.replications,
                                       jobs: settings.jobs, interrupted: interrupted)
        return samples.replications == scenario.simulation.replications ? samples : nil
    }
}
