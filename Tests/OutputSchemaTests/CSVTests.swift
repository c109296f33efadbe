import XCTest
@testable import OutputSchema

/// The one CSV reader and writer: RFC 4180 both ways.
final class CSVTests: XCTestCase {
    func testCSVReaderFollowsRFC4180() throws {
        func read(_ text: String) throws -> [[String]] {
            var reader = CSVReader(text)
            let header = try reader.header()
            var rows = [header]
            while let row = try reader.next(width: header.count) { rows.append(row.fields) }
            return rows
        }
        var reader = CSVReader("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n")
        XCTAssertEqual(try reader.next()?.fields, ["a", "b", "c"])
        let first = try XCTUnwrap(try reader.next())
        XCTAssertEqual(first.fields, ["x, y", "say \"hi\"", "two\nlines"])
        XCTAssertEqual(first.line, 2)
        let second = try XCTUnwrap(try reader.next())
        XCTAssertEqual(second.fields, ["", "", ""])
        XCTAssertEqual(second.line, 4, "a record's line is where it starts")
        XCTAssertNil(try reader.next())
        XCTAssertThrowsError(try read("a,b\n1,2")) { error in
            XCTAssertEqual(error as? CSVReader.Malformed,
                           .init(line: 2, message: "the last line has no line break (the file was cut short)"))
        }
        XCTAssertThrowsError(try read("a,b\n1,2,3\n")) { error in
            XCTAssertEqual(error as? CSVReader.Malformed, .init(line: 2, message: "expected 2 fields, found 3"))
        }
        XCTAssertThrowsError(try read("a,b\n1,x\"y\n")) { error in
            XCTAssertEqual(error as? CSVReader.Malformed, .init(line: 2, message: "a quote inside an unquoted field"))
        }
        XCTAssertThrowsError(try read("")) { error in
            XCTAssertEqual(error as? CSVReader.Malformed, .init(line: 1, message: "the file is empty (no header row)"))
        }
    }

    /// What the writer writes, the reader reads back field for field.
    func testWrittenFieldsReadBack() throws {
        let rows = [["kpi", "note"], ["a,b", "say \"hi\""], ["two\nlines", ""], ["\r", "plain"]]
        var text = CSVText(header: rows[0])
        for row in rows.dropFirst() { text.append(row) }
        var reader = CSVReader(text.text)
        var read: [[String]] = [try reader.header()]
        while let row = try reader.next(width: 2) { read.append(row.fields) }
        XCTAssertEqual(read.count, rows.count)
        XCTAssertEqual(Array(read.prefix(3)), Array(rows.prefix(3)))
    }
}
