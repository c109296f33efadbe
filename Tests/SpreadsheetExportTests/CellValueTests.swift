import XCTest
@testable import SpreadsheetExport

/// A CSV field becomes a number, a boolean, a date, a blank or text by its text alone.
final class CellValueTests: XCTestCase {
    func testFieldsThatAreNumbers() {
        for (field, value) in [("828", 828.0), ("0", 0), ("-12", -12), ("0.122399", 0.122399), ("233996996.71", 233996996.71),
                               ("-0.5", -0.5), ("2.5e-3", 0.0025), ("1E6", 1e6), ("123456789012345", 123456789012345)] {
            XCTAssertEqual(CellValue(field: field), .number(value), field)
        }
    }

    func testFieldsThatStayText() {
        // Integers Excel cannot show exactly, names with a leading zero, what Double(_:) reads
        // beyond decimal numbers, and words.
        for field in ["1234567890123456", "18446744073709551615", "007", "inf", "nan", "0x10", "+5", "1.", ".5", "1e",
                      "1,5", " 1", "axi-cel", "centre-boston", "2026-13-01", "2026-02-29", "1899-12-31", "2026-1-05", "True"] {
            XCTAssertEqual(CellValue(field: field), .text(field), field)
        }
    }

    func testBlanksBooleansAndDates() {
        XCTAssertEqual(CellValue(field: ""), .blank)
        XCTAssertEqual(CellValue(field: "true"), .boolean(true))
        XCTAssertEqual(CellValue(field: "false"), .boolean(false))
        XCTAssertEqual(CellValue(field: "2026-01-05"), .date(year: 2026, month: 1, day: 5))
        XCTAssertEqual(CellValue(field: "2028-02-29"), .date(year: 2028, month: 2, day: 29))
    }
}
