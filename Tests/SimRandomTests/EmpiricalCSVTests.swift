import SimRandom
import XCTest

/// `Distribution.empirical(csvFile:)`: one column, optional header, precise errors.
final class EmpiricalCSVTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("SimRandomTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    private func writeCSV(_ contents: String) throws -> String {
        let url = directory.appendingPathComponent("values.csv")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func assertMessage(_ expected: (String) -> String, contents: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let path = try writeCSV(contents)
        XCTAssertThrowsError(try Distribution.empirical(csvFile: path), file: file, line: line) { error in
            XCTAssertEqual((error as? DistributionError)?.message, expected(path), file: file, line: line)
        }
    }

    func testReadsValuesWithHeaderQuotesBlankLinesAndCRLF() throws {
        let path = try writeCSV("days\r\n3.5\r\n\"4\"\r\n\r\n12\r\n")
        XCTAssertEqual(try Distribution.empirical(csvFile: path), .empirical([3.5, 4, 12]))
    }

    func testReadsValuesWithoutHeader() throws {
        XCTAssertEqual(try Distribution.empirical(csvFile: writeCSV("1\n2\n")), .empirical([1, 2]))
    }

    func testBadValueNamesTheLine() throws {
        try assertMessage({ "empirical: \($0) line 3: \"abc\" is not a number" }, contents: "days\n1\nabc\n")
    }

    func testNonFiniteValueNamesTheLine() throws {
        try assertMessage({ "empirical: \($0) line 2: value must be a finite number, got \"inf\"" }, contents: "1\ninf\n")
    }

    func testSecondColumnIsAnError() throws {
        try assertMessage({ "empirical: \($0) line 1: expected one value per line, got \"1,2\"" }, contents: "1,2\n")
    }

    func testHeaderOnlyFileHasNoValues() throws {
        try assertMessage({ "empirical: \($0) has no values" }, contents: "days\n")
    }

    func testMissingFile() {
        let path = directory.appendingPathComponent("missing.csv").path
        XCTAssertThrowsError(try Distribution.empirical(csvFile: path)) { error in
            XCTAssertEqual((error as? DistributionError)?.message, "empirical: file not found: \(path)")
        }
    }
}
