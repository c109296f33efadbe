import Foundation
import XCTest

/// Patients carry their own randomness: a change at one centre leaves the draws of every
/// other centre's patients as they were. With ample capacity nothing else links the centres,
/// so the other centre's patients.csv rows must be identical, byte for byte. (0.2.0 drew
/// product and indication inputs from streams shared by all centres, in event order: centre
/// A's lost shipments, re-collected and made again, shifted centre B's manufacturing draws.)
final class CommonRandomNumberTests: FolderTestCase {
    private static let scenario = """
        name: crn
        simulation: {horizon: 40w, warmup: 0d, replications: 2, seed: 21}
        products:
          car-t:
            starting_material: fresh
            manufacturing:
              - expansion: {lognormal: {median: 7d, p90: 9d}}
            qc: {triangular: [6d, 7d, 9d]}
            qa_release: 4h
            yield: {cells_collected: {lognormal: {median: 1e9, p90: 2e9}}, expansion_fold: {lognormal: {median: 5, p90: 15}},
                    target_dose: 1e9, residual_failure_probability: 3%}
            out_of_spec: {exception_infusion_probability: 0.3, remanufacture_probability: 0.5, recollect_probability: 0.5,
                          max_attempts: 3}
        indications:
          dlbcl: {product: car-t, time_to_dropout: {exponential: {mean: 200d}}, bridging_probability: 0.5, bridging_factor: 1.5}
        sites:
          centre-a: &centre
            kind: centre
            referrals: 2/week
            referral_to_apheresis: {uniform: [3d, 10d]}
            apheresis: {chairs: 20, duration: 4h}
            plant: plant
            lymphodepletion_scheduling: {uniform: [1d, 4d]}
            beds: 100
            post_infusion_stay: {lognormal: {median: 12d, p90: 20d}}
          centre-b: *centre
          plant:
            kind: plant
            suites: 100
            qc_capacity: 100
        lanes:
          - {from: centre-a, to: plant, transit: {uniform: [18h, 30h]}, loss_probability: LOSS, return: true}
          - {from: centre-b, to: plant, transit: {uniform: [18h, 30h]}, return: true}

        """

    private func rows(loss: String) throws -> [String] {
        let file = folder.appendingPathComponent("crn-\(loss).yaml")
        try Data(Self.scenario.replacingOccurrences(of: "LOSS", with: loss).utf8).write(to: file)
        let out = folder.appendingPathComponent("out-\(loss)")
        let run = try CartsimBinary.run(["run", file.path, "--patients", "all", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try String(contentsOf: out.appendingPathComponent("patients.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    func testAChangeAtOneCentreLeavesTheOtherCentresPatientsAsTheyWere() throws {
        let base = try rows(loss: "0"), changed = try rows(loss: "20%")
        let other = { (rows: [String]) in rows.filter { $0.contains(",centre-b,") } }
        XCTAssertGreaterThan(other(base).count, 100)
        XCTAssertEqual(other(base), other(changed), "centre-b's patients are untouched by centre-a's losses")
        let changedA = Set(changed.filter { $0.contains(",centre-a,") })
        XCTAssertGreaterThan(base.filter { $0.contains(",centre-a,") && !changedA.contains($0) }.count, 10,
                             "centre-a's own patients did change")
    }
}
