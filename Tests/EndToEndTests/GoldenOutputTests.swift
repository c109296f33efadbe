import Foundation
import XCTest

/// Pins behaviour: the files of each example scenario at its seed, 2 replications, the
/// patients of the first and its first 1,500 events (`--trace`), compared byte for byte with
/// `Tests/Golden/<example>/` (run.json without its wall time), and the pinned trace checked
/// event by event with `cartsim verify`, which names the first event that differs. A change
/// that alters any output fails here, so its commit has to say which outputs change and
/// why — and regenerate them with `make golden` (`CARTSIM_UPDATE_GOLDEN=1`).
final class GoldenOutputTests: FolderTestCase {
    private static let files = ["breakdowns.csv", "patients.csv", "replications.csv", "resources.csv", "stages.csv", "summary.csv",
                                "timeseries.csv", "events.csv", "run.json"]

    /// run.json without the fields that depend on the machine or the run's own path.
    private func comparable(_ name: String, _ data: Data) throws -> Data {
        guard name == "run.json" else { return data }
        var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        json["wall_time_seconds"] = nil
        json["jobs"] = nil
        return try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
    }

    func testEveryExampleWritesItsGoldenFiles() throws {
        let update = ProcessInfo.processInfo.environment["CARTSIM_UPDATE_GOLDEN"] == "1"
        for example in ExampleScenarioTests.examples {
            let out = folder.appendingPathComponent(example)
            let run = try CartsimBinary.run(["run", "Scenarios/\(example).yaml", "--replications", "2", "--patients", "1",
                                             "--trace", "1", "--trace-limit", "1500", "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let golden = CartsimBinary.packageRoot.appendingPathComponent("Tests/Golden/\(example)")
            if update { try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true) }
            for file in Self.files {
                let fresh = try comparable(file, try Data(contentsOf: out.appendingPathComponent(file)))
                let goldenFile = golden.appendingPathComponent(file)
                if update {
                    try fresh.write(to: goldenFile)
                } else {
                    let pinned = try Data(contentsOf: goldenFile)
                    XCTAssertTrue(fresh == pinned, "\(example)/\(file) differs from Tests/Golden: say why in the commit "
                                  + "and run `make golden`")
                }
            }
        }
    }

    func testVerifyReproducesEveryPinnedTrace() throws {
        for example in ExampleScenarioTests.examples {
            let verify = try CartsimBinary.run(["verify", "Tests/Golden/\(example)"])
            XCTAssertEqual(verify.status, 0, "\(example): \(verify.stdout)\(verify.stderr)")
            XCTAssertTrue(verify.stdout.contains("reproduces all 1500 events"), verify.stdout)
        }
    }
}
