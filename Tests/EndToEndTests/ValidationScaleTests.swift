import Foundation
import XCTest

/// Validation of a large network through the binary: lanes and sites are looked up by name,
/// not searched per centre, so validation stays near-linear in the file size. No time is
/// asserted: speed is measured by `make bench`.
final class ValidationScaleTests: FolderTestCase {
    /// A network of `centres` centres, each with a lane to and from one plant.
    private static func network(centres: Int) -> String {
        var lines = ["name: many-centres", "simulation: {horizon: 4w, replications: 1}",
                     "products:", "  car-t:", "    starting_material: fresh", "    manufacturing: [{expansion: 8d}]",
                     "    qc: 7d", "indications:", "  dlbcl: {product: car-t}",
                     "sites:", "  plant: {kind: plant, suites: 2000}"]
        for i in 0..<centres {
            lines.append("  centre-\(i): {kind: centre, referrals: 1/year, indication_mix: {dlbcl: 1}, "
                         + "apheresis: {chairs: 1}, plant: plant}")
        }
        lines.append("lanes:")
        for i in 0..<centres { lines.append("  - {from: centre-\(i), to: plant, transit: 1d, return: true}") }
        return lines.joined(separator: "\n") + "\n"
    }

    func testThreeThousandCentresValidate() throws {
        let file = folder.appendingPathComponent("many-centres.yaml")
        try Data(Self.network(centres: 3_000).utf8).write(to: file)
        let validate = try CartsimBinary.run(["validate", file.path])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertEqual(validate.stdout, "\(file.path): ok: 'many-centres' — 3000 centres, 1 plants, 0 hubs, 6000 lanes, "
                       + "1 products, 1 indications; horizon 28.0 d, 1 replications\n")
        XCTAssertEqual(validate.stderr, "")
    }
}
