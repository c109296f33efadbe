import Foundation
import XCTest

/// Values at the edge of what a scenario may say, through the binary: beyond the bounds that
/// keep the simulation clock from overflowing, a scenario error (exit 2, nothing written);
/// within them, however extreme (a heavy tail, a hundredfold bridging), a run that finishes.
final class ExtremeInputTests: FolderTestCase {
    /// A small valid scenario; each case edits one line of it.
    private static let base = """
        name: extreme
        simulation: {horizon: 20w, replications: 2}
        products:
          car-t:
            starting_material: fresh
            manufacturing:
              - expansion: 7d
            qc: 7d
            lymphodepletion_plan: ahead_of_release
        indications:
          dlbcl: {product: car-t, time_to_dropout: 300d, bridging_probability: 1, bridging_factor: 2}
        sites:
          centre:
            kind: centre
            referrals: 1/week
            apheresis: {chairs: 1}
            plant: plant
          plant:
            kind: plant
            suites: 2
        lanes:
          - {from: centre, to: plant, transit: 1d, return: true}

        """

    /// `base` with `old` replaced by `new`, written to the test folder as `name.yaml`.
    private func scenario(_ name: String, replacing old: String, with new: String) throws -> URL {
        XCTAssertTrue(Self.base.contains(old), "\(name): '\(old)' is not in the base scenario")
        let file = folder.appendingPathComponent("\(name).yaml")
        try Data(Self.base.replacingOccurrences(of: old, with: new).utf8).write(to: file)
        return file
    }

    /// The names in the test folder other than scenario files: outputs, hidden temporary folders.
    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".yaml") }.sorted()
    }

    func testValuesThatWouldOverflowTheClockAreScenarioErrors() throws {
        let cases = [
            ("bridging", "bridging_factor: 2", "bridging_factor: 9223372036854775807",
             ":11:92: indications.dlbcl.bridging_factor: expected a number from 1 to 100, got '9223372036854775807'"),
            ("bridging-101", "bridging_factor: 2", "bridging_factor: 101",
             ":11:92: indications.dlbcl.bridging_factor: expected a number from 1 to 100, got '101'"),
            ("horizon", "horizon: 20w", "horizon: 52000000000w",
             ":2:23: simulation.horizon: duration must be at most 100 years (36500d), got '52000000000w'"),
            ("dropout", "time_to_dropout: 300d", "time_to_dropout: {exponential: 36501d}",
             ":11:58: indications.dlbcl.time_to_dropout.exponential: duration must be at most 100 years (36500d), "
                + "got '36501d'"),
        ]
        for (name, old, new, message) in cases {
            let file = try scenario(name, replacing: old, with: new)
            let out = folder.appendingPathComponent("out-\(name)")
            let run = try CartsimBinary.run(["run", file.path, "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 2, name)
            XCTAssertEqual(run.stderr, file.path + message + "\n", name)
            XCTAssertEqual(try leftovers(), [], "\(name) left something behind")
            let validate = try CartsimBinary.run(["validate", file.path])
            XCTAssertEqual(validate.status, 2, name)
            XCTAssertEqual(validate.stdout, file.path + message + "\n", name)
        }
    }

    /// The largest values allowed, and distributions whose draws or medians are infinite in
    /// seconds, run to the end: drawn durations are cut at 10,000 years and the clock never
    /// overflows.
    func testExtremeValidValuesRunToTheEnd() throws {
        let cases = [
            ("horizon-100y", "horizon: 20w", "horizon: 36500d"),
            ("bridging-100", "time_to_dropout: 300d, bridging_probability: 1, bridging_factor: 2",
             "time_to_dropout: {lognormal: {mu: 900, sigma: 1}}, bridging_probability: 1, bridging_factor: 100"),
            ("infinite-qc-median", "qc: 7d", "qc: {lognormal: {mu: 800, sigma: 1}}"),
        ]
        for (name, old, new) in cases {
            let file = try scenario(name, replacing: old, with: new)
            let out = folder.appendingPathComponent("out-\(name)")
            let run = try CartsimBinary.run(["run", file.path, "--replications", "1", "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
            XCTAssertEqual(try leftovers(), ["out-\(name)"], name)
            try FileManager.default.removeItem(at: out)
        }
    }
}
