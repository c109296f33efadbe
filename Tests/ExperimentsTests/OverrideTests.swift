import Foundation
import XCTest
import SimKernel
import SimRandom
import ScenarioFile

/// `--set PATH=VALUE` overrides: applied to the node tree before decoding, so values go
/// through the decoder; paths that do not exist are errors with a suggestion.
final class OverrideTests: XCTestCase {
    private let file = AnalystFixtures.axicel

    func testOverridesChangeTheDecodedValues() throws {
        let base = try ScenarioLoader.load(path: file)
        let changed = try ScenarioLoader.load(path: file, overrides: [
            ("sites.plant-west.suites", "12"),
            ("simulation.horizon", "30w"),
            ("simulation.seed", "7"),
            ("products.axi-cel.qc", "{triangular: [5d, 6d, 9d]}"),
            ("lanes[0].transit", "36h"),
            ("sites.centre-houston.beds", "3"),
        ])
        XCTAssertEqual(base.plants[0].suites, 16)
        XCTAssertEqual(changed.plants[0].suites, 12)
        XCTAssertEqual(changed.simulation.horizon, 30 * Ticks.week)
        XCTAssertEqual(changed.simulation.seed, 7)
        XCTAssertEqual(changed.products[0].qcDuration,
                       .triangular(min: Double(5 * Ticks.day), mode: Double(6 * Ticks.day), max: Double(9 * Ticks.day)))
        XCTAssertEqual(changed.lanes[0].transit, .fixed(Double(36 * Ticks.hour)))
        XCTAssertEqual(changed.lanes[1].transit, base.lanes[1].transit)
        // centre-houston is an alias copy of centre-boston: overriding it leaves the original alone.
        XCTAssertEqual(changed.centres.map(\.beds), [8, 3, 8, 8])
    }

    func testLaterOverrideOfAPathWinsAndTheHashCoversOverrides() throws {
        let twice = try ScenarioLoader.load(path: file, overrides: [("sites.plant-west.suites", "12"),
                                                                   ("sites.plant-west.suites", "14")])
        XCTAssertEqual(twice.plants[0].suites, 14)
        let none = try ScenarioLoader.load(path: file, overrides: [])
        XCTAssertEqual(none.sourceHash, try ScenarioLoader.load(path: file).sourceHash)
        XCTAssertNotEqual(twice.sourceHash, none.sourceHash)
    }

    func testPathsThatDoNotExistAreErrorsWithASuggestion() {
        let cases: [(path: String, value: String, message: String)] = [
            ("sites.plant-west.suits", "12",
             "--set sites.plant-west.suits=12:1:1: sites.plant-west: no key 'suits' in the file; did you mean 'suites'?"),
            ("simulaton.seed", "3", "--set simulaton.seed=3:1:1: no key 'simulaton' in the file; did you mean 'simulation'?"),
            ("sites.plant-wst.suites", "12",
             "--set sites.plant-wst.suites=12:1:1: sites: no key 'plant-wst' in the file; did you mean 'plant-west'?"),
            ("simulation.queue", "1",
             "--set simulation.queue=1:1:1: simulation: no key 'queue' in the file (an override replaces a value "
             + "written there); keys here: start_date, horizon, warmup, replications, seed, vein_to_vein_target_days"),
            ("lanes[8].transit", "2d", "--set lanes[8].transit=2d:1:1: lanes: no item [8] in the list; it has 8 items, [0] to [7]"),
            ("lanes.transit", "2d",
             "--set lanes.transit=2d:1:1: lanes: expected a mapping to look up 'transit' in, got a list"),
            ("simulation[0]", "2d", "--set simulation[0]=2d:1:1: simulation: expected a list to take item [0] from, got a mapping"),
            ("simulation.seed.x", "2", "--set simulation.seed.x=2:1:1: simulation.seed: expected a mapping to look up 'x' in, got '20260105'"),
            ("lanes[0]..transit", "2d", "--set lanes[0]..transit=2d:1:1: malformed path 'lanes[0]..transit'; "
             + "expected keys separated by dots, with [i] for list items, e.g. lanes[0].transit"),
        ]
        for item in cases {
            XCTAssertEqual(AnalystFixtures.errors([(item.path, item.value)]), [item.message], item.path)
        }
    }

    func testMalformedPaths() {
        for path in ["", "a.", ".a", "[0]", "lanes[x]", "lanes[-1]", "lanes[0]x", "lanes[0", "a.[0]"] {
            let errors = AnalystFixtures.errors([(path, "1")])
            XCTAssertEqual(errors.count, 1, path)
            XCTAssertTrue(errors.first?.hasPrefix("--set \(path)=1:1:1: malformed path '\(path)'") == true, "\(path): \(errors)")
        }
    }

    /// A bad value gets exactly the decoder's message for the same text written in the file,
    /// located in the override.
    func testBadValuesGetTheDecodersMessages() throws {
        let folder = try AnalystFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (value, written) in [("x", "suites: x"), ("-2", "suites: -2"), ("1.5", "suites: 1.5")] {
            let copy = try AnalystFixtures.shortCopy(named: "bad.yaml", in: folder, replacing: [("suites: 16", written)])
            let inFile = AnalystFixtures.errors([], file: copy)
            XCTAssertEqual(inFile.count, 1, value)
            let fromDecoder = try XCTUnwrap(inFile.first?.split(separator: ":", maxSplits: 3).last)
            XCTAssertEqual(AnalystFixtures.errors([("sites.plant-west.suites", value)]),
                           ["--set sites.plant-west.suites=\(value):1:1:\(fromDecoder)"])
        }
    }

    func testValueErrorsAreLocatedInsideTheValue() {
        XCTAssertEqual(AnalystFixtures.errors([("products.axi-cel.qc", "{triangular: [1d, 2d, x]}")]),
                       ["--set products.axi-cel.qc={triangular: [1d, 2d, x]}:1:23: products.axi-cel.qc.triangular[2]: "
                        + "expected a duration with a unit (s, min, h, d, w), e.g. '36h' or '2d', got 'x'"])
        XCTAssertEqual(AnalystFixtures.errors([("simulation.seed", "{a: 1")]),
                       ["--set simulation.seed={a: 1:1:6: syntax error: did not find expected ',' or '}' "
                        + "(while parsing a flow mapping that starts at line 1, column 1)"])
        // The path of a value that cannot be read is still checked: both are reported at once.
        XCTAssertEqual(AnalystFixtures.errors([("simulation.sed", "[1")]).count, 2)
    }
}
