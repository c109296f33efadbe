import Foundation
import XCTest

/// Capacity over time through the binary, on the network of ``OptimiseTests`` (one lot a day
/// holds a suite for exactly 10 d and QC for 2 d, 4-hour collections; the window is days 56 to
/// 728), where utilisation against the time-average capacity has a known answer.
final class CapacityChangeTests: FolderTestCase {
    private func summary(_ name: String, _ old: String, _ new: String) throws -> [String: [String: String]] {
        let text = OptimiseTests.scenario.replacingOccurrences(of: old, with: new)
        XCTAssertNotEqual(text, OptimiseTests.scenario)
        return try runSummary(of: try writeScenario(text, name: name))
    }

    /// 20 suites until week 52, then 40; QC capacity 10, then 5: 10 suites and 2 QC lots busy
    /// on average, over 308 days at the first capacity and 364 at the second.
    func testUtilisationIsAgainstTheCapacityOfTheTime() throws {
        let kpis = try summary("grow", "    qc_capacity: 10\n",
                               "    qc_capacity: 10\n    capacity_changes:\n      - {from: 52w, suites: 40, qc_capacity: 5}\n")
        assertInterval(kpis["plant_suites_utilization"], contains: 10 * 672 / (308 * 20 + 364 * 40.0), "suites")
        assertInterval(kpis["plant_qc_lab_utilization"], contains: 2 * 672 / (308 * 10 + 364 * 5.0), "QC")
    }

    /// Down to 5 suites at week 52, under a load of 10: every suite stays busy from then on and
    /// the queue grows, so utilisation is (308 · 10 + 364 · 5) / (308 · 20 + 364 · 5).
    func testAFallKeepsEverySuiteBusyAndTheQueueGrows() throws {
        let kpis = try summary("fall", "    qc_capacity: 10\n", "    qc_capacity: 10\n    capacity_changes: [{from: 52w, suites: 5}]\n")
        assertInterval(kpis["plant_suites_utilization"], contains: (308 * 10 + 364 * 5) / (308 * 20 + 364 * 5.0), "suites")
        XCTAssertGreaterThan(CSVFile.number(kpis["plant_suites_wait_mean_days"]!, "mean"), 20)
    }

    /// 40 chairs, then 1 from week 52: a sixth of a chair busy on average.
    func testChairsChangeToo() throws {
        let kpis = try summary("chairs", "    plant: plant\n", "    plant: plant\n    capacity_changes: [{from: 52w, chairs: 1}]\n")
        assertInterval(kpis["centre_apheresis_chairs_utilization"], contains: 672 / 6.0 / (308 * 40 + 364 * 1.0), "chairs")
    }

    func testBadChangesAreRefusedWithTheirPlace() throws {
        let file = folder.appendingPathComponent("bad.yaml")
        let text = OptimiseTests.scenario.replacingOccurrences(of: "    qc_capacity: 10\n",
                                                              with: "    qc_capacity: 10\n    capacity_changes: [{from: 52w}, {from: 60w, chairs: 2}]\n")
        try Data(text.utf8).write(to: file)
        let validate = try CartsimBinary.run(["validate", file.path])
        XCTAssertEqual(validate.status, 2)
        XCTAssertTrue(validate.stdout.contains("sites.plant.capacity_changes[0]: expected at least one of suites, qc_capacity"),
                      validate.stdout)
        XCTAssertTrue(validate.stdout.contains("sites.plant.capacity_changes[1]: unknown key 'chairs'"), validate.stdout)
    }
}
