import Foundation
import XCTest

/// Bad scenario files through the binary: exact message, exit status 2, and no output
/// folder left behind. (The loader's own tests cover every message in detail.)
final class BadScenarioTests: XCTestCase {
    private struct Case {
        let name: String
        let contents: Data
        let message: String
    }

    private let cases: [Case] = [
        Case(name: "syntax", contents: Data("name: x\nsimulation: {horizon: 1w\n".utf8),
             message: "syntax error"),
        Case(name: "empty", contents: Data(),
             message: ":1:1: the scenario file is empty; expected a mapping with sections such as 'simulation', 'sites', 'lanes'"),
        Case(name: "garbage", contents: Data([0xFF, 0x00, 0xFE, 0x13, 0x88, 0x00, 0x41]),
             message: "syntax error"),
        Case(name: "unknown-key", contents: Data("name: x\nsimulaton: {horizon: 1w}\n".utf8),
             message: "unknown key 'simulaton'; did you mean 'simulation'?"),
    ]

    func testBadFilesExitWith2AndLeaveNoOutput() throws {
        let folder = CartsimBinary.temporaryPath("bad")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        for item in cases {
            let file = folder.appendingPathComponent("\(item.name).yaml")
            try item.contents.write(to: file)
            let out = folder.appendingPathComponent("out-\(item.name)")
            let run = try CartsimBinary.run(["run", file.path, "--out", out.path])
            XCTAssertEqual(run.status, 2, item.name)
            XCTAssertTrue(run.stderr.hasPrefix(file.path + ":"), "\(item.name): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(item.message), "\(item.name): \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(item.name) left an output folder")
            let validate = try CartsimBinary.run(["validate", file.path])
            XCTAssertEqual(validate.status, 2, item.name)
            XCTAssertTrue(validate.stdout.contains(item.message), "\(item.name): \(validate.stdout)")
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
