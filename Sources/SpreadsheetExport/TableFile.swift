import Foundation
import OutputSchema

/// A CSV file of a results folder read record by record with the project's ``CSVReader``,
/// its problems named with the folder, the file and the line.
struct TableFile {
    let name: String
    /// How messages name the folder.
    private let folder: String
    private var reader: CSVReader
    /// The header row.
    let header: [String]

    /// Opens `name` in `folder`, named `shown` in errors.
    /// - Throws: ``SpreadsheetError`` (bad input) when the file cannot be read, is not UTF-8
    ///   text or has no header row.
    init(_ name: String, in folder: String, shownAs shown: String) throws(SpreadsheetError) {
        self.name = name
        self.folder = shown
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpreadsheetError(.badInput, folder: shown, file: name, "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpreadsheetError(.badInput, folder: shown, file: name, "is not UTF-8 text")
        }
        reader = CSVReader(text)
        do { header = try reader.header() } catch { throw Self.error(error, file: name, folder: shown) }
    }

    /// The next record's fields (as many as the header's), nil at the end of the file.
    mutating func next() throws(SpreadsheetError) -> [String]? {
        do { return try reader.next(width: header.count)?.fields } catch {
            throw Self.error(error, file: name, folder: folder)
        }
    }

    private static func error(_ malformed: CSVReader.Malformed, file: String, folder: String) -> SpreadsheetError {
        SpreadsheetError(.badInput, folder: folder, file: file, line: malformed.line, malformed.message)
    }
}
