import Foundation
import XCTest
import ScenarioFile
import Experiments

/// Sweeps: parsing `--set`, the grid's row-major order, the table and common random numbers.
final class SweepTests: XCTestCase {
    func testSetArgumentsSplitValuesOutsideBracketsAndQuotes() throws {
        let axis = try SweepAxis(argument: "lanes[0].transit={triangular: [1d, 2d, 3d]}, 2d,'a,b',[mon, tue]")
        XCTAssertEqual(axis.path, "lanes[0].transit")
        XCTAssertEqual(axis.values, ["{triangular: [1d, 2d, 3d]}", "2d", "'a,b'", "[mon, tue]"])
        XCTAssertEqual(try SweepAxis(argument: "a.b=1").values, ["1"])
        for bad in ["a.b", "=1,2", "a.b=1,,2", "a.b="] {
            XCTAssertThrowsError(try SweepAxis(argument: bad), bad)
        }
    }

    func testGridPointsAreInRowMajorOrder() {
        let grid = SweepGrid(axes: [SweepAxis(path: "a", values: ["1", "2"]),
                                    SweepAxis(path: "b", values: ["x", "y", "z"])])
        XCTAssertEqual(grid.count, 6)
        XCTAssertEqual((0..<grid.count).map(grid.values(at:)),
                       [["1", "x"], ["1", "y"], ["1", "z"], ["2", "x"], ["2", "y"], ["2", "z"]])
    }

    /// A 2 × 2 sweep of the suites and of one centre's beds: one row per point × KPI with the
    /// point's values in row-major order; the referrals do not depend on capacities, so with
    /// common random numbers they are identical at every point.
    func testSweepWritesOneRowPerPointAndKPI() throws {
        let folder = try AnalystFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid = SweepGrid(axes: [SweepAxis(path: "sites.plant-west.suites", values: ["15", "16"]),
                                    SweepAxis(path: "sites.centre-boston.beds", values: ["6", "8"])])
        let settings = SweepSettings(replications: 10, jobs: 2)
        // The horizon as a one-value axis keeps the test short and shows it in the table.
        let shortGrid = SweepGrid(axes: [SweepAxis(path: "simulation.horizon", values: ["30w"]),
                                         SweepAxis(path: "simulation.warmup", values: ["4w"])] + grid.axes)
        let sweep = try SweepRun(scenarioFile: AnalystFixtures.axicel, grid: shortGrid, settings: settings)
        let table = try sweep.execute(writingTo: ResultsDestination.check(folder.appendingPathComponent("sweep").path, source: sweep.resultsSource, isDefault: false)).table
        let kpis = table.points[0].samples.names
        let lines = try AnalystFixtures.lines(folder.appendingPathComponent("sweep/sweep.csv"))
        XCTAssertEqual(lines[0], "point,simulation.horizon,simulation.warmup,sites.plant-west.suites,"
                       + "sites.centre-boston.beds,kpi,mean,ci95_low,ci95_high,ci95_half_width,replications")
        XCTAssertEqual(lines.count, 1 + 4 * kpis.count)
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let expected = [["15", "6"], ["15", "8"], ["16", "6"], ["16", "8"]]
        for (index, row) in rows.enumerated() {
            let point = index / kpis.count
            XCTAssertEqual(row[0], String(point))
            XCTAssertEqual(Array(row[1...4]), ["30w", "4w"] + expected[point])
            XCTAssertEqual(row[5], kpis[index % kpis.count])
            XCTAssertEqual(row.last, "10")
        }
        let referrals = table.points.map { $0.samples.values(of: "patients_referred") }
        XCTAssertTrue(referrals.allSatisfy { $0 == referrals[0] }, "\(referrals)")
        let suites = table.points.map { $0.samples.summary(of: "plant_west_suites_wait_mean_days")!.interval.mean }
        XCTAssertGreaterThan(suites[0], suites[2], "fewer suites, longer waits")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("sweep/run.json")))
        let object = try XCTUnwrap(json as? [String: Any])
        XCTAssertEqual(object["kind"] as? String, "sweep")
        XCTAssertEqual(object["paths"] as? [String], shortGrid.paths)
        XCTAssertEqual(object["seed"] as? Int, 20260105)
    }

    /// Every point is loaded before anything runs; each problem is reported once although
    /// it occurs at several points.
    func testBadPathsAndValuesAreAllReportedOnce() {
        let grid = SweepGrid(axes: [SweepAxis(path: "sites.plant-west.suits", values: ["15", "16"]),
                                    SweepAxis(path: "simulation.horizon", values: ["30w", "x", "-1w"])])
        XCTAssertThrowsError(try SweepRun(scenarioFile: AnalystFixtures.axicel, grid: grid,
                                          settings: AnalystFixtures.settings)) { error in
            XCTAssertEqual((error as? ScenarioErrors)?.diagnostics.map(\.description), [
                "--set sites.plant-west.suits=15:1:1: sites.plant-west: no key 'suits' in the file; did you mean 'suites'?",
                "--set simulation.horizon=x:1:1: simulation.horizon: expected a duration with a unit (s, min, h, d, w), "
                    + "e.g. '36h' or '2d', got 'x'",
                "--set simulation.horizon=-1w:1:1: simulation.horizon: duration must not be negative, got '-1w'",
            ])
        }
    }
}
