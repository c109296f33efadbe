import Foundation
import XCTest

/// `run --trace K` writes `events.csv`, and `cartsim verify` reruns and compares it: the trace
/// does not depend on the number of jobs, is bounded by its limit, agrees with `patients.csv`
/// patient by patient, and verify names the first event that differs — in the file or in the
/// behaviour of the scenario.
final class EventTraceTests: FolderTestCase {
    private func run(_ extra: [String], into name: String, scenario: String = "Scenarios/point-of-care.yaml") throws -> URL {
        let out = folder.appendingPathComponent(name)
        let result = try CartsimBinary.run(["run", scenario, "--replications", "3", "--out", out.path, "--quiet"] + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        return out
    }

    private func traceBlock(_ out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("run.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(json["trace"] as? [String: Any])
    }

    func testTheTraceIsTheSameForAnyNumberOfJobs() throws {
        let one = try run(["--trace", "2", "--jobs", "1"], into: "one")
        let two = try run(["--trace", "2", "--jobs", "2"], into: "two")
        let events = try Data(contentsOf: one.appendingPathComponent("events.csv"))
        XCTAssertEqual(events, try Data(contentsOf: two.appendingPathComponent("events.csv")))
        let rows = try CSVFile(url: one.appendingPathComponent("events.csv")).rows
        XCTAssertEqual(Set(rows.map { $0["replication"]! }), ["0", "1"])
        let trace = try traceBlock(one)
        XCTAssertEqual(trace["rows"] as? Int, rows.count)
        XCTAssertEqual(trace["replications"] as? Int, 2)
        XCTAssertEqual(trace["truncated"] as? Bool, false)
        let files = try FileManager.default.contentsOfDirectory(atPath: one.path)
        XCTAssertFalse(files.contains { $0.hasPrefix(".") }, "no part files stay behind: \(files)")
    }

    func testTheLimitBoundsTheFileAndRunJsonSaysSo() throws {
        let out = try run(["--trace", "3", "--trace-limit", "250"], into: "limited")
        let rows = try CSVFile(url: out.appendingPathComponent("events.csv")).rows
        XCTAssertEqual(rows.count, 250)
        XCTAssertEqual(try traceBlock(out)["truncated"] as? Bool, true)
        let verify = try CartsimBinary.run(["verify", out.path])
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        let usage = try CartsimBinary.run(["run", "Scenarios/point-of-care.yaml", "--trace-limit", "5"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("--trace-limit needs --trace"), usage.stderr)
    }

    /// Every patient of replication 0 is referred, and ends, in the trace exactly when
    /// `patients.csv` says, with the same outcome; the first collection starts when it says.
    func testTheTraceAgreesWithPatientsCSV() throws {
        let out = try run(["--trace", "1", "--patients", "1"], into: "agree")
        let events = try CSVFile(url: out.appendingPathComponent("events.csv")).rows
        let patients = try CSVFile(url: out.appendingPathComponent("patients.csv")).rows
        var referred: [String: String] = [:], ended: [String: (String, String)] = [:], firstCollection: [String: String] = [:]
        for event in events {
            let id = event["patient"]!
            switch (event["kind"]!, event["stage"]!) {
            case ("referred", _): referred[id] = event["time_day"]!
            case ("ended", _): ended[id] = (event["time_day"]!, event["detail"]!)
            case ("started", "apheresis"): if firstCollection[id] == nil { firstCollection[id] = event["time_day"]! }
            default: break
            }
        }
        XCTAssertGreaterThan(patients.count, 100)
        XCTAssertEqual(referred.count, patients.count)
        for patient in patients {
            let id = patient["patient_id"]!
            XCTAssertEqual(referred[id], patient["referral_day"], "patient \(id)")
            XCTAssertEqual(firstCollection[id] ?? "", patient["first_apheresis_start_day"], "patient \(id)")
            if patient["outcome"] == "in_process" {
                XCTAssertNil(ended[id], "patient \(id)")
            } else {
                XCTAssertEqual(ended[id]?.0, patient["outcome_day"], "patient \(id)")
                XCTAssertEqual(ended[id]?.1, patient["outcome"], "patient \(id)")
            }
        }
        // Every claim that had to wait is granted later or withdrawn, one at a time per patient.
        var waiting: [String: Int] = [:]
        for event in events {
            let id = event["patient"]!
            switch event["kind"]! {
            case "queued":
                XCTAssertEqual(waiting[id, default: 0], 0, "patient \(id) waits twice")
                waiting[id] = 1
            case "withdrawn":
                XCTAssertEqual(waiting[id], 1, "patient \(id) withdraws no claim")
                waiting[id] = 0
            case "granted": waiting[id] = 0
            default: break
            }
        }
        XCTAssertTrue(waiting.values.allSatisfy { $0 == 0 }, "claims neither granted nor withdrawn: \(waiting.filter { $0.value > 0 })")
    }

    func testVerifyNamesTheFirstEditedEvent() throws {
        let out = try run(["--trace", "1"], into: "edited")
        let file = out.appendingPathComponent("events.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let target = try XCTUnwrap(lines.indices.first { $0 > 40 && lines[$0].contains(",granted,") })
        lines[target] = lines[target].replacingOccurrences(of: ",granted,", with: ",queued,")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let verify = try CartsimBinary.run(["verify", out.path])
        XCTAssertEqual(verify.status, 1, verify.stdout + verify.stderr)
        XCTAssertTrue(verify.stdout.contains("events.csv:\(target + 1): first divergence"), verify.stdout)
        XCTAssertTrue(verify.stdout.contains("column 'kind' is 'queued' in the trace, 'granted' in the rerun"), verify.stdout)
    }

    /// A behaviour change (an hour more of intake at every plant) is caught at the first
    /// intake that ends, and verify says the scenario is not the traced one.
    func testVerifyCatchesAChangeOfBehaviour() throws {
        let out = try run(["--trace", "1"], into: "behaviour")
        let source = try String(contentsOf: CartsimBinary.packageRoot.appendingPathComponent("Scenarios/point-of-care.yaml"),
                                encoding: .utf8)
        XCTAssertTrue(source.contains("intake: 1h"))
        let changed = folder.appendingPathComponent("changed.yaml")
        try source.replacingOccurrences(of: "intake: 1h", with: "intake: 2h").write(to: changed, atomically: true, encoding: .utf8)
        let verify = try CartsimBinary.run(["verify", out.path, "--scenario", changed.path])
        XCTAssertEqual(verify.status, 1, verify.stdout + verify.stderr)
        XCTAssertTrue(verify.stdout.contains("first divergence"), verify.stdout)
        XCTAssertTrue(verify.stdout.contains("column 'duration_days' is '0.041667' in the trace, '0.083333' in the rerun"),
                      verify.stdout)
        XCTAssertTrue(verify.stdout.contains(",started,intake,"), verify.stdout)
        XCTAssertTrue(verify.stderr.contains("is not the scenario file that was traced"), verify.stderr)
        let same = try CartsimBinary.run(["verify", out.path])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
    }

    func testVerifyRefusesWhatItCannotCheck() throws {
        let plain = try run([], into: "plain")
        let untraced = try CartsimBinary.run(["verify", plain.path])
        XCTAssertEqual(untraced.status, 2)
        XCTAssertTrue(untraced.stderr.contains("the run was not traced; run it with --trace K first"), untraced.stderr)
        let missing = try CartsimBinary.run(["verify", folder.appendingPathComponent("nowhere").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("missing or unreadable"), missing.stderr)
        let sharded = try CartsimBinary.run(["run", "Scenarios/point-of-care.yaml", "--shard", "1/2", "--trace", "1",
                                             "--out", folder.appendingPathComponent("shard").path])
        XCTAssertEqual(sharded.status, 2)
        XCTAssertTrue(sharded.stderr.contains("--trace and --shard cannot be combined"), sharded.stderr)
    }

    /// The report of a traced run lists the slowest infused patients of replication 0 first,
    /// each with its timeline; the slowest is the one `patients.csv` says.
    func testTheReportShowsTheSlowestPatientsTimelines() throws {
        let out = try run(["--trace", "1", "--patients", "1", "--report"], into: "timelines")
        let patients = try CSVFile(url: out.appendingPathComponent("patients.csv")).rows.filter { $0["outcome"] == "infused" }
        let slowest = try XCTUnwrap(patients.max { CSVFile.number($0, "vein_to_vein_days") < CSVFile.number($1, "vein_to_vein_days") })
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let days = String(format: "%.2f", CSVFile.number(slowest, "vein_to_vein_days"))
        let id = slowest["patient_id"]!
        XCTAssertTrue(html.contains("<a href=\"#patient-\(id)\">Patient \(id) ("), "the slowest patient is linked")
        XCTAssertTrue(html.contains("id=\"patient-\(id)\""), "and drawn")
        XCTAssertTrue(html.contains("Patient \(id): \(days) d vein-to-vein"), "with the vein-to-vein time of patients.csv")
        let links = html.components(separatedBy: "<a href=\"#patient-").count - 1
        XCTAssertEqual(links, min(10, patients.count))
    }
}
