import Foundation
import XCTest

/// Guards before a run starts, through the binary: a run whose replications cannot fit in the
/// machine's memory is refused (exit 2, nothing written); a resource offered more work than it
/// can do is warned about, and the run goes on.
final class WorkEstimateTests: FolderTestCase {
    /// A small valid scenario; each case edits it.
    private static let base = """
        name: minimal
        simulation: {horizon: 20w, replications: 2}
        products:
          car-t:
            starting_material: fresh
            manufacturing:
              - expansion: 7d
            qc: 7d
        indications:
          dlbcl: {product: car-t}
        sites:
          centre:
            kind: centre
            referrals: 1/week
            apheresis: {chairs: 1, repeat_probability: 2%}
            plant: plant
            beds: 8
          plant:
            kind: plant
            suites: 2
        lanes:
          - {from: centre, to: plant, transit: 1d, return: true}

        """

    private func scenario(_ name: String, _ edits: [(String, String)]) throws -> URL {
        var text = Self.base
        for (old, new) in edits {
            XCTAssertTrue(text.contains(old), "'\(old)' is not in the base scenario")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let file = folder.appendingPathComponent("\(name).yaml")
        try Data(text.utf8).write(to: file)
        return file
    }

    /// This machine's memory as the message writes it.
    private var machineMemory: String {
        String(format: "%.1f GiB", Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30))
    }

    /// 10⁹ referrals a day for 140 days: 1.4 × 10¹¹ patients of 512 bytes of lead times each,
    /// and 2,560 bytes of patient record in the one replication written to patients.csv.
    func testRunThatCannotFitInMemoryIsRefusedBeforeAnythingIsWritten() throws {
        let file = try scenario("huge", [("referrals: 1/week", "referrals: 1000000000/day")])
        let out = folder.appendingPathComponent("out")
        let run = try CartsimBinary.run(["run", file.path, "--jobs", "2", "--out", out.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "cartsim: not run: it would need about 467300.4 GiB of memory, and this machine has "
            + "\(machineMemory). Each replication refers about 140000000000 patients (referral rates × horizon), whose "
            + "lead times take 66757.2 GiB, their records for patients.csv 333786.0 GiB, and its lane table of 2 sites "
            + "0.0 GiB; 2 replications run at once (--jobs). Shorten the horizon, lower the referral rates, or use fewer "
            + "--jobs or --patients\n")
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["huge.yaml"])
    }

    /// Two lots a week of 7 days on one suite: a load of 2.
    func testOverloadedResourceIsWarnedAboutAndTheRunGoesOn() throws {
        let file = try scenario("overloaded", [("referrals: 1/week", "referrals: 2/week"), ("suites: 2", "suites: 1")])
        let out = folder.appendingPathComponent("out")
        let run = try CartsimBinary.run(["run", file.path, "--replications", "1", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "cartsim: warning: offered load 2.00 at plant_suites (0.29 lots/day × 7.00 d ÷ 1 suites): "
            + "work arrives faster than it can be done, so its queue grows for as long as that lasts\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("run.json").path))
    }

    /// Where the plant allocates slots, only the slots' patients go on: two referrals a week
    /// but one slot a week (7/7 lots a day × 7 d ÷ 1 suite) is a load of 1, not 2.
    func testSlotsCapTheOfferedLoad() throws {
        let file = try scenario("slots", [("referrals: 1/week", "referrals: 2/week"),
                                          ("suites: 2", "suites: 1\n    slots: {per: week, centres: {centre: 1}}")])
        let out = folder.appendingPathComponent("out")
        let run = try CartsimBinary.run(["run", file.path, "--replications", "1", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "cartsim: warning: offered load 1.00 at plant_suites (0.14 lots/day × 7.00 d ÷ 1 suites): "
            + "work arrives faster than it can be done, so its queue grows for as long as that lasts\n")
    }

    /// The examples are sized to keep up: no warning.
    func testExamplesRunWithoutWarnings() throws {
        for example in ExampleScenarioTests.examples {
            let out = folder.appendingPathComponent(example)
            let run = try CartsimBinary.run(["run", "Scenarios/\(example).yaml", "--replications", "1", "--out", out.path,
                                             "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(run.stderr, "", example)
        }
    }
}
