import Foundation
import XCTest

/// SIGTERM (Slurm's time limit, `scancel`) and SIGHUP (a closed terminal) during `run`, through
/// the binary: like Ctrl-C, the first stops after the replications in progress and writes the
/// completed ones, exit 128 + signal; a second ends at once. `sweep` and `compare` keep what
/// they finished in the same way (`merge` ends at once). No signal leaves a temporary folder.
final class SignalTests: FolderTestCase {
    /// Starts `cartsim arguments` with stderr on a pipe.
    private func start(_ arguments: [String]) throws -> (process: Process, stderr: FileHandle) {
        let process = Process()
        process.executableURL = CartsimBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = CartsimBinary.packageRoot
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, stderr.fileHandleForReading)
    }

    /// The names in the test folder, hidden ones included.
    private func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// Waits (at most a minute) until `written` holds; the run's progress, not a time, decides
    /// when the signal is sent.
    private func wait(until written: () throws -> Bool) rethrows {
        let deadline = Date().addingTimeInterval(60)
        while try !written(), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    /// Whether the run's temporary folder holds the first replication's patient records.
    private func firstReplicationWritten() throws -> Bool {
        try entries().contains { name in
            guard name.hasPrefix(".out.tmp-") else { return false }
            let patients = folder.appendingPathComponent(name).appendingPathComponent("patients.csv")
            let size = try? FileManager.default.attributesOfItem(atPath: patients.path)[.size] as? Int
            return (size ?? 0) > 0
        }
    }

    func testTermAndHupWriteCompletedReplicationsAndExit128PlusSignal() throws {
        for (signal, status) in [(SIGTERM, Int32(143)), (SIGHUP, 129)] {
            let out = folder.appendingPathComponent("out")
            let run = try start(["run", "Scenarios/axicel-central-fresh.yaml", "--replications", "1000000",
                                 "--out", out.path, "--quiet", "--report"])
            try wait(until: firstReplicationWritten)
            kill(run.process.processIdentifier, signal)
            let stderr = String(decoding: run.stderr.readDataToEndOfFile(), as: UTF8.self)
            run.process.waitUntilExit()
            XCTAssertEqual(run.process.terminationStatus, status, stderr)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                                     as? [String: Any])
            XCTAssertEqual(json["complete"] as? Bool, false)
            let listed = try XCTUnwrap(json["files"] as? [String])
            XCTAssertTrue(listed.contains("report.html"))
            for name in listed {
                XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path),
                              "run.json lists \(name), so the folder holds it (the report of the completed replications)")
            }
            let written = try CSVFile(url: out.appendingPathComponent("replications.csv")).rows.count
            XCTAssertEqual(json["replications"] as? Int, written)
            XCTAssertGreaterThan(written, 0)
            XCTAssertEqual(try entries(), ["out"], "only the results folder, no temporary folder")
            XCTAssertTrue(stderr.hasSuffix("cartsim: interrupted; \(written) completed replications written to "
                                           + "\(out.path) (run.json: complete false)\n"), stderr)
            try FileManager.default.removeItem(at: out)
        }
    }

    /// A second signal while the replications in progress finish ends the run at once: earlier
    /// results in the folder stay as they were, and the temporary folder is removed.
    func testSecondSignalEndsAtOnceLeavingEarlierResultsAndNoTemporaryFolder() throws {
        let out = folder.appendingPathComponent("out")
        let earlier = try CartsimBinary.run(["run", "Scenarios/point-of-care.yaml", "--replications", "2",
                                             "--out", out.path, "--quiet"])
        XCTAssertEqual(earlier.status, 0, earlier.stderr)
        let earlierManifest = try Data(contentsOf: out.appendingPathComponent("run.json"))
        let busy = try busyScenario()
        let run = try start(["run", busy.path, "--replications", "2", "--jobs", "1", "--out", out.path, "--quiet"])
        try wait { try entries().contains { $0.hasPrefix(".out.tmp-") } }
        kill(run.process.processIdentifier, SIGTERM)
        var stderr = Data()
        while !String(decoding: stderr, as: UTF8.self).contains("stopping after the replications in progress") {
            let chunk = run.stderr.availableData
            guard !chunk.isEmpty else { break }
            stderr += chunk
        }
        kill(run.process.processIdentifier, SIGTERM)
        stderr += run.stderr.readDataToEndOfFile()
        run.process.waitUntilExit()
        XCTAssertEqual(run.process.terminationStatus, 143)
        XCTAssertEqual(String(decoding: stderr, as: UTF8.self),
                       "\ncartsim: SIGTERM received: stopping after the replications in progress "
                        + "(a second Ctrl-C or signal ends at once)\n")
        XCTAssertEqual(try entries(), ["busy.yaml", "out"], "no temporary folder")
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("run.json")), earlierManifest)
    }

    /// Fifteen years of a busy network: one replication takes seconds, longer than the tests wait.
    private func busyScenario() throws -> URL {
        let base = try String(contentsOf: CartsimBinary.packageRoot.appendingPathComponent("Scenarios/axicel-central-fresh.yaml"),
                              encoding: .utf8)
        let busy = folder.appendingPathComponent("busy.yaml")
        try base.replacingOccurrences(of: "horizon: 104w", with: "horizon: 5475d")
            .replacingOccurrences(of: "referrals: 2.5/week", with: "referrals: 75/week")
            .replacingOccurrences(of: "chairs: 1", with: "chairs: 30").replacingOccurrences(of: "beds: 8", with: "beds: 240")
            .replacingOccurrences(of: "suites: 16", with: "suites: 480")
            .replacingOccurrences(of: "qc_capacity: 14", with: "qc_capacity: 420")
            .write(to: busy, atomically: true, encoding: .utf8)
        return busy
    }

    /// Sends SIGTERM, expects exit 143, and returns the `run.json` written into `out`, marked incomplete.
    private func terminate(_ run: (process: Process, stderr: FileHandle), writing out: URL,
                           line: UInt = #line) throws -> [String: Any] {
        kill(run.process.processIdentifier, SIGTERM)
        let stderr = String(decoding: run.stderr.readDataToEndOfFile(), as: UTF8.self)
        run.process.waitUntilExit()
        XCTAssertEqual(run.process.terminationStatus, 143, stderr, line: line)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                                 as? [String: Any])
        XCTAssertEqual(json["complete"] as? Bool, false, line: line)
        return json
    }

    /// A sweep stopped by a signal keeps the points it finished: two short points done, the
    /// fifteen years not; `run.json` says `complete: false`; exit 128 + signal.
    func testSignalStopsASweepKeepingTheFinishedPoints() throws {
        let busy = try busyScenario()
        let out = folder.appendingPathComponent("out")
        let run = try start(["sweep", busy.path, "--set", "simulation.horizon=2w,3w,5475d", "--set", "simulation.warmup=1w",
                             "--replications", "2", "--jobs", "1", "--out", out.path, "--quiet"])
        Thread.sleep(forTimeInterval: 1)  // the two short points take a small part of it
        let json = try terminate(run, writing: out)
        XCTAssertEqual(json["points_done"] as? Int, 2)
        let points = Set(try CSVFile(url: out.appendingPathComponent("sweep.csv")).rows.map { $0["point"]! })
        XCTAssertEqual(points, ["0", "1"])
        XCTAssertEqual(try entries(), ["busy.yaml", "out"], "no temporary folder")
    }

    /// A comparison stopped by a signal keeps the replications both sides finished (none of
    /// B's here: A's first replication is under way), says `complete: false`, and exits 128 + signal.
    func testSignalStopsACompareKeepingThePairedReplications() throws {
        let busy = try busyScenario()
        let out = folder.appendingPathComponent("out")
        let run = try start(["compare", busy.path, busy.path, "--replications", "2", "--jobs", "1", "--out", out.path, "--quiet"])
        Thread.sleep(forTimeInterval: 1)  // past loading the scenarios; the replications take far longer
        let json = try terminate(run, writing: out)
        XCTAssertEqual(json["paired_replications"] as? Int, 0)
        XCTAssertEqual(try entries(), ["busy.yaml", "out"], "no temporary folder")
    }
}
