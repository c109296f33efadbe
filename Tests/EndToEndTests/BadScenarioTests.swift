import Foundation
import XCTest

/// Bad scenario files through the binary: exact message, exit status 2, and no output
/// folder left behind. (The loader's own tests cover every message in detail.)
final class BadScenarioTests: XCTestCase {
    /// A minimal valid scenario; each bad case edits one line of it.
    private static let minimal = """
        name: minimal
        simulation: {horizon: 20w, replications: 2}
        products:
          car-t:
            starting_material: fresh
            manufacturing:
              - expansion: 7d
            qc: 7d
        indications:
          dlbcl: {product: car-t}
        sites:
          centre:
            kind: centre
            referrals: 1/week
            apheresis: {chairs: 1, repeat_probability: 2%}
            plant: plant
            beds: 2
          plant:
            kind: plant
            suites: 2
        lanes:
          - {from: centre, to: plant, transit: 1d, return: true}

        """

    private struct Case {
        let name: String
        let contents: Data
        /// The whole of stderr after the file's path.
        let message: String

        init(_ name: String, replacing old: String, with new: String, message: String) {
            precondition(BadScenarioTests.minimal.contains(old), "\(name): '\(old)' is not in the base scenario")
            self.name = name
            contents = Data(BadScenarioTests.minimal.replacingOccurrences(of: old, with: new).utf8)
            self.message = message
        }

        init(_ name: String, bytes: [UInt8], message: String) {
            self.name = name
            contents = Data(bytes)
            self.message = message
        }
    }

    private let cases: [Case] = [
        Case("syntax", replacing: "{horizon: 20w, replications: 2}", with: "{horizon: 20w, replications: 2",
             message: ":3:9: syntax error: did not find expected ',' or '}' "
                + "(while parsing a flow mapping that starts at line 2, column 13)"),
        Case("wrong-type", replacing: "suites: 2", with: "suites: two",
             message: ":20:13: sites.plant.suites: expected an integer of at least 0, got 'two'"),
        Case("shared-output-id", replacing: "suites: 2\nlanes:\n",
             with: "suites: 2\n  Plant:\n    kind: plant\n    suites: 2\nlanes:\n  - {from: centre, to: Plant, transit: 1d}\n",
             message: ":21:3: sites.Plant: site 'Plant' and site 'plant' would name their resources alike in the outputs "
                 + "('plant_…'); rename one so that the names differ in more than case and punctuation"),
        Case("unknown-key", replacing: "beds: 2", with: "bed: 2",
             message: ":17:5: sites.centre: unknown key 'bed'; did you mean 'beds'?"),
        Case("undefined-reference", replacing: "{product: car-t}", with: "{product: car-x}",
             message: ":10:20: indications.dlbcl.product: unknown product 'car-x'; did you mean 'car-t'?"),
        Case("bad-probability", replacing: "repeat_probability: 2%", with: "repeat_probability: 1.5",
             message: ":15:48: sites.centre.apheresis.repeat_probability: "
                + "expected a probability from 0 to 1 or a percentage such as '4%', got '1.5'"),
        Case("negative-duration", replacing: "qc: 7d", with: "qc: -7d",
             message: ":8:9: products.car-t.qc: duration must not be negative, got '-7d'"),
        Case("empty", bytes: [],
             message: ":1:1: the scenario file is empty; expected a mapping with sections such as "
                + "'simulation', 'sites', 'lanes'"),
        Case("garbage", bytes: [0xFF, 0x00, 0xFE, 0x13, 0x88, 0x00, 0x41],
             message: ":1:1: syntax error: invalid leading UTF-8 octet (byte 0xFF); a scenario file must be UTF-8 text"),
    ]

    func testBadFilesExitWith2WithTheirExactMessageAndLeaveNoOutput() throws {
        let folder = CartsimBinary.temporaryPath("bad")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let valid = folder.appendingPathComponent("minimal.yaml")
        try Data(Self.minimal.utf8).write(to: valid)
        let ok = try CartsimBinary.run(["validate", valid.path])
        XCTAssertEqual(ok.status, 0, "the base scenario is valid: \(ok.stdout)")
        for item in cases {
            let file = folder.appendingPathComponent("\(item.name).yaml")
            try item.contents.write(to: file)
            let out = folder.appendingPathComponent("out-\(item.name)")
            let run = try CartsimBinary.run(["run", file.path, "--out", out.path])
            XCTAssertEqual(run.status, 2, item.name)
            XCTAssertEqual(run.stderr, file.path + item.message + "\n", item.name)
            XCTAssertEqual(run.stdout, "", item.name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(item.name) left an output folder")
            let validate = try CartsimBinary.run(["validate", file.path])
            XCTAssertEqual(validate.status, 2, item.name)
            XCTAssertEqual(validate.stdout, file.path + item.message + "\n", item.name)
        }
    }

    func testValidateReportsEveryErrorOfAFile() throws {
        let folder = CartsimBinary.temporaryPath("many")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("many.yaml")
        var text = try String(contentsOf: CartsimBinary.packageRoot.appendingPathComponent("Scenarios/point-of-care.yaml"),
                              encoding: .utf8)
        text = text.replacingOccurrences(of: "repeat_probability: 3%", with: "repeat_probability: 130%")
        text = text.replacingOccurrences(of: "    plant: lab-c", with: "    plant: lab-x")
        text = text.replacingOccurrences(of: "qa_release: 2h", with: "qa_release: -2h")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try CartsimBinary.run(["validate", file.path])
        XCTAssertEqual(run.status, 2)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertGreaterThanOrEqual(lines.count, 3, run.stdout)
        XCTAssertTrue(run.stdout.contains("expected a probability from 0 to 1"), run.stdout)
        XCTAssertTrue(run.stdout.contains("lab-x"), run.stdout)
        XCTAssertTrue(run.stdout.contains("must not be negative"), run.stdout)
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix(Substring(file.path + ":")) }, run.stdout)
    }
}
