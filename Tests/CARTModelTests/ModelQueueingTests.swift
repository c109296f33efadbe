import XCTest
import SimKernel
import SimRandom
import CARTModel
import ScenarioFile

/// The full pathway model reduced to one queue (every other stage zero time, no failures)
/// must behave like the textbook queue.
final class ModelQueueingTests: XCTestCase {
    /// M/M/4 at ρ = 0.85, service 1 day: the suites' mean wait over 40 replications of
    /// 2,000 days (200 days warm-up, ≈ 6,100 lots each) must contain Erlang C's value in its
    /// 95 % Student-t interval (fixed seed).
    func testSuiteQueueMatchesErlangC() throws {
        let servers = 4, rho = 0.85
        let scenario = ScenarioFixtures.singleSuiteQueue(
            referralsPerDay: rho * Double(servers), suites: servers,
            service: .exponential(mean: ScenarioFixtures.day), horizonDays: 2_000, warmupDays: 200, seed: 21)
        let waits = try (0..<40).map { replication in
            try XCTUnwrap(PathwayReplication(scenario: scenario, replication: replication, keepPatients: false)
                .run().kpi("plant_suites_wait_mean_days"))
        }
        let interval = StudentTInterval(values: waits)
        let theory = erlangC(servers: servers, offeredLoad: rho * Double(servers)) / (Double(servers) * (1 - rho))
        XCTAssertTrue(interval.lower <= theory && theory <= interval.upper,
                      "Erlang C \(theory) d outside [\(interval.lower), \(interval.upper)]")
    }

    /// Little's law on work in progress: the time-average number of patients in the pathway
    /// equals the referral rate times the mean time in the pathway. Measured on one long run
    /// where every patient finishes well before the horizon ends; the 1.5 % tolerance covers
    /// the patients that straddle the window's edges.
    func testLittlesLawHoldsForWorkInProgress() throws {
        let scenario = ScenarioFixtures.singleSuiteQueue(
            referralsPerDay: 1.5, suites: 2, service: .lognormal(mu: log(ScenarioFixtures.day), sigma: 0.5),
            horizonDays: 5_000, warmupDays: 100, seed: 22)
        let result = try PathwayReplication(scenario: scenario, replication: 0, keepPatients: false).run()
        let wip = try XCTUnwrap(result.kpi("work_in_progress_mean"))
        let referrals = try XCTUnwrap(result.kpi("patients_referred"))
        let time = try XCTUnwrap(result.kpi("time_in_pathway_mean_days"))
        let lambda = referrals / 4_900
        XCTAssertEqual(wip, lambda * time, accuracy: 0.015 * wip, "L = \(wip), λW = \(lambda * time)")
    }

    private func erlangC(servers c: Int, offeredLoad a: Double) -> Double {
        var erlangB = 1.0
        for k in 1...c { erlangB = a * erlangB / (Double(k) + a * erlangB) }
        let rho = a / Double(c)
        return erlangB / (1 - rho + rho * erlangB)
    }
}
