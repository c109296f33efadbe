import Foundation

/// The facts of a run recorded in `run.json`.
public struct RunMetadata: Sendable {
    public var scenarioName: String
    public var scenarioFile: String
    public var scenarioHash: String
    public var seed: UInt64
    public var replications: Int
    public var jobs: Int
    public var version: String
    public var wallTimeSeconds: Double
    public var events: Int
    public var startDate: String
    public var horizonDays: Double
    public var warmupDays: Double
    public var complete: Bool
    /// The share of replications this run computed, for a shard.
    public var shard: Shard?
    /// The names of the files of the run's folder, `run.json` included.
    public var files: [String] = []
    /// A shard's proof of what it holds, checked by `merge`.
    public var shardSeal: ShardSeal?
    /// The outcome of `--precision` targets, if any.
    public var precision: PrecisionReport?
    /// What `events.csv` holds, when the run was traced.
    public var trace: TraceReport?
    /// The pipeline snapshot the run started from (`--initial-state`), as given.
    public var initialStateFile: String?
    /// The day of the snapshot `pipeline.csv` holds (`--snapshot-at`).
    public var snapshotDay: Double?

    /// The replications traced into `events.csv`, its row limit, the rows written and
    /// whether the limit left events out.
    public struct TraceReport: Sendable {
        public let replications: Int
        public let limit: Int
        public let rows: Int
        public let truncated: Bool
    }

    /// Whether `--precision` targets were met, and the half-width reached for each.
    public struct PrecisionReport: Sendable {
        public let met: Bool
        public let targets: [(kpi: String, target: Double, reached: Double?)]
    }

    public init(scenarioName: String, scenarioFile: String, scenarioHash: String, seed: UInt64, replications: Int,
                jobs: Int, version: String, wallTimeSeconds: Double, events: Int, startDate: String,
                horizonDays: Double, warmupDays: Double, complete: Bool) {
        self.scenarioName = scenarioName
        self.scenarioFile = scenarioFile
        self.scenarioHash = scenarioHash
        self.seed = seed
        self.replications = replications
        self.jobs = jobs
        self.version = version
        self.wallTimeSeconds = wallTimeSeconds
        self.events = events
        self.startDate = startDate
        self.horizonDays = horizonDays
        self.warmupDays = warmupDays
        self.complete = complete
    }

    /// Pretty-printed JSON with sorted keys.
    func json() throws -> String {
        var object: [String: Any] = [
            "kind": shard == nil ? "run" : "shard", "scenario": scenarioName, "scenario_file": scenarioFile, "scenario_hash": scenarioHash,
            "seed": seed, "replications": replications, "jobs": jobs, "version": version,
            "wall_time_seconds": (wallTimeSeconds * 1000).rounded() / 1000, "events": events,
            "start_date": startDate, "horizon_days": horizonDays, "warmup_days": warmupDays,
            "complete": complete, "files": files,
        ]
        if let initialStateFile { object["initial_state"] = initialStateFile }
        if let snapshotDay { object["snapshot_day"] = snapshotDay }
        if let shard {
            object["shard"] = shard.index
            object["shards"] = shard.count
        }
        if let precision {
            object["precision_met"] = precision.met
            object["precision"] = precision.targets.map { target -> [String: Any] in
                ["kpi": target.kpi, "target_half_width": target.target,
                 "half_width": target.reached.map { $0 as Any } ?? NSNull()]
            }
        }
        if let trace {
            object["trace"] = ["replications": trace.replications, "limit": trace.limit, "rows": trace.rows,
                               "truncated": trace.truncated] as [String: Any]
        }
        if let shardSeal {
            object.merge(shardSeal.entries) { _, new in new }
            object = try ShardSeal.sealed(object)
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
