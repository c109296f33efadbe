import Foundation
import XCTest

/// Product routing per centre through the binary: each product goes to the plant assigned to
/// it, a plant makes only its `products`, and a plant's own QC time replaces the product's.
final class ProductRoutingTests: FolderTestCase {
    /// One centre with two indications, each with its own fresh product and fixed durations:
    /// car-a is made at plant-a (QC 2 d, the product's), car-b at plant-b (QC 5 d, the plant's).
    static func scenario(centreKeys: String = "    plant_by_product: {car-b: plant-b}\n",
                         lanes: String = "  - {from: centre, to: plant-b, transit: 1d, return: true}\n") -> String {
        """
        name: routing
        simulation: {horizon: 20w, warmup: 2w, replications: 2, seed: 8}
        products:
          car-a: &product
            starting_material: fresh
            fresh_hold_time: 1000d
            manufacturing:
              - expansion: 7d
            qc: 2d
            qa_release: 0h
            lymphodepletion: 1d
          car-b: *product
        indications:
          dlbcl: {product: car-a}
          mcl: {product: car-b}
        sites:
          centre:
            kind: centre
            referrals: 2/week
            indication_mix: {dlbcl: 0.5, mcl: 0.5}
            apheresis: {chairs: 10, duration: 4h}
            plant: plant-a
        \(centreKeys)    beds: 100
          plant-a:
            kind: plant
            suites: 20
          plant-b:
            kind: plant
            suites: 20
            products: [car-b]
            qc: 5d
        lanes:
          - {from: centre, to: plant-a, transit: 1d, return: true}
        \(lanes)
        """
    }

    func testEachProductIsMadeAtItsPlantWithThatPlantsQC() throws {
        let file = try writeScenario(Self.scenario(), name: "routing")
        let out = folder.appendingPathComponent("out")
        let run = try CartsimBinary.run(["run", file.path, "--out", out.path, "--patients", "all", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try CSVFile(url: out.appendingPathComponent("patients.csv")).rows
        for product in ["car-a", "car-b"] {
            let mine = rows.filter { $0["product"] == product && $0["outcome"] == "infused" }
            XCTAssertGreaterThan(mine.count, 10, product)
            XCTAssertEqual(Set(mine.map { $0["plant"]! }), [product == "car-a" ? "plant-a" : "plant-b"], product)
            let qcDays = Set(mine.map { ((CSVFile.number($0, "qc_end_day") - CSVFile.number($0, "manufacturing_end_day")) * 1e4).rounded() / 1e4 })
            XCTAssertEqual(qcDays, [product == "car-a" ? 2 : 5], product)
        }
        let resources = try CSVFile(url: out.appendingPathComponent("resources.csv")).rows
        XCTAssertGreaterThan(CSVFile.number(resources.first { $0["resource"] == "plant_b_suites" }!, "utilization"), 0)
    }

    /// A product sent to a plant that does not make it, a product without a lane back, an
    /// unknown product: each reported at its key, exit status 2.
    func testBadRoutingIsReportedAtItsKey() throws {
        let cases: [(String, String)] = [
            (Self.scenario(centreKeys: "").replacingOccurrences(of: "plant: plant-a", with: "plant: plant-b"),
             "plant 'plant-b' does not make product 'car-a' (its products: car-b); route the product to a plant that makes it with plant_by_product"),
            (Self.scenario(lanes: "  - {from: centre, to: plant-b, transit: 1d}\n"),
             "sites.centre: no lane from 'plant-b' to 'centre'; products made for centre at its plant must return to it"),
            (Self.scenario(centreKeys: "    plant_by_product: {car-c: plant-b}\n"),
             "sites.centre.plant_by_product.car-c: unknown product 'car-c'; the products are car-a, car-b"),
        ]
        for (index, (text, message)) in cases.enumerated() {
            let file = try writeScenario(text, name: "bad\(index)")
            let validate = try CartsimBinary.run(["validate", file.path])
            XCTAssertEqual(validate.status, 2, text)
            XCTAssertTrue(validate.stdout.contains(message), validate.stdout)
        }
    }
}
