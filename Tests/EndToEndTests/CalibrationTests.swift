import Foundation
import XCTest

/// The axi-cel-like example reproduces the published figures it documents
/// (Scenarios/axicel-central-fresh.yaml): median apheresis → release 16–19 days and median
/// vein-to-vein 24–30 days, with a few per cent of lots out of specification. The whole 95 %
/// interval of each KPI (10 replications, the scenario's seed) must lie inside its range.
final class CalibrationTests: XCTestCase {
    func testAxicelLikeExampleFallsInsideItsPublishedRanges() throws {
        let out = CartsimBinary.temporaryPath("calibration")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let run = try CartsimBinary.run(["run", "Scenarios/axicel-central-fresh.yaml", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let summary = try CSVFile(url: out.appendingPathComponent("summary.csv"))
        func interval(_ kpi: String) throws -> (low: Double, high: Double) {
            let row = try XCTUnwrap(summary.rows.first { $0["kpi"] == kpi }, kpi)
            XCTAssertEqual(row["replications"], "10")
            return (CSVFile.number(row, "ci95_low"), CSVFile.number(row, "ci95_high"))
        }
        for (kpi, range) in [("apheresis_to_release_p50_days", 16.0...19.0), ("vein_to_vein_p50_days", 24.0...30.0),
                             ("out_of_spec_rate", 0.01...0.08)] {
            let ci = try interval(kpi)
            XCTAssertTrue(range.contains(ci.low) && range.contains(ci.high), "\(kpi) interval \(ci) outside \(range)")
        }
    }
}
