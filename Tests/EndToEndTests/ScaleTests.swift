import Foundation
import XCTest

/// Parallel, sharded, precision-driven and interrupted runs of the built binary.
final class ScaleTests: XCTestCase {
    private let outputs = ["replications.csv", "summary.csv", "patients.csv", "stages.csv", "resources.csv",
                           "timeseries.csv", "breakdowns.csv"]

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

    /// Shards carry what merge needs to prove they belong together and are intact: an edited
    /// value in a shard's files or its run.json, or shards run with other options, are refused
    /// (exit 2, nothing written; 0.2.0 merged them with exit 0), and an empty share is valid.
    func testMergeRefusesEditedOrMismatchedShardsAndAcceptsEmptyOnes() throws {
        let root = CartsimBinary.temporaryPath("seal")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        func shards(_ name: String, count: Int, extra: [String] = [], patients: [String: String] = [:]) throws -> [URL] {
            try (1...count).map { k in
                let out = root.appendingPathComponent("\(name)-\(k)")
                let run = try CartsimBinary.run(["run", "Scenarios/point-of-care.yaml", "--replications", "2",
                                                 "--shard", "\(k)/\(count)", "--patients", patients["\(k)"] ?? "1",
                                                 "--out", out.path, "--quiet"] + extra)
                XCTAssertEqual(run.status, 0, run.stderr)
                return out
            }
        }
        func merge(_ folders: [URL], _ name: String) throws -> CartsimBinary.Output {
            let out = root.appendingPathComponent("merged-\(name)")
            let result = try CartsimBinary.run(["merge"] + folders.map(\.path) + ["--out", out.path])
            if result.status != 0 { XCTAssertFalse(FileManager.default.fileExists(atPath: out.path)) }
            return result
        }
        func edit(_ file: URL, _ change: (String) -> String) throws {
            try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        }
        let empty = try shards("empty", count: 4)
        XCTAssertEqual(try merge(empty, "empty").status, 0, "shards 3/4 and 4/4 of 2 replications are empty and valid")

        let edited = try shards("edited", count: 2)
        let weeks = edited[0].appendingPathComponent("week_records.csv")
        try edit(weeks) { $0.replacingOccurrences(of: "\n0,3,", with: "\n0,9,") }
        let changedFile = try merge(edited, "file")
        XCTAssertEqual(changedFile.status, 2)
        XCTAssertEqual(changedFile.stderr, "cartsim: \(edited[0].path)/run.json: week_records.csv was changed after the "
                       + "shard was written\n")

        let manifest = try shards("manifest", count: 2)
        try edit(manifest[1].appendingPathComponent("run.json")) { $0.replacingOccurrences(of: "\"seed\" : 777", with: "\"seed\" : 778") }
        let changedManifest = try merge(manifest, "manifest")
        XCTAssertEqual(changedManifest.status, 2)
        XCTAssertEqual(changedManifest.stderr, "cartsim: \(manifest[1].path)/run.json: its entries were changed after "
                       + "the shard was written (the seal does not match)\n")

        let mixed = try shards("mixed", count: 2, patients: ["2": "2"])
        let mismatched = try merge(mixed, "mixed")
        XCTAssertEqual(mismatched.status, 2)
        XCTAssertEqual(mismatched.stderr, "cartsim: \(mixed[1].path) was run with other --patients than \(mixed[0].path) "
                       + "(2 vs 1); run every shard of a study with the same options\n")
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
