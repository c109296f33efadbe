import Foundation
import XCTest

/// `cartsim optimise` through the binary, on a network whose optimum is known: separable
/// capacities with deterministic durations. One patient a day holds a suite for exactly 10 d
/// and a QC slot for exactly 2 d, so suites are busy 10 / suites of the time and QC 2 / qc;
/// with both utilisations at most 0.8 the cheapest point at 100 per suite and 10 per QC slot
/// is 13 suites (0.77) and 3 QC slots (0.67): 1,330.
final class OptimiseTests: FolderTestCase {
    static let scenario = """
        name: separable
        simulation: {horizon: 104w, warmup: 8w, replications: 10, seed: 11}
        products:
          car-t:
            starting_material: fresh
            fresh_hold_time: 1000d
            manufacturing:
              - expansion: 10d
            qc: 2d
            qa_release: 0h
            lymphodepletion: 1d
        indications:
          dlbcl: {product: car-t}
        sites:
          centre:
            kind: centre
            referrals: 1/day
            referral_to_apheresis: 1d
            apheresis: {chairs: 40, duration: 4h}
            plant: plant
            lymphodepletion_scheduling: 0d
            beds: 100
            post_infusion_stay: 1d
          plant:
            kind: plant
            intake: 1h
            suites: 20
            qc_capacity: 10
        lanes:
          - {from: centre, to: plant, transit: 20h, return: true}

        """

    private var scenarioFile: URL { folder.appendingPathComponent("separable.yaml") }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try Data(Self.scenario.utf8).write(to: scenarioFile)
    }

    private func optimise(_ arguments: [String], out: String) throws -> (CartsimBinary.Output, [[String: String]], [String: Any]) {
        let folder = self.folder.appendingPathComponent(out)
        let run = try CartsimBinary.run(["optimise", scenarioFile.path, "--out", folder.path] + arguments)
        guard run.status == 0 else { return (run, [], [:]) }
        let rows = try CSVFile(url: folder.appendingPathComponent("optimise.csv")).rows
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run.json")))
                                 as? [String: Any])
        return (run, rows, json)
    }

    func testTheKnownOptimumOfSeparableCapacitiesIsChosen() throws {
        let (run, rows, json) = try optimise(["--var", "sites.plant.suites=9..16@100", "--var", "sites.plant.qc_capacity=1..5@10",
                                              "--minimise", "decisions", "--constraint", "plant_suites_utilization<=0.8",
                                              "--constraint", "plant_qc_lab_utilization<=0.8"], out: "known")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(rows.count, 40, "every point of the 8 × 5 grid is evaluated")
        XCTAssertEqual(json["chosen"] as? [String: Int], ["sites.plant.suites": 13, "sites.plant.qc_capacity": 3])
        XCTAssertEqual(json["separated"] as? Bool, true)
        XCTAssertEqual(json["complete"] as? Bool, true)
        for row in rows {
            let suites = Int(row["sites.plant.suites"]!)!, qc = Int(row["sites.plant.qc_capacity"]!)!
            let expected = suites == 13 && qc == 3 ? "chosen" : suites <= 12 || qc <= 2 ? "infeasible" : "worse"
            XCTAssertEqual(row["status"], expected, "\(suites) suites, \(qc) QC")
            // Utilisation is the offered load over capacity: inside each point's interval.
            let load = 10.0 / Double(suites)
            if load < 0.95 {
                XCTAssertLessThanOrEqual(CSVFile.number(row, "plant_suites_utilization_ci95_low"), load)
                XCTAssertGreaterThanOrEqual(CSVFile.number(row, "plant_suites_utilization_ci95_high"), load)
            }
        }
        let frontier = rows.filter { $0["frontier"] == "true" }.map { $0["sites.plant.qc_capacity"]! }
        XCTAssertEqual(Set(frontier), ["3"], "the cheapest QC meeting its constraint, at every suite count")
        XCTAssertTrue(run.stdout.contains("chosen: sites.plant.suites=13, sites.plant.qc_capacity=3"), run.stdout)
        let out = folder.appendingPathComponent("known")
        let report = try CartsimBinary.run(["report", out.path])
        XCTAssertEqual(report.status, 0, report.stderr)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("sites.plant.qc_capacity = 3, sites.plant.suites = 13"), "the chosen point is the headline")
        XCTAssertTrue(html.contains("id=\"optimise-frontier\""), "the cost-versus-target frontier is drawn")
    }

    /// Shorter waits with more suites: the largest suite count has the least mean vein-to-vein
    /// time, separated from the others by paired intervals under common random numbers.
    func testAKPIObjectiveIsRankedByPairedIntervals() throws {
        let (run, rows, json) = try optimise(["--var", "sites.plant.suites=11..14", "--minimise", "vein_to_vein_mean_days",
                                              "--constraint", "plant_suites_utilization<=0.85"], out: "kpi")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(json["chosen"] as? [String: Int], ["sites.plant.suites": 14])
        XCTAssertEqual(rows.map { $0["status"]! }, ["infeasible", "worse", "worse", "chosen"])
        let means = rows.map { CSVFile.number($0, "vein_to_vein_mean_days_mean") }
        XCTAssertEqual(means, means.sorted(by: >), "vein-to-vein falls as suites are added")
    }

    /// Chairs far beyond need change nothing: with common random numbers every point gives
    /// the same numbers, so none can be separated, and the race adds replications round after
    /// round (4, 8, 16) up to the maximum and says so.
    func testPointsThatCannotBeSeparatedGetReplicationsUpToTheMaximum() throws {
        let (run, rows, json) = try optimise(["--var", "sites.centre.apheresis.chairs=38..40", "--minimise", "vein_to_vein_mean_days",
                                              "--replications", "4", "--max-replications", "16"], out: "tied")
        XCTAssertEqual(run.status, 0, run.stderr)
        let rounds = try XCTUnwrap(json["rounds"] as? [[String: Int]])
        XCTAssertEqual(rounds.map { $0["replications"]! }, [4, 8, 16])
        XCTAssertEqual(json["separated"] as? Bool, false)
        XCTAssertEqual(rows.map { $0["replications"]! }, ["16", "16", "16"])
        XCTAssertEqual(rows.filter { $0["status"] == "contender" }.count, 2)
        XCTAssertTrue(run.stdout.contains("not separated: 2 point(s) still in the race at 16 replications"), run.stdout)
    }

    func testBadProblemsAreRefusedBeforeAnythingRuns() throws {
        let cases: [([String], String)] = [
            (["--var", "sites.plant.suites=9-16", "--minimise", "decisions"], "--var sites.plant.suites: expected MIN..MAX"),
            (["--var", "sites.plant.suites=1..100", "--var", "sites.plant.qc_capacity=1..100", "--minimise", "decisions"],
             "the grid has 10000 points, more than 2000 can be screened"),
            (["--var", "sites.plant.suites=9..10", "--minimise", "vein_to_vein_p90_day"], "unknown KPI 'vein_to_vein_p90_day'"),
            (["--var", "sites.plant.suites=9..10"], "optimise needs a scenario file, --var PATH=MIN..MAX and --minimise"),
            (["--var", "sites.plant.suits=9..10", "--minimise", "decisions"], "suits"),
            (["--var", "sites.plant.suites=9..10", "--minimise", "decisions", "--replications", "10",
              "--max-replications", "5"], "--max-replications (5) must be at least the screening replications (10)"),
        ]
        for (arguments, message) in cases {
            let out = folder.appendingPathComponent("refused")
            let run = try CartsimBinary.run(["optimise", scenarioFile.path, "--out", out.path] + arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stdout)")
            XCTAssertTrue(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
        }
    }

    /// SIGTERM keeps the points evaluated so far, marked incomplete, exit 143.
    func testASignalKeepsThePointsEvaluated() throws {
        let out = folder.appendingPathComponent("stopped")
        let process = Process()
        process.executableURL = CartsimBinary.url
        process.arguments = ["optimise", scenarioFile.path, "--var", "sites.plant.suites=9..1000", "--minimise", "decisions",
                             "--jobs", "1", "--out", out.path, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Loading the 992 points takes a moment; points then take milliseconds each.
        Thread.sleep(forTimeInterval: 3)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 143)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                                 as? [String: Any])
        XCTAssertEqual(json["complete"] as? Bool, false)
        let rows = try CSVFile(url: out.appendingPathComponent("optimise.csv")).rows
        XCTAssertEqual(json["evaluated_points"] as? Int, rows.count)
        XCTAssertLessThan(rows.count, 992)
    }
}
