import Foundation
import XCTest

/// Suite downtime through the binary, on the network of ``OptimiseTests`` (one patient a day
/// holds one of 20 suites for exactly 10 d: 10 suites busy on average, a 672-day window), where
/// each rule has a known answer.
final class SuiteDowntimeTests: FolderTestCase {
    private func scenario(_ name: String, plantKeys: String) throws -> URL {
        let text = OptimiseTests.scenario.replacingOccurrences(of: "    qc_capacity: 10\n", with: "    qc_capacity: 10\n" + plantKeys)
        XCTAssertNotEqual(text, OptimiseTests.scenario)
        return try writeScenario(text, name: name)
    }


    /// A day of cleaning after each 10-day batch keeps a suite 11 days: utilisation 11/20.
    func testChangeoverHoldsTheSuite() throws {
        let kpis = try runSummary(of: try scenario("changeover", plantKeys: "    changeover: 1d\n"))
        assertInterval(kpis["plant_suites_utilization"], contains: 11.0 / 20, "utilisation with changeover")
    }

    /// 10 of 20 suites out one week in four: 17.5 suites in service on average, 10 busy.
    func testMaintenanceWindowsTakeSuitesOutOfService() throws {
        let kpis = try runSummary(of: try scenario("maintenance", plantKeys: "    maintenance:\n      - {from: 0w, for: 1w, suites: 10, every: 4w}\n"))
        assertInterval(kpis["plant_suites_utilization"], contains: 10 / 17.5, "utilisation against suites in service")
    }

    /// Each suite fails every 100 d in service on average and is repaired in 1 d: 20 · 672 / 101
    /// failures in the window; half the suites in service are busy, so about half the failures
    /// scrap a batch.
    func testFailuresHitRunningBatchesInProportion() throws {
        let kpis = try runSummary(of: try scenario("lost", plantKeys:
            "    failures: {time_between: {exponential: {mean: 100d}}, repair: 1d, batch: lost}\n"))
        let failures = 20.0 * 672 / 101
        assertInterval(kpis["suite_failures_in_window"], contains: failures, "failures")
        assertInterval(kpis["batches_lost_to_downtime_in_window"], contains: failures * 10 / (20 - 20.0 / 101), "batches lost")
        XCTAssertGreaterThan(CSVFile.number(kpis["manufacturing_failure_fraction"]!, "mean"), 0, "some patients run out of attempts")
    }

    /// With `resume` a hit batch waits 1 d for its repair: a running batch is hit at a rate of
    /// (20 / 101 failures a day) / (19.8 suites in service), about 0.1 times in its 10 days, so
    /// the batch takes 0.1 d longer (paired against no failures); `restart` loses the elapsed
    /// days too, so it costs more.
    func testResumedAndRestartedBatchesAreDelayedByTheRepair() throws {
        let base = try scenario("base", plantKeys: "    discipline: fifo\n")
        var extra: [String: Double] = [:]
        for policy in ["resume", "restart"] {
            let variant = try scenario(policy, plantKeys:
                "    failures: {time_between: {exponential: {mean: 100d}}, repair: 1d, batch: \(policy)}\n")
            let out = folder.appendingPathComponent("compare-\(policy)")
            let run = try CartsimBinary.run(["compare", base.path, variant.path, "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let row = try XCTUnwrap(try CSVFile(url: out.appendingPathComponent("compare.csv")).rows
                .first { $0["kpi"] == "apheresis_to_release_mean_days" })
            if policy == "resume" {
                XCTAssertLessThanOrEqual(CSVFile.number(row, "difference_ci95_low"), 0.1)
                XCTAssertGreaterThanOrEqual(CSVFile.number(row, "difference_ci95_high"), 0.1)
            }
            extra[policy] = CSVFile.number(row, "difference_mean")
        }
        XCTAssertGreaterThan(extra["restart"]!, 3 * extra["resume"]!, "a restart loses the days already made")
    }

    /// Each failing suite has its own clock, so a plant with failures may not have more than
    /// 10,000 suites at any time: refused before anything runs, not exhausting memory.
    func testTooManyFailingSuitesAreRefused() throws {
        let file = try scenario("many", plantKeys: "    failures: {time_between: 100d, repair: 1d}\n    capacity_changes: [{from: 4w, suites: 20000}]\n")
        let validate = try CartsimBinary.run(["validate", file.path])
        XCTAssertEqual(validate.status, 2)
        XCTAssertTrue(validate.stdout.contains("sites.plant.failures: each suite has its own failure clock: at most 10000 suites"),
                      validate.stdout)
    }

    /// One batch in ten is found contaminated at its end and scrapped.
    func testContaminationScrapsBatches() throws {
        let kpis = try runSummary(of: try scenario("contamination", plantKeys:
            "    contamination: {probability: 10%, decontamination: 5d, scope: suite}\n"))
        let decided = CSVFile.number(kpis["lots_decided_in_window"]!, "mean")
        let contaminated = kpis["contaminations_in_window"]!
        // Batches that ended in the window: lots decided plus those scrapped.
        let ended = decided + CSVFile.number(contaminated, "mean")
        assertInterval(contaminated, contains: 0.1 * ended, "contaminations")
        XCTAssertEqual(kpis["batches_lost_to_downtime_in_window"]?["mean"], contaminated["mean"])
    }

    func testBadDowntimeIsAScenarioError() throws {
        let cases: [(String, String)] = [
            ("    maintenance:\n      - {from: 0w, for: 2w, every: 1w}\n", "windows would overlap: 'every' must be at least 'for'"),
            ("    maintenance:\n      - {from: 0w, for: 1w, suites: 30}\n", "a window cannot take more suites (30) than the plant has (20)"),
            ("    failures: {time_between: 100d, repair: 1d, batch: explode}\n", "explode"),
            ("    contamination: {decontamination: 5d}\n", "probability"),
        ]
        for (index, (keys, message)) in cases.enumerated() {
            let file = try scenario("bad-\(index)", plantKeys: keys)
            let run = try CartsimBinary.run(["validate", file.path])
            XCTAssertEqual(run.status, 2, keys)
            XCTAssertTrue(run.stdout.contains(message), "\(keys): \(run.stdout)")
            XCTAssertTrue(run.stdout.contains("bad-\(index).yaml:"), "located: \(run.stdout)")
        }
    }
}
