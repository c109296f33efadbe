import Foundation
import SimRandom
import OutputSchema

/// The output folder of an analyst command (`compare`, `sweep`, `plan`): its files and its
/// `run.json` written atomically, and the CSV fields of a KPI interval.
/// Files a command adds to its results folder before the folder is put in place (the
/// report of `--report`), listed in `run.json` with the others.
public struct FolderExtras: Sendable {
    public let names: [String]
    /// Writes them into the complete folder.
    public let write: @Sendable (URL) throws -> Void

    public init(names: [String], write: @escaping @Sendable (URL) throws -> Void) {
        self.names = names
        self.write = write
    }

    /// Nothing added.
    public static let none = FolderExtras(names: []) { _ in }
}

enum SweepOutput {
    /// Header of the interval fields of `sweep.csv` and `plan.csv`.
    static let intervalHeader = ["mean", "ci95_low", "ci95_high", "ci95_half_width", "replications"]

    /// Mean, 95 % bounds, half-width and count of the interval of KPI `kpi`, formatted like
    /// `summary.csv`.
    static func intervalFields(_ interval: StudentTInterval, kpi: String) -> [String] {
        let statistic = Quantity(kpi: kpi).acrossReplications
        return [interval.mean, interval.lower, interval.upper, interval.halfWidth].map { OutputNumber.format($0, statistic) }
            + [String(interval.count)]
    }

    /// Writes `files` and the command's `run.json` into `directory`, replacing it only once
    /// every file is complete.
    /// - Parameters:
    ///   - kind: the command (`compare`, `sweep`, `plan`), the `kind` of `run.json`.
    ///   - settings: the run settings recorded (`seed`, `replications`, `jobs`).
    ///   - start: when the command started (a `DispatchTime` uptime in nanoseconds).
    ///   - fields: the command's own entries of `run.json`.
    ///   - extras: files added once these are written (the report).
    static func write(_ files: [(name: String, contents: String)], kind: String, settings: SweepSettings,
                      start: UInt64, fields: [String: Any], extras: FolderExtras = .none,
                      to directory: ResultsDestination) throws {
        let manifest = (ResultsFiles.manifest, try runJSON(kind: kind, settings: settings, wallTimeSeconds: seconds(since: start),
                                                           fields: fields,
                                                           files: files.map(\.name) + [ResultsFiles.manifest] + extras.names))
        try AtomicDirectory.replace(directory) { temporary in
            for file in files + [manifest] {
                try Data(file.1.utf8).write(to: temporary.appendingPathComponent(file.0))
            }
            try extras.write(temporary)
        }
    }

    /// `run.json` of an analyst command: `kind`, the run settings (`seed`, `replications`,
    /// `jobs`), `version`, `wall_time_seconds` and the folder's `files`, plus `fields`.
    /// Pretty-printed, sorted keys.
    private static func runJSON(kind: String, settings: SweepSettings, wallTimeSeconds: Double,
                                fields: [String: Any], files: [String]) throws -> String {
        var object = fields
        object["kind"] = kind
        object["seed"] = settings.seed.map { $0 as Any } ?? NSNull()
        object["replications"] = settings.replications.map { $0 as Any } ?? NSNull()
        object["jobs"] = settings.jobs
        object["version"] = CartsimVersion.current
        object["wall_time_seconds"] = (wallTimeSeconds * 1000).rounded() / 1000
        object["files"] = files.sorted()
        let data = try JSONSerialization.data(withJSONObject: object,
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Seconds elapsed since `start` (a `DispatchTime` uptime in nanoseconds).
    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
