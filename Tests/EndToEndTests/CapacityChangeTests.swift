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
    /// 3 beds until week 52, then 2, for one 1-day stay a day: one bed busy on average.
    func testBedsChangeToo() throws {
        let kpis = try summary("beds", "    beds: 100\n", "    beds: 3\n    capacity_changes: [{from: 52w, beds: 2}]\n")
        assertInterval(kpis["centre_beds_utilization"], contains: 672 / (308 * 3 + 364 * 2.0), "beds")
    }

    /// Beds booked ahead never outnumber the beds of the time: 2 beds until week 10, then 4,
    /// for a 3-day stay a day (a queue until the change): at no instant of any replication are
    /// more patients in hospital than beds.
    func testBedBookingsRespectTheBedsOfTheTime() throws {
        let text = """
            name: beds
            simulation: {horizon: 30w, warmup: 2w, replications: 5, seed: 3}
            products:
              car-t: {starting_material: fresh, fresh_hold_time: 1000d, manufacturing: [expansion: 2d], qc: 0h,
                      qa_release: 0h, lymphodepletion: 1d}
            indications:
              dlbcl: {product: car-t}
            sites:
              centre:
                kind: centre
                referrals: 1/day
                apheresis: {chairs: 10, duration: 4h}
                plant: plant
                beds: 2
                post_infusion_stay: 3d
                capacity_changes: [{from: 10w, beds: 4}]
              plant: {kind: plant, suites: 100}
            lanes:
              - {from: centre, to: plant, transit: 12h, return: true}

            """
        let out = folder.appendingPathComponent("booked")
        let run = try CartsimBinary.run(["run", try writeScenario(text, name: "booked").path, "--out", out.path,
                                         "--patients", "all", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try CSVFile(url: out.appendingPathComponent("patients.csv")).rows
        var stays = 0
        for replication in Set(rows.map { $0["replication"]! }) {
            let inHospital = rows.filter { $0["replication"] == replication && $0["discharge_day"] != "" }
                .map { (CSVFile.number($0, "infusion_day"), CSVFile.number($0, "discharge_day")) }
            stays += inHospital.count
            for (start, _) in inHospital {
                let present = inHospital.filter { $0.0 <= start && start < $0.1 }.count
                XCTAssertLessThanOrEqual(present, start < 70 ? 2 : 4, "replication \(replication), day \(start)")
            }
        }
        XCTAssertGreaterThan(stays, 500)
    }

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
