import Foundation
import XCTest

/// `cartsim sensitivity` through the binary, on the network of ``OptimiseTests`` whose
/// suite utilisation is known: 10 busy suites of 20 (one patient a day, 10 d in a suite).
/// With 16 suites it is 10/16, with 24 10/24; a 20 % shorter or longer expansion moves it by
/// ∓0.1; chairs far beyond need change nothing at all under common random numbers.
final class SensitivityTests: FolderTestCase {
    private var scenarioFile: URL { folder.appendingPathComponent("separable.yaml") }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try Data(OptimiseTests.scenario.utf8).write(to: scenarioFile)
    }

    private func effects(_ out: URL) throws -> [String: [String: String]] {
        let rows = try CSVFile(url: out.appendingPathComponent("sensitivity.csv")).rows
        return Dictionary(uniqueKeysWithValues: rows.map { ("\($0["input"]!) \($0["side"]!)", $0) })
    }

    func testEffectsAreTheKnownChangesAndTheyAreRanked() throws {
        let out = folder.appendingPathComponent("known")
        let run = try CartsimBinary.run(["sensitivity", scenarioFile.path, "--input", "sites.plant.suites",
                                         "--input", "products.car-t.manufacturing[0].expansion",
                                         "--input", "sites.centre.apheresis.chairs", "--kpi", "plant_suites_utilization",
                                         "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try effects(out)
        XCTAssertEqual(rows.count, 6)
        let expected = ["sites.plant.suites low": 10.0 / 16 - 0.5, "sites.plant.suites high": 10.0 / 24 - 0.5,
                        "products.car-t.manufacturing[0].expansion low": -0.1,
                        "products.car-t.manufacturing[0].expansion high": 0.1]
        for (key, change) in expected {
            let row = try XCTUnwrap(rows[key], key)
            XCTAssertEqual(CSVFile.number(row, "effect_mean"), change, accuracy: 0.01, key)
            XCTAssertEqual(row["significant"], "true", key)
        }
        XCTAssertEqual(rows["sites.plant.suites low"]?["value"], "16")
        XCTAssertEqual(rows["products.car-t.manufacturing[0].expansion high"]?["value"], "12d")
        for side in ["low", "high"] {
            let chairs = try XCTUnwrap(rows["sites.centre.apheresis.chairs \(side)"])
            XCTAssertEqual(CSVFile.number(chairs, "effect_mean"), 0, "common random numbers: nothing changes")
            XCTAssertEqual(chairs["significant"], "false")
            XCTAssertEqual(chairs["rank"], "3", "the input without effect ranks last")
        }
        let report = try CartsimBinary.run(["report", out.path])
        XCTAssertEqual(report.status, 0, report.stderr)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("id=\"tornado-0\""), "the tornado chart is drawn")
        XCTAssertTrue(html.contains("sites.plant.suites"))
    }

    /// Without --input every number of the file (outside simulation) is perturbed; variants
    /// that do not validate are skipped with the reason.
    func testEveryInputOfTheFileByDefault() throws {
        let out = folder.appendingPathComponent("all")
        let run = try CartsimBinary.run(["sensitivity", scenarioFile.path, "--replications", "3", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let inputs = Set(try CSVFile(url: out.appendingPathComponent("sensitivity.csv")).rows.map { $0["input"]! })
        for path in ["sites.plant.suites", "sites.plant.qc_capacity", "products.car-t.qc", "lanes[0].transit",
                     "sites.centre.referrals", "sites.centre.post_infusion_stay"] {
            XCTAssertTrue(inputs.contains(path), "\(path) in \(inputs.sorted())")
        }
        XCTAssertFalse(inputs.contains { $0.hasPrefix("simulation") })
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                                 as? [String: Any])
        XCTAssertEqual(json["complete"] as? Bool, true)
        XCTAssertEqual(json["inputs_done"] as? Int, json["inputs"] as? Int)
    }

    func testAPathWithoutANumberIsRefused() throws {
        let run = try CartsimBinary.run(["sensitivity", scenarioFile.path, "--input", "sites.plant.kind",
                                         "--out", folder.appendingPathComponent("x").path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("--input sites.plant.kind: no number or distribution at this path"), run.stderr)
    }
}
