import XCTest
@testable import ScenarioFile

final class YAMLDocumentTests: XCTestCase {
    func testTreeAndOneBasedLocations() throws {
        let root = try YAMLDocument.parse(text: "sites:\n  plant: {suites: 4}\nlanes:\n  - 36h\n", file: "s.yaml")
        XCTAssertEqual(shape(root), "{sites: {plant: {suites: 4}}, lanes: [36h]}")
        guard case .mapping(let top) = root.kind, case .mapping(let sites) = top[0].value.kind,
              case .sequence(let lanes) = top[1].value.kind
        else { return XCTFail("unexpected shape") }
        XCTAssertEqual(root.location.description, "s.yaml:1:1")
        XCTAssertEqual(top[1].keyLocation.description, "s.yaml:3:1")
        XCTAssertEqual(sites[0].keyLocation.description, "s.yaml:2:3")
        XCTAssertEqual(sites[0].value.location.description, "s.yaml:2:10")
        XCTAssertEqual(lanes[0].location.description, "s.yaml:4:5")
    }

    func testScalarStyles() throws {
        let root = try YAMLDocument.parse(text: "a: x\nb: 'x'\nc: \"x\"\nd: |\n  x\ne:\n", file: "s.yaml")
        guard case .mapping(let entries) = root.kind else { return XCTFail("not a mapping") }
        XCTAssertEqual(entries.map(\.value.kind), [
            .scalar("x", style: .plain), .scalar("x", style: .quoted), .scalar("x", style: .quoted),
            .scalar("x\n", style: .quoted), .scalar("", style: .plain),
        ])
        XCTAssertTrue(entries[4].value.isNull)
    }

    func testAliasesAreCopiesOfTheAnchoredNode() throws {
        let root = try YAMLDocument.parse(text: "base: &b {suites: 2}\nplant: *b\nlist: [&n 3, *n]\n", file: "s.yaml")
        XCTAssertEqual(shape(root), "{base: {suites: 2}, plant: {suites: 2}, list: [3, 3]}")
    }

    func testJSONParsesLikeTheEquivalentYAML() throws {
        let json = #"{"sites": {"plant-east": {"suites": 4, "qc": [1, 2.5]}}, "name": "base case"}"#
        let yaml = "sites:\n  plant-east:\n    suites: 4\n    qc:\n      - 1\n      - 2.5\nname: base case\n"
        XCTAssertEqual(shape(try YAMLDocument.parse(text: json, file: "s.json")),
                       shape(try YAMLDocument.parse(text: yaml, file: "s.yaml")))
    }

    func testByteOrderMarkIsSkipped() throws {
        let root = try YAMLDocument.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "s.yaml")
        XCTAssertEqual(shape(root), "{a: 1}")
        XCTAssertEqual(root.location.description, "s.yaml:1:1")
    }

    func testEscapedNulInQuotedScalarIsKept() throws {
        let root = try YAMLDocument.parse(text: #"a: "x\0y""#, file: "s.yaml")
        XCTAssertEqual(shape(root), "{a: x\u{0}y}")
    }

    func testLoadReadsAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID()).yaml").path
        try "simulation: {days: 3}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let root = try YAMLDocument.load(path: path)
        XCTAssertEqual(shape(root), "{simulation: {days: 3}}")
        XCTAssertEqual(root.location.file, path)
    }
}
