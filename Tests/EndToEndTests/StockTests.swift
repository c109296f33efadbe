import Foundation
import XCTest

/// Stock through the binary, on a plant where stock is the only constraint (ample chairs,
/// suites and QC, no calendars, fixed delays), so that batches reach the plant as a Poisson
/// stream and each replenishment rule has a known answer.
final class StockTests: FolderTestCase {
    /// One referral a day for `horizon` on ``OnePlantNetwork``, whose plant has `stock`.
    static func scenario(stock: String, horizon: String = "400w", referrals: String = "1/day") -> String {
        OnePlantNetwork.scenario(name: "stocked", simulation: "{horizon: \(horizon), warmup: 4w, replications: 10, seed: 11}",
                                 referrals: referrals, plantSection: "    stock:\n" + stock)
    }

    /// Continuous review (s, Q) = (2, 5) with a fixed 7-day lead time and Poisson demand of one
    /// a day: the position is uniform on 3 … 7 and the lead-time demand D is Poisson(7), so the
    /// mean on hand is E[(position − D)⁺], the mean wait E[(D − position)⁺] / λ (Little) and the
    /// share of batches that wait P(D ≥ position) (PASTA); one order per 5 units used.
    func testReorderPolicyFollowsTheTextbookModel() throws {
        let kpis = try runSummary(of: try writeScenario(Self.scenario(stock: """
                  vector:
                    initial: 7
                    reorder: {point: 2, quantity: 5}
                    lead_time: 7d
            """), name: "reorder"))
        let demand = 7.0, positions = 3...7
        let poisson = (0..<60).map { d in exp(-demand + Double(d) * log(demand) - lgamma(Double(d) + 1)) }
        func average(_ term: (Int, Int) -> Double) -> Double {
            positions.map { position in poisson.indices.reduce(0) { $0 + poisson[$1] * term(position, $1) } }
                .reduce(0, +) / Double(positions.count)
        }
        let onHand = average { Double(max($0 - $1, 0)) }
        let wait = average { Double(max($1 - $0, 0)) }
        let stockOut = average { $1 >= $0 ? 1 : 0 }
        assertInterval(kpis["plant_vector_stock_mean"], contains: onHand, "mean on hand")
        assertInterval(kpis["plant_vector_stock_wait_mean_days"], contains: wait, "mean wait for stock")
        let used = CSVFile.number(kpis["plant_vector_units_used_in_window"]!, "mean")
        let outs = CSVFile.number(kpis["plant_vector_stock_outs_in_window"]!, "mean")
        XCTAssertEqual(outs / used, stockOut, accuracy: 0.01, "share of batches that wait")
        XCTAssertEqual(CSVFile.number(kpis["plant_vector_orders_in_window"]!, "mean"), used / 5, accuracy: 1)
        XCTAssertEqual(kpis["stock_outs_in_window"]?["mean"], kpis["plant_vector_stock_outs_in_window"]?["mean"])
    }

    /// A fixed schedule with no demand gives the stock path by hand: 3 units a week from
    /// week 1, none delivered while a disruption holds them back (weeks 10–13), four weeks'
    /// worth at its end (day 98) with that week's own; a lot that fails release never arrives.
    func testScheduledDeliveriesAndADisruptionGiveTheStockPath() throws {
        let out = folder.appendingPathComponent("schedule")
        let file = try writeScenario(Self.scenario(stock: """
                  kits:
                    initial: 0
                    deliveries: {every: 7d, quantity: 3}
                    disruptions: [{from: 10w, for: 4w}]
            """, horizon: "20w", referrals: "0/day"), name: "schedule")
        let run = try CartsimBinary.run(["run", file.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let weeks = try CSVFile(url: out.appendingPathComponent("timeseries.csv")).rows
        XCTAssertEqual(weeks.count, 20)
        for (index, week) in weeks.enumerated() {
            // Deliveries at the end of week w (day 7(w + 1)) count in that week's level.
            let delivered = index + 1
            let expected = (9...12).contains(index) ? 9 * 3 : 3 * delivered
            XCTAssertEqual(week["stock_plant_kits_mean"], String(format: "%.4f", Double(expected)), "week \(index)")
            XCTAssertEqual(week["stock_plant_kits_p5"], week["stock_plant_kits_p95"], "no randomness in week \(index)")
        }
    }

    /// Half the delivered lots fail release: about half the scheduled deliveries arrive.
    func testLotsFailingReleaseAreDiscarded() throws {
        let kpis = try runSummary(of: try writeScenario(Self.scenario(stock: """
                  kits:
                    initial: 5
                    deliveries: {every: 1d, quantity: 2}
                    release_failure: 50%
            """, horizon: "40w"), name: "release"))
        let dispatched = CSVFile.number(kpis["plant_kits_orders_in_window"]!, "mean")
        XCTAssertEqual(dispatched, 36 * 7, accuracy: 1, "one dispatch a day in the 36-week window")
        assertInterval(kpis["plant_kits_lots_failed_in_window"], contains: dispatched / 2, "lots failed")
        assertInterval(kpis["plant_kits_deliveries_in_window"], contains: dispatched / 2, "lots delivered")
    }

    /// Stock keys are checked where they are written.
    func testBadStockIsReportedAtItsKey() throws {
        let cases: [(String, String)] = [
            ("""
                  vector:
                    initial: 5
                    reorder: {point: 2, quantity: 5}
            """, "sites.plant.stock.vector: a stock replenished by 'reorder' needs a 'lead_time' (use 0d for deliveries at once)"),
            ("""
                  vector:
                    initial: 5
                    reorder: {point: 2, quantity: 5}
                    deliveries: {every: 7d, quantity: 3}
                    lead_time: 7d
            """, "sites.plant.stock.vector.deliveries: a stock is replenished by 'reorder' or by 'deliveries', not both"),
            ("""
                  vector:
                    initial: 5
            """, "sites.plant.stock.vector: a stock needs 'reorder' {point, quantity} or 'deliveries' {every, quantity}"),
            ("""
                  vector:
                    products: [car-x]
                    initial: 5
                    deliveries: {every: 7d, quantity: 3}
            """, "sites.plant.stock.vector.products[0]: unknown product 'car-x'"),
            ("""
                  vector:
                    initial: 5
                    deliveries: {every: 7d, quantity: 0}
            """, "sites.plant.stock.vector.deliveries.quantity: expected an integer from 1 to 1000000000, got '0'"),
        ]
        for (index, (stock, message)) in cases.enumerated() {
            let file = try writeScenario(Self.scenario(stock: stock), name: "bad\(index)")
            let validate = try CartsimBinary.run(["validate", file.path])
            XCTAssertEqual(validate.status, 2, stock)
            XCTAssertTrue(validate.stdout.contains(message), validate.stdout)
        }
    }
}
