import Foundation
import XCTest

/// Staff pools through the binary, on a plant where staff are the only constraint (ample
/// suites and QC, one referral every six hours, so work queues for staff all the time) and
/// each roster has a known answer.
final class StaffTests: FolderTestCase {
    /// A saturated network (``OnePlantNetwork``, 4 referrals a day) whose plant has `staff`.
    static func scenario(staff: String) -> String {
        OnePlantNetwork.scenario(name: "staffed", simulation: "{horizon: 20w, warmup: 2w, replications: 3, seed: 11}",
                                 referrals: "4/day", calendars: "calendars:\n  day_shift: {hours: {mon-sun: \"08:00-16:00\"}}\n",
                                 plantSection: "    staff:\n" + staff)
    }

    /// The window is 18 weeks: 126 days.
    private let windowDays = 126.0

    /// One operator on an 8-hour shift and 4-hour hands-on steps: exactly two steps a day,
    /// and the operator is busy all the time on shift.
    func testOneOperatorMakesTwoFourHourStepsADay() throws {
        let kpis = try runSummary(of: try writeScenario(Self.scenario(staff: """
                  operators:
                    calendar: day_shift
                    head_count: 1
                    tasks:
                      expansion: {count: 1, hands_on: 4h}
            """), name: "one-operator"))
        XCTAssertEqual(kpis["releases_in_window"]?["mean"], String(format: "%.4f", 2 * windowDays))
        XCTAssertEqual(kpis["releases_in_window"]?["ci95_half_width"], "0.0000", "the roster fixes the throughput")
        XCTAssertEqual(kpis["plant_operators_utilization"]?["mean"], "1.000000")
        XCTAssertGreaterThan(CSVFile.number(kpis["plant_operators_wait_mean_days"]!, "mean"), 10, "work queues for staff")
    }

    /// Teams of two from a head count of three: one team at a time fits, so two 4-hour steps a
    /// day again, and 16 of the 24 person-hours on shift are busy.
    func testATeamOfTwoFromThreeLeavesOneIdle() throws {
        let out = folder.appendingPathComponent("team")
        let file = try writeScenario(Self.scenario(staff: """
                  operators:
                    calendar: day_shift
                    head_count: 3
                    tasks:
                      expansion: {count: 2, hands_on: 4h}
            """), name: "team")
        let run = try CartsimBinary.run(["run", file.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let kpis = Dictionary(uniqueKeysWithValues: try CSVFile(url: out.appendingPathComponent("summary.csv")).rows
            .map { ($0["kpi"]!, $0) })
        XCTAssertEqual(kpis["releases_in_window"]?["mean"], String(format: "%.4f", 2 * windowDays))
        XCTAssertEqual(kpis["plant_operators_utilization"]?["mean"], String(format: "%.6f", 16.0 / 24))
        let stages = try CSVFile(url: out.appendingPathComponent("stages.csv")).rows
        let expansion = try XCTUnwrap(stages.first { $0["stage"] == "expansion" })
        XCTAssertEqual(expansion["working_mean_days"], String(format: "%.6f", 4.0 / 24), "a step lasts its hands-on time")
        XCTAssertGreaterThan(CSVFile.number(expansion, "waiting_mean_days"), 10, "the wait for staff is the step's waiting")
        let resources = try CSVFile(url: out.appendingPathComponent("resources.csv")).rows
        XCTAssertEqual(resources.first { $0["resource"] == "plant_operators" }?["capacity"], "3")
    }

    /// QC analysts: one on an 8-hour shift with 8-hour hands-on tests makes one test a day,
    /// however much the lab could test at once.
    func testQCAnalystsLimitTheTests() throws {
        let kpis = try runSummary(of: try writeScenario(Self.scenario(staff: """
                  qc_analysts:
                    calendar: day_shift
                    head_count: 1
                    tasks:
                      qc: {count: 1, hands_on: 8h}
            """), name: "analysts"))
        XCTAssertEqual(kpis["releases_in_window"]?["mean"], String(format: "%.4f", windowDays))
        XCTAssertEqual(kpis["plant_qc_analysts_utilization"]?["mean"], "1.000000")
    }

    /// One operator until week 10, two from then on: 2 four-hour steps a day for 56 days of the
    /// window, then 4 a day for 70, and everyone busy throughout; a head count below a team is refused.
    func testHeadCountsChangeOverTime() throws {
        let pool = """
                  operators:
                    calendar: day_shift
                    head_count: 1
                    capacity_changes: [{from: 10w, head_count: 2}]
                    tasks:
                      expansion: {count: 1, hands_on: 4h}
            """
        let kpis = try runSummary(of: try writeScenario(Self.scenario(staff: pool), name: "hired"))
        XCTAssertEqual(kpis["releases_in_window"]?["mean"], String(format: "%.4f", 56 * 2 + 70 * 4.0))
        XCTAssertEqual(kpis["plant_operators_utilization"]?["mean"], "1.000000")
        let team = pool.replacingOccurrences(of: "expansion: {count: 1", with: "expansion: {count: 3")
            .replacingOccurrences(of: "head_count: 1\n", with: "head_count: 3\n")
        let validate = try CartsimBinary.run(["validate", try writeScenario(Self.scenario(staff: team), name: "short").path])
        XCTAssertEqual(validate.status, 2)
        XCTAssertTrue(validate.stdout.contains("sites.plant.staff.operators.capacity_changes: a head count of 2 from a change"
            + ": expected 3"), validate.stdout)
    }

    /// Staff are paid for their hours on shift, busy or not: one operator, 8 hours a day for the
    /// 126-day window at 50 an hour.
    func testStaffArePaidForTheirHoursOnShift() throws {
        let text = Self.scenario(staff: """
                  operators:
                    calendar: day_shift
                    head_count: 1
                    tasks:
                      expansion: {count: 1, hands_on: 4h}
            """) + "costs:\n  currency: EUR\n  plants: {staff_hour: 50}\n"
        let kpis = try runSummary(of: try writeScenario(text, name: "paid"))
        XCTAssertEqual(kpis["staff_cost"]?["mean"], String(format: "%.2f", windowDays * 8 * 50))
        XCTAssertEqual(kpis["staff_cost"]?["ci95_half_width"], "0.00")
        XCTAssertEqual(kpis["total_cost"]?["mean"], kpis["staff_cost"]?["mean"])
    }

    /// Staff keys are checked where they are written.
    func testBadStaffIsReportedAtItsKey() throws {
        let cases: [(String, String)] = [
            ("""
                  operators:
                    head_count: 1
                    tasks:
                      fermentation: {hands_on: 4h}
            """, "sites.plant.staff.operators.tasks.fermentation: unknown task 'fermentation': expected a manufacturing step (expansion, qc, release)"),
            ("""
                  operators:
                    head_count: 1
                    tasks:
                      expansion: {count: 2, hands_on: 4h}
            """, "sites.plant.staff.operators.tasks.expansion.count: the task needs 2 staff but the pool has a head count of 1: it could never start"),
            ("""
                  operators:
                    head_count: 2
                    tasks:
                      expansion: {hands_on: 4h}
                  qa:
                    head_count: 2
                    tasks:
                      expansion: {hands_on: 1h}
            """, "sites.plant.staff.qa.tasks.expansion: the task 'expansion' is already done by the pool 'operators'; a task needs one pool"),
            ("""
                  suites:
                    head_count: 2
                    tasks:
                      expansion: {hands_on: 4h}
            """, "sites.plant.staff.suites: 'suites' already names a pool of this plant (suites, qc_lab, a staff pool or a stock item); give it its own name"),
        ]
        for (index, (staff, message)) in cases.enumerated() {
            let file = try writeScenario(Self.scenario(staff: staff), name: "bad\(index)")
            let validate = try CartsimBinary.run(["validate", file.path])
            XCTAssertEqual(validate.status, 2, staff)
            XCTAssertTrue(validate.stdout.contains(message), validate.stdout)
        }
    }
}
