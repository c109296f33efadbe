import Foundation
import SimKernel
import CARTModel

/// `cartsim merge`: rebuilds every replication of a sharded study from its shard folders
/// and writes the same files an unsharded run writes — `replications.csv` and
/// `summary.csv` byte for byte, since the same numbers are summed in the same order.
public enum ShardMerge {
    /// A problem with the shard folders (exit status 2).
    public struct MergeError: Error, CustomStringConvertible {
        public let description: String
    }

    /// One shard folder's facts from its `run.json`.
    private struct ShardInfo {
        let folder: URL
        let index: Int
        let count: Int
        let json: [String: Any]
        let seal: ShardSeal
    }

    /// What a merged folder holds: a run of the shards' scenario file.
    /// - Throws: ``MergeError`` when a folder is not a complete shard.
    public static func resultsSource(of folders: [URL]) throws -> ResultsDestination.Source {
        let shards = try folders.map(readInfo)
        try checkConsistent(shards)
        return .init(kind: "run", scenarioFiles: [shards[0].json["scenario_file"] as? String ?? ""])
    }

    /// Merges complete shards 1...N of one study into `destination` (atomically).
    /// - Returns: the merged run's metadata.
    @discardableResult
    public static func merge(_ folders: [URL], into destination: ResultsDestination) throws -> RunMetadata {
        let shards = try folders.map(readInfo).sorted { $0.index < $1.index }
        try checkConsistent(shards)
        let target = destination.url.path
        if let inside = shards.first(where: { let path = $0.folder.standardizedFileURL.path
                                              return path == target || path.hasPrefix(target + "/") }) {
            throw MergeError(description: "--out \(target) would replace the shard folder \(inside.folder.path); "
                             + "merge into a new folder")
        }
        var results: [(ReplicationResult, [[String]])] = []
        for shard in shards { results += try ShardReader(folder: shard.folder).replications() }
        results.sort { $0.0.replication < $1.0.replication }
        guard results.map(\.0.replication) == Array(0..<results.count) else {
            throw MergeError(description: "the shards do not hold replications 0...\(results.count - 1) exactly once")
        }
        let first = shards[0].json
        let context = RunAccumulator.Context(
            seed: UInt64(try number(first, "seed", shards[0].folder)),
            startDay: try startDay(first, shards[0].folder),
            warmup: Ticks.fromSeconds(try number(first, "warmup_days", shards[0].folder) * Double(Ticks.day)))
        var metadata: RunMetadata?
        try AtomicDirectory.replace(destination) { folder in
            let accumulator = try RunAccumulator(context: context, folder: folder)
            for (result, patients) in results { try accumulator.add(result, patientRows: patients) }
            var merged = RunMetadata(
                scenarioName: first["scenario"] as? String ?? "", scenarioFile: first["scenario_file"] as? String ?? "",
                scenarioHash: first["scenario_hash"] as? String ?? "", seed: context.seed,
                replications: accumulator.count, jobs: shards.count, version: CartsimVersion.current,
                wallTimeSeconds: shards.reduce(0) { $0 + (($1.json["wall_time_seconds"] as? Double) ?? 0) },
                events: accumulator.events, startDate: first["start_date"] as? String ?? "",
                horizonDays: (first["horizon_days"] as? Double) ?? 0, warmupDays: (first["warmup_days"] as? Double) ?? 0,
                complete: true)
            merged.files = ResultsFiles.run
            try accumulator.finish(in: folder, metadata: merged)
            metadata = merged
        }
        return metadata!
    }

    private static func readInfo(_ folder: URL) throws -> ShardInfo {
        let url = folder.appendingPathComponent("run.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw MergeError(description: "\(url.path): missing or unreadable run.json; is this a shard folder?")
        }
        guard json["kind"] as? String == "shard", let index = json["shard"] as? Int, let count = json["shards"] as? Int
        else { throw MergeError(description: "\(url.path): not a shard (run with --shard K/N)") }
        guard json["complete"] as? Bool == true else {
            throw MergeError(description: "\(url.path): shard \(index)/\(count) is incomplete; run it again")
        }
        return ShardInfo(folder: folder, index: index, count: count, json: json,
                         seal: try ShardSeal.verify(json, folder: folder))
    }

    private static func checkConsistent(_ shards: [ShardInfo]) throws {
        guard let first = shards.first else { throw MergeError(description: "no shard folders given") }
        for shard in shards {
            for key in ["scenario_hash", "seed", "start_date", "horizon_days", "warmup_days"]
            where "\(shard.json[key] ?? "")" != "\(first.json[key] ?? "")" {
                throw MergeError(description: "\(shard.folder.path): \(key) differs from \(first.folder.path); "
                                 + "shards must come from one scenario and seed")
            }
        }
        let count = first.count
        let indices = shards.map(\.index).sorted()
        guard shards.allSatisfy({ $0.count == count }), indices == Array(1...count) else {
            let missing = Set(1...count).subtracting(indices).sorted().map(String.init).joined(separator: ", ")
            throw MergeError(description: "expected shards 1...\(count) exactly once; "
                             + (missing.isEmpty ? "got \(indices)" : "missing shard(s) \(missing)"))
        }
        for shard in shards {
            for (name, mine, theirs) in [("--replications", shard.seal.studyReplications, first.seal.studyReplications),
                                         ("--patients", shard.seal.patientReplications, first.seal.patientReplications)]
            where mine != theirs {
                throw MergeError(description: "\(shard.folder.path) was run with other \(name) than \(first.folder.path) "
                                 + "(\(mine) vs \(theirs)); run every shard of a study with the same options")
            }
        }
        let covered = shards.flatMap(\.seal.replications).sorted()
        guard covered == Array(0..<first.seal.studyReplications) else {
            throw MergeError(description: "the shards do not hold replications 0...\(first.seal.studyReplications - 1) "
                             + "exactly once")
        }
    }

    private static func number(_ json: [String: Any], _ key: String, _ folder: URL) throws -> Double {
        guard let value = json[key] as? Double ?? (json[key] as? Int).map(Double.init) else {
            throw MergeError(description: "\(folder.path)/run.json: missing \(key)")
        }
        return value
    }

    private static func startDay(_ json: [String: Any], _ folder: URL) throws -> Int {
        let parts = (json["start_date"] as? String ?? "").split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = CivilDate(year: parts[0], month: parts[1], day: parts[2]) else {
            throw MergeError(description: "\(folder.path)/run.json: missing or bad start_date")
        }
        return date.dayNumber
    }
}
