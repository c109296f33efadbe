import Foundation
import SimKernel
import CARTModel
import ScenarioFile

/// A complete `cartsim run`: options applied to a loaded scenario, replications run in
/// parallel, outputs written atomically.
public struct ScenarioRun {
    /// Options that override the scenario file.
    public struct Options: Sendable {
        public var replications: Int?
        public var seed: UInt64?
        public var warmup: SimTime?
        public var jobs: Int
        /// Patient records are written for replications with index below this (`Int.max`: all).
        public var patientReplications: Int
        public init(replications: Int? = nil, seed: UInt64? = nil, warmup: SimTime? = nil,
                    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, patientReplications: Int = 1) {
            self.replications = replications
            self.seed = seed
            self.warmup = warmup
            self.jobs = jobs
            self.patientReplications = patientReplications
        }
    }

    public let scenario: ScenarioDescription
    public let scenarioFile: String
    public let options: Options

    /// Applies the options to the scenario (validated: a warm-up must be shorter than the horizon).
    public init(scenario: ScenarioDescription, scenarioFile: String, options: Options) throws(UsageError) {
        var scenario = scenario
        if let replications = options.replications { scenario.simulation.replications = replications }
        if let seed = options.seed { scenario.simulation.seed = seed }
        if let warmup = options.warmup {
            guard warmup < scenario.simulation.horizon else {
                throw UsageError("--warmup must be shorter than the horizon (\(Ticks.days(scenario.simulation.horizon)) days)")
            }
            scenario.simulation.warmup = warmup
        }
        self.scenario = scenario
        self.scenarioFile = scenarioFile
        self.options = options
    }

    /// Runs every replication and returns the results with the run's metadata.
    public func execute() throws -> (results: [ReplicationResult], metadata: RunMetadata) {
        let start = DispatchTime.now().uptimeNanoseconds
        let runner = ReplicationRunner(scenario: scenario, jobs: options.jobs,
                                       patientReplications: options.patientReplications)
        let results = try runner.run(indices: Array(0..<scenario.simulation.replications))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let settings = scenario.simulation
        let metadata = RunMetadata(
            scenarioName: scenario.name, scenarioFile: scenarioFile, scenarioHash: scenario.sourceHash,
            seed: settings.seed, replications: results.count, jobs: options.jobs, version: CartsimVersion.current,
            wallTimeSeconds: seconds, events: results.reduce(0) { $0 + $1.events },
            startDate: settings.startDate.description, horizonDays: Ticks.days(settings.horizon),
            warmupDays: Ticks.days(settings.warmup), complete: true)
        return (results, metadata)
    }
}

/// A command-line mistake: printed with the usage hint, exit status 2.
public struct UsageError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The version printed by `cartsim --version` and recorded in `run.json`.
public enum CartsimVersion {
    public static let current = "0.1.0"
}
