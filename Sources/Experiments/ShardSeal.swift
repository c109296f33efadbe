import Foundation
import OutputSchema

/// What a shard's `run.json` carries so that `merge` can prove the shards belong together
/// and are intact: the study's replication count, the replications this shard ran, its
/// `--patients` setting, a content hash of each of its files, and a `seal` — the content
/// hash of every other entry of its `run.json` — so that an edited value in any of them is
/// found before anything is merged.
public struct ShardSeal: Sendable {
    /// Replications of the whole study (all shards).
    public let studyReplications: Int
    /// The replication indices this shard ran, ascending (possibly none).
    public let replications: [Int]
    /// Patient records are kept for replications below this index (`--patients`).
    public let patientReplications: Int
    /// FNV-1a 64 of each file of the folder but `run.json`.
    public let fileHashes: [String: String]

    /// Hashes the files `names` of `folder`.
    static func hashing(_ names: [String], in folder: URL, studyReplications: Int, replications: [Int],
                        patientReplications: Int) throws -> ShardSeal {
        var hashes: [String: String] = [:]
        for name in names { hashes[name] = ContentHash.fnv1a64(try Data(contentsOf: folder.appendingPathComponent(name))) }
        return ShardSeal(studyReplications: studyReplications, replications: replications,
                         patientReplications: patientReplications, fileHashes: hashes)
    }

    /// The entries it adds to `run.json` (the seal itself is added by `sealed(_:)`).
    var entries: [String: Any] {
        ["study_replications": studyReplications, "replication_indices": replications,
         "patient_replications": patientReplications, "file_hashes": fileHashes]
    }

    /// `run.json` text with its `seal`: the hash of the canonical form of everything else.
    static func sealed(_ object: [String: Any]) throws -> [String: Any] {
        // The seal is computed on the parsed form, as `verify` will see it.
        let parsed = try JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: object)) as! [String: Any]
        var sealed = object
        sealed["seal"] = ContentHash.fnv1a64(canonical(parsed).utf8)
        return sealed
    }

    /// Checks a shard folder against its `run.json`: the seal over its entries, then each
    /// file's hash. Returns the parsed seal.
    static func verify(_ json: [String: Any], folder: URL) throws -> ShardSeal {
        let manifest = folder.appendingPathComponent("run.json").path
        func fail(_ message: String) -> ShardMerge.MergeError { ShardMerge.MergeError(description: "\(manifest): \(message)") }
        guard let seal = json["seal"] as? String, let studyReplications = json["study_replications"] as? Int,
              let replications = json["replication_indices"] as? [Int],
              let patientReplications = json["patient_replications"] as? Int,
              let fileHashes = json["file_hashes"] as? [String: String]
        else { throw fail("no shard seal; shards written by this cartsim carry one — run the shard again") }
        var rest = json
        rest["seal"] = nil
        guard ContentHash.fnv1a64(canonical(rest).utf8) == seal else {
            throw fail("its entries were changed after the shard was written (the seal does not match)")
        }
        for (name, hash) in fileHashes.sorted(by: { $0.key < $1.key }) {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                throw fail("\(name) is missing")
            }
            guard ContentHash.fnv1a64(data) == hash else { throw fail("\(name) was changed after the shard was written") }
        }
        return ShardSeal(studyReplications: studyReplications, replications: replications,
                         patientReplications: patientReplications, fileHashes: fileHashes)
    }

    /// A deterministic text of a parsed JSON value: keys sorted, numbers as parsed.
    private static func canonical(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\"\($0)\":" + canonical(object[$0]!) }.joined(separator: ",") + "}"
        case let array as [Any]: return "[" + array.map(canonical).joined(separator: ",") + "]"
        case let text as String: return "\"" + text + "\""
        default: return "\(value)"
        }
    }
}
