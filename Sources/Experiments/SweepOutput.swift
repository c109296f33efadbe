import Foundation
import SimRandom

/// The output folder of an analyst command (`compare`, `sweep`, `plan`): its files written
/// atomically, its `run.json`, and the CSV fields of a KPI interval.
enum SweepOutput {
    /// Header of the interval fields of `sweep.csv` and `plan.csv`.
    static let intervalHeader = ["mean", "ci95_low", "ci95_high", "ci95_half_width", "replications"]

    /// Mean, 95 % bounds, half-width and count of `interval`, formatted like `summary.csv`.
    static func intervalFields(_ interval: StudentTInterval) -> [String] {
        [CSVNumber.format(interval.mean), CSVNumber.format(interval.lower), CSVNumber.format(interval.upper),
         CSVNumber.format(interval.halfWidth), String(interval.count)]
    }

    /// Writes `files` into `directory`, replacing it only once every file is complete.
    static func write(_ files: [(name: String, contents: String)], to directory: URL) throws {
        try AtomicDirectory.replace(directory) { temporary in
            for file in files {
                try Data(file.contents.utf8).write(to: temporary.appendingPathComponent(file.name))
            }
        }
    }

    /// `run.json` of an analyst command: `kind`, the run settings (`seed`, `replications`,
    /// `jobs`), `version` and `wall_time_seconds`, plus `fields`. Pretty-printed, sorted keys.
    static func runJSON(kind: String, settings: SweepSettings, wallTimeSeconds: Double,
                        fields: [String: Any]) throws -> String {
        var object = fields
        object["kind"] = kind
        object["seed"] = settings.seed.map { $0 as Any } ?? NSNull()
        object["replications"] = settings.replications.map { $0 as Any } ?? NSNull()
        object["jobs"] = settings.jobs
        object["version"] = CartsimVersion.current
        object["wall_time_seconds"] = (wallTimeSeconds * 1000).rounded() / 1000
        let data = try JSONSerialization.data(withJSONObject: object,
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Seconds elapsed since `start` (a `DispatchTime` uptime in nanoseconds).
    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
