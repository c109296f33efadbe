import Foundation
import XCTest

/// YAML merge keys: `<<: *centre` copies the entries of the anchored mapping that the site
/// does not write itself, so a ten-centre network need not be written out in full. A
/// scenario written with merge keys runs exactly as the one written out.
final class YAMLMergeKeyTests: FolderTestCase {
    private static let merged = """
        name: merge-keys
        simulation: {horizon: 20w, replications: 2, seed: 4}
        products:
          car-t:
            starting_material: fresh
            manufacturing:
              - expansion: {lognormal: {median: 7d, p90: 9d}}
            qc: 7d
        indications:
          dlbcl: {product: car-t}
        sites:
          centre-a: &centre
            kind: centre
            referrals: 1/week
            apheresis: {chairs: 1}
            plant: plant
            beds: 2
          centre-b:
            <<: *centre
            referrals: 2/week
          plant:
            kind: plant
            suites: 4
        lanes:
          - {from: centre-a, to: plant, transit: 1d, return: true}
          - {from: centre-b, to: plant, transit: 1d, return: true}

        """

    private func replications(_ text: String, _ name: String) throws -> Data {
        let file = folder.appendingPathComponent("\(name).yaml")
        try Data(text.utf8).write(to: file)
        let out = folder.appendingPathComponent(name)
        let run = try CartsimBinary.run(["run", file.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try Data(contentsOf: out.appendingPathComponent("replications.csv"))
    }

    func testAMergedSiteRunsLikeTheSiteWrittenOut() throws {
        let writtenOut = Self.merged.replacingOccurrences(of: """
              centre-b:
                <<: *centre
                referrals: 2/week
            """, with: """
              centre-b:
                kind: centre
                referrals: 2/week
                apheresis: {chairs: 1}
                plant: plant
                beds: 2
            """)
        XCTAssertNotEqual(writtenOut, Self.merged)
        XCTAssertEqual(try replications(Self.merged, "merged"), try replications(writtenOut, "written-out"))
    }

    func testAMergeKeyNeedsAMapping() throws {
        let file = folder.appendingPathComponent("bad.yaml")
        try Data(Self.merged.replacingOccurrences(of: "<<: *centre", with: "<<: 5").utf8).write(to: file)
        let result = try CartsimBinary.run(["validate", file.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.contains("\(file.path):19:9: sites.centre-b.<<: a merge key '<<' takes a mapping or a "
                                             + "list of mappings, such as *centre or [*centre, *big], not '5'"), result.stdout)
    }
}
