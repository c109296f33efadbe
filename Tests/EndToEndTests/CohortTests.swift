import Foundation
import XCTest

/// Patient KPIs describe one cohort — the patients referred between the warm-up and the
/// horizon — followed until every pathway has ended, so that no patient still in process
/// dilutes a share.
final class CohortTests: FolderTestCase {
    /// No queueing (ample capacity), fixed times: every patient reaches lymphodepletion
    /// 10.875 d after referral (1 d + 4 h + 20 h + 1 h + 6 d + 2 d + 20 h) unless they drop out
    /// first, with an exponential time to dropout of mean 20 d. The horizon (6 weeks) is short
    /// against the pathway, so a quarter of the cohort is still in process at the horizon.
    private static let scenario = """
        name: cohort
        simulation: {horizon: 6w, warmup: 0d, replications: 80, seed: 3}
        products:
          car-t:
            starting_material: fresh
            fresh_hold_time: 48h
            manufacturing:
              - expansion: 6d
            qc: 2d
            qa_release: 0h
            lymphodepletion: 1d
        indications:
          dlbcl: {product: car-t, time_to_dropout: {exponential: {mean: 20d}}}
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
            suites: 100
            qc_capacity: 100
        lanes:
          - {from: centre, to: plant, transit: 20h, return: true}

        """

    /// The not-infused share is the probability of dropping out before lymphodepletion,
    /// 1 − exp(−10.875 / 20) = 0.41945; its 95 % interval must contain it. Counting the
    /// patients still in process at the horizon as referred but not yet lost (v0.2.0) gave
    /// 0.373 [0.357, 0.389].
    func testNotInfusedShareIsTheDropoutProbabilityOfTheWholeCohort() throws {
        let file = folder.appendingPathComponent("cohort.yaml")
        try Data(Self.scenario.utf8).write(to: file)
        let out = folder.appendingPathComponent("out")
        let result = try CartsimBinary.run(["run", file.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = try CSVFile(url: out.appendingPathComponent("summary.csv"))
        func row(_ kpi: String) throws -> [String: String] { try XCTUnwrap(summary.rows.first { $0["kpi"] == kpi }, kpi) }
        let exact = 1 - exp(-10.875 / 20)
        let share = try row("not_infused_fraction")
        XCTAssertLessThanOrEqual(CSVFile.number(share, "ci95_low"), exact)
        XCTAssertGreaterThanOrEqual(CSVFile.number(share, "ci95_high"), exact)
        XCTAssertEqual(CSVFile.number(try row("patients_unfinished"), "max"), 0, "every pathway of the cohort ended")
        XCTAssertGreaterThan(CSVFile.number(try row("patients_in_process_at_horizon"), "mean"), 5,
                             "a quarter of the cohort was still in process at the horizon")
        let referred = CSVFile.number(try row("patients_referred"), "mean")
        let ended = CSVFile.number(try row("patients_infused"), "mean") + CSVFile.number(try row("patients_not_infused"), "mean")
        XCTAssertEqual(ended, referred, accuracy: 1e-9)
    }
}
