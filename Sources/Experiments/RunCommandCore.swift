import Foundation
import SimKernel
import SimRandom
import CARTModel
import ScenarioFile

/// A complete `cartsim run`: options applied to a loaded scenario, replications run in
/// parallel and streamed, in replication order, into the output folder, which replaces the
/// destination only when written (also after an interruption: the completed replications).
public struct ScenarioRun {
    /// Options that override the scenario file.
    public struct Options: Sendable {
        public var replications: Int?
        public var seed: UInt64?
        public var warmup: SimTime?
        public var jobs: Int
        /// Patient records are written for replications with index below this (`Int.max`: all).
        public var patientReplications: Int
        /// Target 95 % half-widths by KPI name: replications are added until all are met.
        public var precision: [(kpi: String, halfWidth: Double)]
        /// The most replications a precision-driven run may use.
        public var maxReplications: Int
        /// Run only this share of the replication indices (K of N, K 1-based).
        public var shard: Shard?
        /// Write `events.csv` for the first replications (`--trace`).
        public var trace: EventTraceRequest?
        /// Write `pipeline.csv`, the first replication's patients in flight at this time
        /// (seconds, whole days; `--snapshot-at`).
        public var snapshotAt: SimTime?
        /// The pipeline snapshot file the scenario was started from (`--initial-state`), for `run.json`.
        public var initialStateFile: String?
        public init(replications: Int? = nil, seed: UInt64? = nil, warmup: SimTime? = nil,
                    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, patientReplications: Int = 1,
                    precision: [(kpi: String, halfWidth: Double)] = [], maxReplications: Int = 1_000,
                    shard: Shard? = nil, trace: EventTraceRequest? = nil) {
            self.replications = replications
            self.seed = seed
            self.warmup = warmup
            self.jobs = jobs
            self.patientReplications = patientReplications
            self.precision = precision
            self.maxReplications = maxReplications
            self.shard = shard
            self.trace = trace
        }
    }

    /// What a finished (or interrupted) run reports.
    public struct Outcome {
        public let metadata: RunMetadata
        public let summaries: [KPISummary]
    }

    public let scenario: ScenarioDescription
    public let scenarioFile: String
    public let options: Options

    /// Applies the options to the scenario (validated: a warm-up must be shorter than the
    /// horizon; precision targets must name KPIs).
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
        if !options.precision.isEmpty, options.shard != nil {
            throw UsageError("--precision and --shard cannot be combined: a shard does not see the other shards' results")
        }
        if let time = options.snapshotAt {
            guard time > 0, time < scenario.simulation.horizon, time % Ticks.day == 0 else {
                throw UsageError("--snapshot-at must be a whole number of days after the start and before the horizon "
                                 + "(\(Ticks.days(scenario.simulation.horizon)) days), e.g. 180d")
            }
            guard options.shard == nil else {
                throw UsageError("--snapshot-at and --shard cannot be combined: the snapshot is taken in the first replication")
            }
        }
        if !scenario.initialState.isEmpty, options.shard != nil {
            throw UsageError("--initial-state and --shard cannot be combined: run the forecast unsharded")
        }
        if options.trace != nil, options.shard != nil {
            throw UsageError("--trace and --shard cannot be combined: trace an unsharded run of the replications to audit")
        }
        self.scenario = scenario
        self.scenarioFile = scenarioFile
        self.options = options
    }

    /// The replication indices of the whole study (every shard), in order.
    var allIndices: [Int] {
        Array(0..<(options.precision.isEmpty ? scenario.simulation.replications
            : max(options.maxReplications, scenario.simulation.replications)))
    }

    /// The replication indices this run may use, in order.
    public var indices: [Int] {
        guard let shard = options.shard else { return allIndices }
        return allIndices.filter { shard.contains($0) }
    }

    /// What this run's results folder holds: a run (or a shard) of its scenario file.
    public var resultsSource: ResultsDestination.Source {
        guard let shard = options.shard else { return .init(kind: "run", scenarioFiles: [scenarioFile]) }
        return .init(kind: "shard", scenarioFiles: [scenarioFile], settings: ["\(shard.index)/\(shard.count)"])
    }

    /// `Results/<name>`, or `Results/<name>-shards/shard-K` for shard K (the layout of the
    /// Slurm script, whose folders `cartsim merge` takes).
    public var defaultFolder: String {
        guard let shard = options.shard else { return "Results/\(scenario.name)" }
        return "Results/\(scenario.name)-shards/shard-\(shard.index)"
    }

    /// Runs the replications into `destination`.
    /// - Parameters:
    ///   - extras: files written into the complete folder before it replaces the destination
    ///     (`run --report` writes the report there), listed in `run.json`.
    ///   - interrupted: polled before each replication starts; once true, the run stops and
    ///     writes what it has completed, marked incomplete.
    ///   - progress: called after each replication with (done, total).
    public func write(to destination: ResultsDestination, extras: FolderExtras = .none,
                      interrupted: @escaping @Sendable () -> Bool = { false },
                      progress: (Int, Int) -> Void = { _, _ in }) throws -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        let indices = indices
        var outcome: Outcome?
        try AtomicDirectory.replace(destination) { folder in
            let trace = try options.trace.map { try EventTraceFiles(request: $0, folder: folder) }
            var runner = ReplicationRunner(scenario: scenario, jobs: options.jobs,
                                           patientReplications: options.patientReplications, trace: trace)
            runner.snapshotTime = options.snapshotAt
            var delivered: [Int] = []
            let accumulator = try RunAccumulator(context: .init(scenario), folder: folder,
                                                 forecast: scenario.initialState.isEmpty ? nil : ForecastTable(scenario))
            let records = try options.shard.map { _ in
                try ReplicationRecordWriter(folder: folder, levels: WeeklySeries.levelNames(scenario))
            }
            let precision = PrecisionRule(targets: options.precision, minimum: scenario.simulation.replications)
            var precisionMet = false
            try runner.run(indices: indices, interrupted: interrupted) { result in
                delivered.append(result.replication)
                if let pipeline = result.pipeline, let time = options.snapshotAt {
                    let day = scenario.simulation.startDate.dayNumber + Int(time / Ticks.day)
                    try Data(PipelineSnapshotFile.table(pipeline, day: day, scenario: scenario).utf8)
                        .write(to: folder.appendingPathComponent(PipelineSnapshotFile.fileName))
                }
                try accumulator.add(result)
                try records?.add(result)
                progress(accumulator.count, indices.count)
                precisionMet = precision.isMet(by: accumulator)
                return !precisionMet
            }
            try records?.close()
            let complete = precisionMet || accumulator.count == indices.count
            var metadata = RunMetadata(
                scenarioName: scenario.name, scenarioFile: scenarioFile, scenarioHash: scenario.sourceHash,
                seed: scenario.simulation.seed, replications: accumulator.count, jobs: options.jobs,
                version: CartsimVersion.current,
                wallTimeSeconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
                events: accumulator.events, startDate: scenario.simulation.startDate.description,
                horizonDays: Ticks.days(scenario.simulation.horizon), warmupDays: Ticks.days(scenario.simulation.warmup),
                complete: complete)
            metadata.shard = options.shard
            metadata.initialStateFile = options.initialStateFile
            metadata.snapshotDay = options.snapshotAt.map(Ticks.days)
            metadata.files = ((options.shard == nil ? ResultsFiles.run : ResultsFiles.shard) + extras.names
                + (scenario.initialState.isEmpty ? [] : [ForecastTable.fileName])
                + (options.snapshotAt == nil || !delivered.contains(0) ? [] : [PipelineSnapshotFile.fileName])
                + (trace == nil ? [] : [EventTraceFiles.fileName])).sorted()
            if let trace {
                let written = try trace.assemble(delivered: delivered, in: folder)
                metadata.trace = .init(replications: written.replications, limit: trace.request.limit,
                                       rows: written.rows, truncated: written.truncated)
            }
            metadata.precision = precision.report(for: accumulator, met: precisionMet)
            try accumulator.finish(in: folder, metadata: metadata,
                                   kpiNames: accumulator.count == 0 ? KPICatalogue.names(for: scenario) : [])
            if options.shard != nil {
                metadata.shardSeal = try ShardSeal.hashing(
                    ResultsFiles.shard.filter { $0 != ResultsFiles.manifest }, in: folder,
                    studyReplications: allIndices.count, replications: indices, patientReplications: options.patientReplications)
                try Data(metadata.json().utf8).write(to: folder.appendingPathComponent(ResultsFiles.manifest))
            }
            outcome = Outcome(metadata: metadata, summaries: accumulator.summaries())
            try extras.write(folder)
        }
        return outcome!
    }
}

/// A command-line mistake: printed with the usage hint, exit status 2.
public struct UsageError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The version printed by `cartsim --version` and recorded in `run.json`.
public enum CartsimVersion {
    public static let current = "0.2.0"
}
