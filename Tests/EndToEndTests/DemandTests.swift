import Foundation
import XCTest

/// Demand over time through the binary, on the network of ``OptimiseTests`` (one referral a day,
/// Poisson; the window is days 56 to 728), where each rule has a known expected count of
/// referrals in the window.
final class DemandTests: FolderTestCase {
    private func referred(_ name: String, _ edit: (String) -> String) throws -> [String: String]? {
        let text = edit(OptimiseTests.scenario)
        XCTAssertNotEqual(text, OptimiseTests.scenario)
        return try runSummary(of: try writeScenario(text, name: name))["patients_referred"]
    }

    private func withDemand(_ demand: String) -> (String) -> String {
        { $0 + "demand: \(demand)\n" }
    }

    func testAFactorScalesEveryRate() throws {
        assertInterval(try referred("factor", withDemand("{factor: 2}")), contains: 2 * 672, "factor 2")
    }

    /// +100 % a year: 1/day in days 56–364, 2/day in days 365–727: 309 + 2 · 363.
    func testGrowthCompoundsAtEachAnniversary() throws {
        assertInterval(try referred("growth", withDemand("{growth_per_year: 100%}")), contains: 309 + 2 * 363, "growth")
    }

    /// Three times the rate for 10 weeks: 672 + 2 · 70.
    func testASurgeRaisesTheRateWhileItLasts() throws {
        assertInterval(try referred("surge", withDemand("{surges: [{from: 20w, for: 10w, factor: 3}]}")), contains: 672 + 2 * 70, "surge")
    }

    /// A centre onboarded at week 52 refers from day 364: 728 − 364.
    func testACentreRefersFromItsOnboarding() throws {
        let row = try referred("onboarding") { $0.replacingOccurrences(of: "    referrals: 1/day\n",
                                                                       with: "    referrals: 1/day\n    onboarding: 52w\n") }
        assertInterval(row, contains: 364, "onboarding")
    }

    /// `factor: 1` changes nothing, byte for byte; a sweep of the factor is one axis.
    func testAFactorOfOneChangesNothingAndSweepsAsOneAxis() throws {
        let plain = folder.appendingPathComponent("plain.yaml"), unit = folder.appendingPathComponent("unit.yaml")
        try Data(OptimiseTests.scenario.utf8).write(to: plain)
        try Data((OptimiseTests.scenario + "demand: {factor: 1}\n").utf8).write(to: unit)
        var patients: [Data] = []
        for file in [plain, unit] {
            let out = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent)
            let run = try CartsimBinary.run(["run", file.path, "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            patients.append(try Data(contentsOf: out.appendingPathComponent("patients.csv")))
        }
        XCTAssertEqual(patients[0], patients[1])
        let out = folder.appendingPathComponent("sweep")
        let sweep = try CartsimBinary.run(["sweep", unit.path, "--set", "demand.factor=1,1.5", "--out", out.path, "--quiet"])
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
    }

    func testBadDemandIsRefusedWithItsPlace() throws {
        let file = folder.appendingPathComponent("bad.yaml")
        try Data((OptimiseTests.scenario + "demand: {growth_per_year: -100%, surges: [{from: 2w, factor: 2}]}\n").utf8).write(to: file)
        let validate = try CartsimBinary.run(["validate", file.path])
        XCTAssertEqual(validate.status, 2)
        XCTAssertTrue(validate.stdout.contains("demand.growth_per_year: expected a change above -100%"), validate.stdout)
        XCTAssertTrue(validate.stdout.contains("demand.surges[0]: missing required key 'for'")
                      || validate.stdout.contains("demand.surges[0]") && validate.stdout.contains("'for'"), validate.stdout)
    }
}
