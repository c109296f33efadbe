import XCTest
import ScenarioFile
@testable import CARTModel

/// Stock reserved for a batch that never starts goes back: after a run in which most
/// patients drop out while their batch waits for stock or a suite, or their fresh material
/// expires there, no unit is left reserved and every unit is accounted for.
final class StockReservationTests: XCTestCase {
    static let scenario = """
        name: reservations
        simulation: {horizon: 30w, warmup: 0w, replications: 1, seed: 5}
        products:
          car-t:
            starting_material: fresh
            fresh_hold_time: 4d
            manufacturing:
              - expansion: 3d
            qc: 0h
            qa_release: 0h
            lymphodepletion: 1d
        indications:
          dlbcl: {product: car-t, time_to_dropout: {exponential: {mean: 6d}}}
        sites:
          centre:
            kind: centre
            referrals: 3/day
            apheresis: {chairs: 40, duration: 4h}
            plant: plant
            beds: 1000
            post_infusion_stay: 1d
          plant:
            kind: plant
            suites: 2
            stock:
              vector: {initial: 3, deliveries: {every: 2d, quantity: 2}}
              kits: {per_batch: 2, initial: 4, reorder: {point: 3, quantity: 5}, lead_time: {exponential: {mean: 3d}}}
        lanes:
          - {from: centre, to: plant, transit: 12h, return: true}

        """

    func testReservedStockIsReturnedWhenTheBatchNeverStarts() throws {
        let scenario = try ScenarioLoader.load(text: Self.scenario, file: "reservations.yaml")
        for replication in 0..<5 {
            let model = try PathwayReplication(scenario: scenario, replication: replication, keepPatients: false)
            let result = model.run()
            XCTAssertGreaterThan(result.kpi("dropout_fraction") ?? 0, 0.3, "most patients drop out while waiting")
            XCTAssertGreaterThan(result.kpi("material_lost_fraction") ?? 0, 0, "fresh material expires while waiting")
            for stock in model.plants[0].stock {
                XCTAssertEqual(stock.units.busy, 0, "\(stock.spec.name): no unit stays reserved after every pathway ended")
                XCTAssertEqual(stock.units.waitingCount, 0, "\(stock.spec.name): nobody waits at the end")
            }
        }
    }
}
