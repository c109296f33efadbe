import XCTest
@testable import ScenarioFile

/// Every way a file can fail to parse gives one exact message, never a crash.
final class YAMLErrorTests: XCTestCase {
    private let empty = "the scenario file is empty; expected a mapping with sections such as 'simulation', 'sites', 'lanes'"

    func testSyntaxErrorHasLineAndColumn() {
        XCTAssertEqual(parseErrors("simulation:\n  days: 3\n  seed: a: b\n", file: "bad.yaml"),
                       ["bad.yaml:3:10: syntax error: mapping values are not allowed in this context"])
    }

    func testSyntaxErrorNamesWhereTheConstructStarted() {
        XCTAssertEqual(parseErrors("lanes: [1, 2\n"), [
            "s.yaml:2:1: syntax error: did not find expected ',' or ']' "
                + "(while parsing a flow sequence that starts at line 1, column 8)",
        ])
    }

    func testEmptyFile() {
        XCTAssertEqual(parseErrors(""), ["s.yaml:1:1: \(empty)"])
        XCTAssertEqual(parseErrors(bytes: [0xEF, 0xBB, 0xBF]), ["s.yaml:1:1: \(empty)"])
    }

    func testOnlyCommentsOrAnEmptyDocument() {
        XCTAssertEqual(parseErrors("# a scenario\n\n   # to be written\n"), ["s.yaml:1:1: \(empty)"])
        XCTAssertEqual(parseErrors("---\n"), ["s.yaml:1:1: \(empty)"])
    }

    func testTopLevelMustBeAMapping() {
        XCTAssertEqual(parseErrors("\n- sites\n- lanes\n"), [
            "s.yaml:2:1: expected a mapping with sections such as 'simulation', 'sites', 'lanes' at the top level, got a list",
        ])
        XCTAssertEqual(parseErrors("sites"), [
            "s.yaml:1:1: expected a mapping with sections such as 'simulation', 'sites', 'lanes' at the top level, got 'sites'",
        ])
    }

    func testDuplicateKeys() {
        XCTAssertEqual(parseErrors("sites: 1\nlanes: 2\nsites: 3\n"), ["s.yaml:3:1: duplicate key 'sites' (first at line 1)"])
        XCTAssertEqual(parseErrors("sites:\n  east: {suites: 1,\n         suites: 2}\n"),
                       ["s.yaml:3:10: sites.east: duplicate key 'suites' (first at line 2)"])
    }

    func testKeysMustBeScalars() {
        XCTAssertEqual(parseErrors("? [a, b]\n: 1\n"), ["s.yaml:1:3: a key must be a single value, not a list"])
    }

    func testMultipleDocuments() {
        XCTAssertEqual(parseErrors("a: 1\n---\nb: 2\n"),
                       ["s.yaml:2:1: a second document starts here; a scenario file holds exactly one document"])
    }

    func testAliasErrors() {
        XCTAssertEqual(parseErrors("a: *nope\n"), ["s.yaml:1:4: a: alias '*nope' has no anchor '&nope' before it"])
        XCTAssertEqual(parseErrors("a: &x [1, *x]\n"), ["s.yaml:1:11: a[1]: alias '*x' refers to a node that contains it"])
    }

    func testNulByteAndInvalidUTF8() {
        XCTAssertEqual(parseErrors(bytes: Array("a: x\u{0}\n".utf8)),
                       ["s.yaml:1:5: syntax error: control characters are not allowed (U+0000)"])
        XCTAssertEqual(parseErrors(bytes: Array("a: é\n".utf8) + [0xFF]),
                       ["s.yaml:2:1: syntax error: invalid leading UTF-8 octet (byte 0xFF); a scenario file must be UTF-8 text"])
    }

    /// Seeded random bytes (NUL and 0xFF included): each input must come back as errors,
    /// never a crash. Seed fixed, so the inputs are the same on every run.
    func testBinaryGarbageIsAnErrorNotACrash() {
        var generator = SplitMix64(state: 20_260_105)
        for _ in 0..<500 {
            let count = Int.random(in: 1...300, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes[Int.random(in: 0..<count, using: &generator)] = [0x00, 0xFF][Int.random(in: 0...1, using: &generator)]
            XCTAssertFalse(parseErrors(bytes: bytes).isEmpty, "\(bytes)")
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let expected = ["deep.yaml:1:201: the document is nested more than 200 levels deep"]
        XCTAssertEqual(parseErrors(String(repeating: "[", count: 10_000), file: "deep.yaml"), expected)
        XCTAssertEqual(parseErrors(String(repeating: "{a: ", count: 10_000), file: "deep.yaml"),
                       ["deep.yaml:1:801: the document is nested more than 200 levels deep"])
        let block = (0..<300).map { String(repeating: " ", count: $0) + "a:\n" }.joined()
        XCTAssertEqual(parseErrors(block, file: "deep.yaml"),
                       ["deep.yaml:201:201: the document is nested more than 200 levels deep"])
    }

    /// "Billion laughs": nine levels of ten aliases would expand to 10⁹ nodes.
    func testAliasBombStopsAtTheNodeLimit() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        XCTAssertEqual(parseErrors(lines.joined(separator: "\n")), [
            "s.yaml:6:45: a5[7]: the document has more than 1000000 nodes once aliases are expanded",
        ])
    }

    func testUnreadableFile() {
        XCTAssertThrowsError(try YAMLDocument.load(path: "/nonexistent/plan.yaml")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/plan.yaml:1:1: cannot read the scenario file: No such file or directory")
        }
    }
}
