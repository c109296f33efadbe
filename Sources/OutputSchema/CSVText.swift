import Foundation

/// The one CSV writer of cartsim: RFC 4180 text, one header row, comma-separated, fields
/// quoted when they contain a comma, a quote or a line break, '.' as decimal separator,
/// "\n" line ends. Built in memory (`CSVText`) or streamed to a file (`CSVFileWriter`).
public struct CSVText {
    public private(set) var text: String

    /// Starts a table with its header row.
    public init(header: [String]) {
        text = ""
        append(header)
    }

    /// Appends one row of already formatted fields.
    public mutating func append(_ fields: [String]) {
        text += Self.line(fields)
    }

    /// One record: the fields quoted where needed, joined by commas, ended by "\n".
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }

    /// Quotes a field when RFC 4180 requires it.
    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A CSV file written record by record through a buffer, so that memory stays flat
/// however many rows are written.
public final class CSVFileWriter {
    private let handle: FileHandle
    private var buffer = ""

    /// Creates (or empties) the file at `url`.
    public init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
    }

    /// Appends one record of already formatted fields.
    public func append(_ fields: [String]) throws {
        buffer += CSVText.line(fields)
        if buffer.utf8.count > 1 << 16 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
    }

    /// Writes what is buffered and closes the file.
    public func close() throws {
        try flush()
        try handle.close()
    }
}
