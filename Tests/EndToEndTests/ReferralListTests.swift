import Foundation
import XCTest

/// `referral_list`: a planner's patient list replayed through the binary — with fixed
/// durations the dates are those computed by hand; every replication replays the same
/// list; and a bad row is reported at its line and column of the CSV file.
final class ReferralListTests: FolderTestCase {
    /// One centre without Poisson referrals, one chair, one suite; every duration fixed:
    /// consult 1 d, apheresis 4 h, courier 1 d each way, a 10-day expansion, 2 days of QC,
    /// lymphodepletion 1 d on the product's arrival.
    static func scenario(list: String = "list.csv") -> String {
        """
        name: replay
        simulation: {start_date: 2026-01-05, horizon: 12w, warmup: 0w, replications: 3, seed: 3}
        referral_list: \(list)
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
            referrals: 0/day
            referral_to_apheresis: 1d
            apheresis: {chairs: 1, duration: 4h}
            plant: plant
            lymphodepletion_scheduling: 0d
            beds: 10
            post_infusion_stay: 1d
          plant:
            kind: plant
            intake: 0h
            suites: 1
        lanes:
          - {from: centre, to: plant, transit: 1d, return: true}

        """
    }

    private func write(_ csv: String, scenario: String = ReferralListTests.scenario()) throws -> URL {
        try Data(csv.utf8).write(to: folder.appendingPathComponent("list.csv"))
        return try writeScenario(scenario, name: "replay")
    }

    /// Referred on days 7, 0 and 28 (listed out of order): apheresis the next day, the plant a
    /// day after the 4-hour collection (day 2⅙), 10 days in the suite, QC to day 14⅙, back on
    /// day 15⅙, infused a day later. The second patient waits for the suite until day 12⅙.
    func testAReplayedListThroughFixedDurationsGivesTheDatesByHand() throws {
        let file = try write("""
            id,referral_date,centre,indication,notes
            P-001,2026-01-12,centre,dlbcl,second in time
            P-002,2026-01-05,centre,dlbcl,first
            P-003,2026-02-02,centre,dlbcl,

            """)
        let out = folder.appendingPathComponent("out")
        let run = try CartsimBinary.run(["run", file.path, "--out", out.path, "--patients", "all", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try CSVFile(url: out.appendingPathComponent("patients.csv")).rows
        XCTAssertEqual(rows.count, 9, "three patients in each of three replications, no others")
        for replication in ["0", "1", "2"] {
            let mine = rows.filter { $0["replication"] == replication }
            XCTAssertEqual(mine.map { $0["referral_date"]! }, ["2026-01-05", "2026-01-12", "2026-02-02"])
            XCTAssertEqual(mine.map { $0["suite_start_day"]! }, ["2.166667", "12.166667", "30.166667"])
            XCTAssertEqual(mine.map { $0["infusion_day"]! }, ["16.166667", "26.166667", "44.166667"])
            XCTAssertEqual(mine.map { $0["vein_to_vein_days"]! }, ["15.166667", "18.166667", "15.166667"])
        }
    }

    /// With Poisson referrals on top, the listed patients come in every replication and the
    /// random ones vary; `referral_day` gives the time in days since the start.
    func testTheListIsReplayedInEveryReplicationOnTopOfPoissonReferrals() throws {
        let rows = (0..<40).map { "\(Double($0) * 1.5),centre,dlbcl" }.joined(separator: "\n")
        let scenario = Self.scenario().replacingOccurrences(of: "referrals: 0/day", with: "referrals: 1/week")
            .replacingOccurrences(of: "suites: 1", with: "suites: 50")
        let kpis = try runSummary(of: try write("referral_day,centre,indication\n" + rows + "\n", scenario: scenario))
        let referred = try XCTUnwrap(kpis["patients_referred"])
        XCTAssertGreaterThanOrEqual(CSVFile.number(referred, "min"), 40)
        XCTAssertNotEqual(referred["min"], referred["max"], "the Poisson referrals differ between replications")
    }

    /// The scenario's hash in run.json covers the list: another list, another hash.
    func testTheScenarioHashCoversTheList() throws {
        func hash(_ csv: String) throws -> String? {
            let file = try write(csv)
            let out = folder.appendingPathComponent("hash-\(csv.count)")
            let run = try CartsimBinary.run(["run", file.path, "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
            return (json as? [String: Any])?["scenario_hash"] as? String
        }
        let one = try hash("referral_day,centre,indication\n1,centre,dlbcl\n")
        let two = try hash("referral_day,centre,indication\n1,centre,dlbcl\n2,centre,dlbcl\n")
        XCTAssertNotNil(one)
        XCTAssertNotEqual(one, two)
    }

    /// Each problem of the list is reported at its line and column, exit status 2.
    func testBadRowsAreReportedAtTheirLineAndColumn() throws {
        let file = try write("""
            id,referral_date,centre,indication
            A,2026-01-12,centre,dlbcl
            B,2026-13-01,centre,dlbcl
            C,2026-01-20,centre-x,dlbcl
            A,2026-01-21,centre,fl
            D,2027-01-01,centre,dlbcl
            E,2025-12-31,centre,dlbcl
            F,2026-01-22,centre

            """)
        let validate = try CartsimBinary.run(["validate", file.path])
        XCTAssertEqual(validate.status, 2)
        let list = folder.appendingPathComponent("list.csv").path
        for expected in [
            "\(list):3:3: referral_list: invalid date '2026-13-01': the month must be from 01 to 12",
            "\(list):4:14: referral_list: unknown centre 'centre-x'; the centres are centre",
            "\(list):5:1: referral_list: the id 'A' is already on line 2; give each patient its own id",
            "\(list):5:21: referral_list: unknown indication 'fl'; the indications are dlbcl",
            "\(list):6:3: referral_list: '2027-01-01' is at or after the horizon: referrals stop there",
            "\(list):7:3: referral_list: '2025-12-31' is before the start of the run",
            "\(list):8:1: referral_list: expected 4 fields as in the header, got 3",
        ] {
            XCTAssertTrue(validate.stdout.contains(expected), "missing \(expected) in\n\(validate.stdout)")
        }
        let header = try write("when,centre,indication\n2026-01-12,centre,dlbcl\n")
        let bad = try CartsimBinary.run(["validate", header.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stdout.contains("\(list):1:1: referral_list: expected a header with the columns centre, indication "
                                          + "and one of referral_date and referral_day, got 'when,centre,indication'"), bad.stdout)
        let missing = try writeScenario(Self.scenario(list: "nowhere.csv"), name: "missing")
        let unread = try CartsimBinary.run(["validate", missing.path])
        XCTAssertEqual(unread.status, 2)
        XCTAssertTrue(unread.stdout.contains("referral_list: cannot read the patient list"), unread.stdout)
    }
}
