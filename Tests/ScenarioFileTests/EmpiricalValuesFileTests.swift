import SimRandom
@testable import ScenarioFile
import XCTest

/// The file of an empirical distribution, read with the one CSV reader: one column, optional
/// header, precise errors that name line and column and never quote the file's text.
final class EmpiricalValuesFileTests: XCTestCase {
    private func read(_ contents: String) throws -> Distribution {
        .empirical(try EmpiricalValuesFile.values(Array(contents.utf8), file: "values.csv"))
    }

    private func assertMessage(_ expected: String, bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try EmpiricalValuesFile.values(bytes, file: "values.csv"), file: file, line: line) { error in
            XCTAssertEqual((error as? DistributionError)?.message, expected, file: file, line: line)
        }
    }

    private func assertMessage(_ expected: String, contents: String, file: StaticString = #filePath, line: UInt = #line) {
        assertMessage(expected, bytes: Array(contents.utf8), file: file, line: line)
    }

    func testReadsValuesWithHeaderQuotesBlankLinesAndCRLF() throws {
        XCTAssertEqual(try read("days\r\n3.5\r\n\"4\"\r\n\r\n12\r\n"), .empirical([3.5, 4, 12]))
    }

    func testReadsValuesWithoutHeader() throws {
        XCTAssertEqual(try read("1\n2\n"), .empirical([1, 2]))
        XCTAssertEqual(try read("1\n2"), .empirical([1, 2]), "the last line may lack its line break")
    }

    func testMalformedCSVNamesTheLine() {
        assertMessage("empirical: values.csv line 2: a carriage return without a line feed", contents: "1\n2\r3\n")
        // A comma inside quotes is part of the field, not a second column.
        assertMessage("empirical: values.csv line 2, column 1: expected a number", contents: "1\n\"2,5\"\n")
    }

    func testBadValueNamesLineAndColumnWithoutQuotingIt() {
        assertMessage("empirical: values.csv line 3, column 3: expected a number", contents: "days\n1\n  secret\n")
    }

    func testNonFiniteValueNamesTheLine() {
        assertMessage("empirical: values.csv line 2, column 1: expected a finite number", contents: "1\ninf\n")
    }

    func testSecondColumnNamesTheCommaInCharacters() {
        assertMessage("empirical: values.csv line 1, column 4: expected one number per line, found a second column",
                      contents: "µé1,2\n")
    }

    func testHeaderOnlyFileHasNoValues() {
        assertMessage("empirical: values.csv has no values", contents: "days\n")
    }

    func testTextThatIsNotUTF8IsRefused() {
        assertMessage("empirical: values.csv is not UTF-8 text; expected a one-column CSV file of numbers",
                      bytes: [0x31, 0x0A, 0xE9, 0x0A])
    }
}
