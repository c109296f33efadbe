import Foundation
import XCTest

/// Parallel, sharded, precision-driven and interrupted runs of the built binary.
final class ScaleTests: XCTestCase {
    private let outputs = ["replications.csv", "summary.csv", "patients.csv", "stages.csv", "resources.csv",
                           "timeseries.csv"]

    private func files(_ folder: URL) throws -> [String: Data] {
        Dictionary(uniqueKeysWithValues: try outputs.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) })
    }

    /// `--jobs 1`, `--jobs 2` and four shards merged give byte-identical CSV files.
    func testJobsAndMergedShardsGiveIdenticalFiles() throws {
        let root = CartsimBinary.temporaryPath("scale")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        var runs: [[String: Data]] = []
        for jobs in ["1", "2"] {
            let out = root.appendingPathComponent("jobs-\(jobs)")
            let run = try CartsimBinary.run(["run", "Scenarios/axicel-central-fresh.yaml", "--replications", "9",
                                             "--patients", "2", "--jobs", jobs, "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            runs.append(try files(out))
        }
        var shards: [String] = []
        for k in 1...4 {
            let out = root.appendingPathComponent("shard-\(k)")
            let run = try CartsimBinary.run(["run", "Scenarios/axicel-central-fresh.yaml", "--replications", "9",
                                             "--patients", "2", "--shard", "\(k)/4", "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            shards.append(out.path)
        }
        let merged = root.appendingPathComponent("merged")
        let merge = try CartsimBinary.run(["merge"] + shards + ["--out", merged.path])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        runs.append(try files(merged))
        XCTAssertEqual(runs[0], runs[1], "--jobs 1 vs --jobs 2")
        XCTAssertEqual(runs[0], runs[2], "unsharded vs 4 shards merged")
        let rows = try CSVFile(url: merged.appendingPathComponent("replications.csv")).rows
        XCTAssertEqual(rows.map { $0["replication"]! }, (0..<9).map(String.init))

        let incomplete = try CartsimBinary.run(["merge"] + shards.dropLast() + ["--out", root.appendingPathComponent("bad").path])
        XCTAssertEqual(incomplete.status, 2)
        XCTAssertEqual(incomplete.stderr, "cartsim: expected shards 1...4 exactly once; missing shard(s) 4\n")
    }

    /// Shard records are read by column name and every field strictly: an edited field is an
    /// error naming the file, line and column (0.2.0 merged it as 0, exit 0), and nothing is written.
    func testMergeRefusesABadFieldInAShardRecord() throws {
        let root = CartsimBinary.temporaryPath("strict")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        var shards: [URL] = []
        for k in 1...2 {
            let out = root.appendingPathComponent("shard-\(k)")
            let run = try CartsimBinary.run(["run", "Scenarios/point-of-care.yaml", "--replications", "2",
                                             "--shard", "\(k)/2", "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            shards.append(out)
        }
        let weeks = shards[0].appendingPathComponent("week_records.csv")
        var lines = try String(contentsOf: weeks, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        fields[2] = "x"
        lines[1] = fields.joined(separator: ",")[...]
        try lines.joined(separator: "\n").write(to: weeks, atomically: true, encoding: .utf8)
        let merged = root.appendingPathComponent("merged")
        let merge = try CartsimBinary.run(["merge"] + shards.map(\.path) + ["--out", merged.path])
        XCTAssertEqual(merge.status, 2)
        XCTAssertEqual(merge.stderr, "cartsim: \(weeks.path):2: column 'referrals': expected an integer, got 'x'\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: merged.path))
    }

    /// `--precision` adds replications until the half-width target is met, and says so.
    func testPrecisionDrivenRunStopsWhenTheTargetIsMet() throws {
        let out = CartsimBinary.temporaryPath("precision")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let run = try CartsimBinary.run(["run", "Scenarios/point-of-care.yaml", "--replications", "3",
                                         "--precision", "vein_to_vein_mean_days=0.05", "--max-replications", "400",
                                         "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                                 as? [String: Any])
        XCTAssertEqual(json["precision_met"] as? Bool, true)
        let n = try XCTUnwrap(json["replications"] as? Int)
        XCTAssertGreaterThan(n, 3)
        let summary = try CSVFile(url: out.appendingPathComponent("summary.csv"))
        let row = try XCTUnwrap(summary.rows.first { $0["kpi"] == "vein_to_vein_mean_days" })
        XCTAssertLessThanOrEqual(CSVFile.number(row, "ci95_half_width"), 0.05)
        // One replication fewer would not have met the target: the run stops at the first n that does.
        let previous = try CartsimBinary.run(["run", "Scenarios/point-of-care.yaml", "--replications", "\(n - 1)",
                                              "--out", out.path + "-previous", "--quiet"])
        XCTAssertEqual(previous.status, 0)
        let before = try CSVFile(url: URL(fileURLWithPath: out.path + "-previous/summary.csv"))
        let beforeRow = try XCTUnwrap(before.rows.first { $0["kpi"] == "vein_to_vein_mean_days" })
        XCTAssertGreaterThan(CSVFile.number(beforeRow, "ci95_half_width"), 0.05)
    }

    /// Ctrl-C: completed replications are written, run.json says incomplete, exit 130.
    func testInterruptWritesCompletedReplicationsAndExits130() throws {
        let out = CartsimBinary.temporaryPath("interrupt")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let process = Process()
        process.executableURL = CartsimBinary.url
        process.arguments = ["run", "Scenarios/axicel-central-fresh.yaml", "--replications", "1000000", "--out", out.path,
                             "--quiet"]
        process.currentDirectoryURL = CartsimBinary.packageRoot
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                                 as? [String: Any])
        XCTAssertEqual(json["complete"] as? Bool, false)
        let written = try CSVFile(url: out.appendingPathComponent("replications.csv")).rows.count
        XCTAssertEqual(json["replications"] as? Int, written)
        XCTAssertGreaterThan(written, 0)
    }
}
