import Foundation
import XCTest
import SimRandom
import Experiments

/// Capacity plans: the bisection, the target, and a plan on the axi-cel-like example
/// checked against its definition.
final class CapacityPlanTests: XCTestCase {
    /// For every threshold in and around the range, the answer is the smallest value that
    /// holds, the one below it was evaluated and failed, no value is evaluated twice, and
    /// there are at most ⌈log₂(max − min)⌉ + 2 evaluations.
    func testBisectionFindsTheSmallestValueThatHolds() {
        for range in [3...3, 0...1, 8...20, 1...100] {
            for threshold in (range.lowerBound - 1)...(range.upperBound + 1) {
                let search = CapacityPlanSearch(range: range, evaluate: { $0 >= threshold }, isMet: { $0 })
                let values = search.evaluated.map(\.value)
                XCTAssertEqual(Set(values).count, values.count, "\(range) \(threshold)")
                let bound = Int(log2(Double(max(1, range.count - 1))).rounded(.up)) + 2
                XCTAssertLessThanOrEqual(values.count, bound, "\(range) \(threshold)")
                guard threshold <= range.upperBound else {
                    XCTAssertNil(search.answer)
                    XCTAssertEqual(values, [range.upperBound])
                    continue
                }
                let answer = max(threshold, range.lowerBound)
                XCTAssertEqual(search.answer, answer, "\(range) \(threshold)")
                if answer > range.lowerBound {
                    XCTAssertEqual(search.evaluated.first { $0.value == answer - 1 }?.result, false)
                }
            }
        }
    }

    func testTargets() throws {
        let atMost = try CapacityPlanTarget(parsing: "vein_to_vein_p90_days<=28")
        XCTAssertEqual(atMost, CapacityPlanTarget(kpi: "vein_to_vein_p90_days", relation: .atMost, value: 28))
        XCTAssertEqual(atMost.description, "vein_to_vein_p90_days<=28")
        let atLeast = try CapacityPlanTarget(parsing: " infusions_per_year >= 450.5 ")
        XCTAssertEqual(atLeast, CapacityPlanTarget(kpi: "infusions_per_year", relation: .atLeast, value: 450.5))
        for bad in ["x<5", "x=5", "<=5", "x<=", "x<=abc", "x<=inf"] {
            XCTAssertThrowsError(try CapacityPlanTarget(parsing: bad), bad)
        }
        // The whole interval must meet the target: [27, 29] does not meet <= 28.
        let interval = StudentTInterval(values: [27, 29])
        XCTAssertFalse(atMost.isMet(by: interval))
        XCTAssertTrue(CapacityPlanTarget(kpi: "k", relation: .atMost, value: interval.upper).isMet(by: interval))
        XCTAssertTrue(CapacityPlanTarget(kpi: "k", relation: .atLeast, value: interval.lower).isMet(by: interval))
        XCTAssertFalse(CapacityPlanTarget(kpi: "k", relation: .atLeast, value: 28).isMet(by: interval))
        XCTAssertFalse(atMost.isMet(by: StudentTInterval(values: [20])), "one replication says nothing")
    }

    /// Close names share words of the unknown one, most shared first (ties in model order).
    func testUnknownKPIListsCloseNames() {
        let names = ["vein_to_vein_p90_days", "infusions_per_year", "plant_west_suites_wait_mean_days",
                     "plant_west_qc_lab_wait_mean_days", "plant_west_suites_utilization"]
        let target = CapacityPlanTarget(kpi: "plant_west_suite_wait_days", relation: .atMost, value: 1)
        XCTAssertThrowsError(try target.check(among: names)) { error in
            XCTAssertEqual((error as? UsageError)?.description,
                           "--target: unknown KPI 'plant_west_suite_wait_days'; close names: "
                           + "plant_west_suites_wait_mean_days, plant_west_qc_lab_wait_mean_days, "
                           + "plant_west_suites_utilization, vein_to_vein_p90_days")
        }
        XCTAssertThrowsError(try CapacityPlanTarget(kpi: "x", relation: .atMost, value: 1).check(among: names)) { error in
            XCTAssertEqual((error as? UsageError)?.description, "--target: unknown KPI 'x'; KPIs: " + names.joined(separator: ", "))
        }
        XCTAssertNoThrow(try CapacityPlanTarget(kpi: "infusions_per_year", relation: .atLeast, value: 1).check(among: names))
    }

    /// Suites of the axi-cel-like plant from 8 to 20 for a mean suite wait of at most half a
    /// day (16 suites, the example's value, gives about 0.33 d; 8 suites are overloaded).
    /// The answer is the smallest feasible value among the evaluated points, answer − 1 was
    /// evaluated and failed, and evaluating both neighbours directly, outside the plan, gives
    /// the same verdicts (same seed and replications: the same random numbers).
    func testPlanAnswerIsTheSmallestFeasibleEvaluatedValue() throws {
        let folder = try AnalystFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try AnalystFixtures.shortCopy(named: "axicel.yaml", in: folder)
        let target = try CapacityPlanTarget(parsing: "plant_west_suites_wait_mean_days<=0.5")
        let plan = try CapacityPlanRun(scenarioFile: file, path: "sites.plant-west.suites", range: 8...20,
                                       target: target, settings: AnalystFixtures.settings)
        let outcome = try plan.execute(writingTo: ResultsDestination.check(folder.appendingPathComponent("plan").path, source: plan.resultsSource, isDefault: false))
        let answer = try XCTUnwrap(outcome.answer)
        XCTAssertEqual(answer, outcome.points.filter(\.feasible).map(\.value).min())
        XCTAssertGreaterThan(answer, 8)
        XCTAssertEqual(outcome.points.first { $0.value == answer - 1 }?.feasible, false)

        let variants = SweepVariants(scenarioFile: file, paths: ["sites.plant-west.suites"],
                                     settings: AnalystFixtures.settings)
        for (value, feasible) in [(answer, true), (answer - 1, false)] {
            let samples = try variants.samples(of: variants.scenario(values: [String(value)]))
            let interval = try XCTUnwrap(samples.summary(of: target.kpi)).interval
            XCTAssertEqual(target.isMet(by: interval), feasible, "\(value): \(interval)")
            XCTAssertEqual(interval, outcome.points.first { $0.value == value }?.summary.interval)
        }

        let lines = try AnalystFixtures.lines(folder.appendingPathComponent("plan/plan.csv"))
        XCTAssertEqual(lines[0], "point,value,kpi,mean,ci95_low,ci95_high,ci95_half_width,replications,target,feasible")
        XCTAssertEqual(lines.count, 1 + outcome.points.count)
        for (index, point) in outcome.points.enumerated() {
            XCTAssertTrue(lines[index + 1].hasPrefix("\(index),\(point.value),plant_west_suites_wait_mean_days,"))
            XCTAssertTrue(lines[index + 1].hasSuffix(",20,plant_west_suites_wait_mean_days<=0.5,\(point.feasible)"))
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan/run.json")))
        let object = try XCTUnwrap(json as? [String: Any])
        XCTAssertEqual(object["answer"] as? Int, answer)
        XCTAssertEqual(object["evaluated"] as? [Int], outcome.points.map(\.value))
        XCTAssertEqual(object["target_kpi"] as? String, target.kpi)
    }

    func testPlanWithAnUnreachableTargetAnswersNone() throws {
        let folder = try AnalystFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try AnalystFixtures.shortCopy(named: "axicel.yaml", in: folder)
        let plan = try CapacityPlanRun(scenarioFile: file, path: "sites.plant-west.suites", range: 8...10,
                                       target: CapacityPlanTarget(kpi: "vein_to_vein_p90_days", relation: .atMost, value: 5),
                                       settings: SweepSettings(replications: 5, jobs: 2))
        let outcome = try plan.execute(writingTo: ResultsDestination.check(folder.appendingPathComponent("plan").path, source: plan.resultsSource, isDefault: false))
        XCTAssertNil(outcome.answer)
        XCTAssertEqual(outcome.points.map(\.value), [10])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan/run.json")))
        XCTAssertTrue((json as? [String: Any])?["answer"] is NSNull)
    }
}
