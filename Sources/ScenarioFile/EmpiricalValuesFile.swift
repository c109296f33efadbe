import Foundation
import OutputSchema
import SimRandom

/// The file of an empirical distribution (`{empirical: {file: data.csv}}`): one column of
/// numbers, read with the project's one CSV reader (``CSVReader``: quotes, CRLF line ends).
///
/// The first non-blank line may be a header (skipped when it is not a number); blank lines
/// are skipped. A message never quotes the file's text (it may be any file the scenario
/// names): it gives the line and column, in characters, and what was expected there.
enum EmpiricalValuesFile {
    /// The values of the file, in file order.
    /// - Parameters:
    ///   - bytes: the file's content, which must be UTF-8 text.
    ///   - file: the file's path, for messages.
    /// - Throws: a ``DistributionError`` when the file is not UTF-8 text, is not CSV, has no
    ///   values, or a line holds anything but one finite number, e.g. `empirical: data.csv
    ///   line 4, column 1: expected a number`.
    static func values(_ bytes: [UInt8], file: String) throws -> [Double] {
        func error(_ detail: String) -> DistributionError { DistributionError("empirical: \(detail)") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw error("\(file) is not UTF-8 text; expected a one-column CSV file of numbers")
        }
        var reader = CSVReader(text.isEmpty || text.hasSuffix("\n") ? text : text + "\n")
        var values: [Double] = []
        var isFirstNonBlankLine = true
        while let record = try nextRecord(&reader, file: file, failure: error) {
            let raw = record.fields[0]
            let field = raw.trimmingCharacters(in: .whitespaces)
            if record.fields.count == 1, field.isEmpty { continue }
            let mayBeHeader = isFirstNonBlankLine
            isFirstNonBlankLine = false
            if record.fields.count > 1 {
                throw error("\(file) line \(record.line), column \(raw.count + 1): expected one number per line, found a second column")
            }
            let location = "\(file) line \(record.line), column \(raw.prefix { $0.isWhitespace }.count + 1)"
            guard let value = Double(field) else {
                if mayBeHeader { continue }
                throw error("\(location): expected a number")
            }
            guard value.isFinite else { throw error("\(location): expected a finite number") }
            values.append(value)
        }
        guard !values.isEmpty else { throw error("\(file) has no values") }
        return values
    }

    private static func nextRecord(_ reader: inout CSVReader, file: String,
                                   failure: (String) -> DistributionError) throws -> (line: Int, fields: [String])? {
        do {
            return try reader.next()
        } catch {
            throw failure("\(file) line \(error.line): \(error.message)")
        }
    }
}
