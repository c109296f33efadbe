import Foundation

/// A CSV file read whole (RFC 4180: quoted fields, doubled quotes, separators and line
/// breaks inside quotes), as a header and rows of fields.
public struct CSVDocument {
    public let header: [String]
    public let rows: [[String]]

    /// A malformed file: which file, which line, what is wrong.
    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads and parses a file; every row must have as many fields as the header.
    public init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var characters = text.makeIterator()
        var lookahead: Character?
        while let c = lookahead ?? characters.next() {
            lookahead = nil
            if inQuotes {
                if c == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; lookahead = next }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
                line += 1
            } else {
                field.append(c)
            }
        }
        let name = url.path
        guard !inQuotes else { throw FormatError(description: "\(name):\(line): unterminated quoted field") }
        guard field.isEmpty, record.isEmpty else {
            throw FormatError(description: "\(name):\(line): the last line does not end with a line break (truncated file?)")
        }
        guard let header = records.first else { throw FormatError(description: "\(name):1: the file is empty") }
        for (index, row) in records.enumerated() where row.count != header.count {
            throw FormatError(description: "\(name):\(index + 1): \(row.count) fields, expected \(header.count)")
        }
        self.header = header
        rows = Array(records.dropFirst())
    }

    /// The position of a column; throws naming the file when it is missing.
    public func column(_ name: String, in url: URL) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw FormatError(description: "\(url.path):1: missing column '\(name)'")
        }
        return index
    }
}
