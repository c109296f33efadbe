import Foundation
import XCTest
import SimRandom
import Experiments

/// Comparisons with common random numbers, checked against their definitions.
final class ComparisonTests: XCTestCase {
    func testAScenarioComparedWithItselfDiffersByExactlyZero() throws {
        let scenario = try AnalystFixtures.axicel()
        let a = try SweepSamples(running: scenario, jobs: 2)
        let b = try SweepSamples(running: scenario, jobs: 2)
        let comparison = Comparison(a: a, b: b)
        XCTAssertEqual(comparison.rows.map(\.kpi), a.names)
        for row in comparison.rows where row.replications > 0 {
            XCTAssertEqual(row.meanA, row.meanB, row.kpi)
            XCTAssertEqual(row.difference.mean, 0, row.kpi)
            XCTAssertEqual(row.difference.halfWidth, 0, row.kpi)
            XCTAssertEqual(row.difference.lower, 0, row.kpi)
            XCTAssertEqual(row.difference.upper, 0, row.kpi)
            XCTAssertFalse(row.excludesZero, row.kpi)
        }
        let row = try XCTUnwrap(comparison.row("vein_to_vein_mean_days"))
        XCTAssertEqual(row.replications, 20)
        XCTAssertGreaterThan(row.unpairedHalfWidth, 0)
    }

    /// One more suite at the plant (17 instead of 16) changes vein-to-vein by a fraction of
    /// a day. With common random numbers, replication i of both variants sees the same
    /// referrals, collections, transits, yields and QC times, so the two means move together
    /// from replication to replication and most of their variance cancels in the paired
    /// differences; the unpaired (Welch) interval treats them as independent and keeps that
    /// variance. Measured at seed 20260105 with 20 replications: paired 0.043 d, unpaired
    /// 0.280 d. Fixed seed, so the factor 0.5 is not a chance event.
    func testPairedIntervalIsMuchNarrowerThanTheUnpairedOne() throws {
        let a = try SweepSamples(running: try AnalystFixtures.axicel(), jobs: 2)
        let b = try SweepSamples(running: try AnalystFixtures.axicel([("sites.plant-west.suites", "17")]), jobs: 2)
        let row = try XCTUnwrap(Comparison(a: a, b: b).row("vein_to_vein_mean_days"))
        XCTAssertGreaterThan(row.difference.halfWidth, 0)
        XCTAssertLessThanOrEqual(row.difference.halfWidth, 0.5 * row.unpairedHalfWidth,
                                 "paired \(row.difference.halfWidth) vs unpaired \(row.unpairedHalfWidth)")
        // The definition: a Student-t interval on the per-replication differences B − A.
        let valuesA = try XCTUnwrap(a.values(of: "vein_to_vein_mean_days"))
        let valuesB = try XCTUnwrap(b.values(of: "vein_to_vein_mean_days"))
        XCTAssertEqual(row.difference, StudentTInterval(values: zip(valuesA, valuesB).map { $1 - $0 }))
        XCTAssertEqual(row.meanA, StudentTInterval(values: valuesA).mean)
        XCTAssertEqual(row.meanB, StudentTInterval(values: valuesB).mean)
    }

    /// Against a constant sample, Welch's degrees of freedom are n − 1 exactly, so its
    /// half-width is the one-sample Student-t half-width.
    func testUnpairedHalfWidthIsWelchs() {
        let values: [Double] = [3.1, 2.7, 4.4, 3.9, 2.2, 3.3]
        let row = ComparisonRow(kpi: "k", a: values, b: Array(repeating: 5, count: values.count))
        XCTAssertEqual(row.unpairedHalfWidth, StudentTInterval(values: values).halfWidth, accuracy: 1e-12)
        XCTAssertTrue(row.excludesZero)
        XCTAssertEqual(ComparisonRow(kpi: "k", a: [1, 1, 1], b: [1, 1, 1]).unpairedHalfWidth, 0)
        XCTAssertTrue(ComparisonRow(kpi: "k", a: [1], b: [2]).unpairedHalfWidth.isNaN)
    }

    /// A replication where either side has no value (NaN: no infused patient) is left out of
    /// the pairs.
    func testUndefinedValuesAreLeftOutOfThePairs() {
        let row = ComparisonRow(kpi: "k", a: [1, .nan, 3, 4], b: [2, 5, .nan, 6])
        XCTAssertEqual(row.replications, 2)
        XCTAssertEqual(row.meanA, 2.5)
        XCTAssertEqual(row.meanB, 4)
        XCTAssertEqual(row.difference.mean, 1.5)
    }

    func testKPIsMissingInOneScenarioAreSkipped() {
        let a = SweepSamples(names: ["x", "only_a", "y"], values: [[1, 2], [3, 4], [5, 6]])
        let b = SweepSamples(names: ["y", "x", "only_b"], values: [[5, 7], [1, 3], [0, 0]])
        let comparison = Comparison(a: a, b: b)
        XCTAssertEqual(comparison.rows.map(\.kpi), ["x", "y"])
        // Counts ("x", "y" have no unit suffix) averaged over replications are levels: 4 decimals.
        func f(_ value: Double) -> String { String(format: "%.4f", value) }
        let x = comparison.rows[0], y = comparison.rows[1]
        XCTAssertEqual(comparison.csv, """
            kpi,mean_a,mean_b,difference_mean,difference_ci95_low,difference_ci95_high,difference_ci95_half_width,\
            unpaired_ci95_half_width,excludes_zero,replications
            x,1.5000,2.0000,0.5000,\(f(x.difference.lower)),\(f(x.difference.upper)),\
            \(f(x.difference.halfWidth)),\(f(x.unpairedHalfWidth)),false,2
            y,5.5000,6.0000,0.5000,\(f(y.difference.lower)),\(f(y.difference.upper)),\
            \(f(y.difference.halfWidth)),\(f(y.unpairedHalfWidth)),false,2

            """)
    }

    func testCompareRunWritesItsFilesWithASharedSeed() throws {
        let folder = try AnalystFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fileA = try AnalystFixtures.shortCopy(named: "a.yaml", in: folder)
        let fileB = try AnalystFixtures.shortCopy(named: "b.yaml", in: folder,
                                                  replacing: [("seed: 20260105", "seed: 99"), ("suites: 16", "suites: 17")])
        let run = try ComparisonRun(fileA: fileA, fileB: fileB, settings: SweepSettings(replications: 5, jobs: 2))
        XCTAssertEqual(run.scenarioB.simulation.seed, 20260105, "B runs with A's seed")
        let out = folder.appendingPathComponent("out")
        let comparison = try run.execute(writingTo: ResultsDestination.check(out.path, source: run.resultsSource, isDefault: false)).comparison
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(),
                       ["compare.csv", "run.json", "summary_a.csv", "summary_b.csv"])
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("compare.csv"), encoding: .utf8), comparison.csv)
        XCTAssertEqual(try AnalystFixtures.lines(out.appendingPathComponent("summary_a.csv")).first,
                       "kpi,mean,sd,ci95_low,ci95_high,ci95_half_width,min,max,replications")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
        let object = try XCTUnwrap(json as? [String: Any])
        XCTAssertEqual(object["kind"] as? String, "compare")
        XCTAssertEqual(object["seed"] as? Int, 20260105)
        XCTAssertEqual(object["replications"] as? Int, 5)
        XCTAssertEqual(object["scenario_a"] as? String, "axicel-central-fresh")
    }
}
