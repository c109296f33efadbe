/// The one CSV reader of cartsim (results folders, shards, the report). Reads RFC 4180 CSV
/// text one record at a time: comma-separated fields, fields in double
/// quotes may hold commas, line breaks and doubled quotes; records end with LF or CRLF.
/// The text must end with a line break (cartsim always writes one: a file without it was
/// cut short). Reading record by record keeps memory flat on a large `patients.csv`.
public struct CSVReader {
    /// A problem in the text, with the 1-based line where the record starts.
    public struct Malformed: Error, Equatable {
        public let line: Int
        public let message: String
    }

    private var scalars: String.UnicodeScalarView.Iterator
    private var pending: Unicode.Scalar?
    private var line = 1

    public init(_ text: String) {
        scalars = text.unicodeScalars.makeIterator()
    }

    /// The next record and the line where it starts, or nil at the end of the text.
    ///
    /// - Complexity: O(length of the record).
    public mutating func next() throws(Malformed) -> (line: Int, fields: [String])? {
        let recordLine = line
        var fields: [String] = []
        var field = ""
        var started = false
        var inQuotes = false
        while let c = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty else { throw Malformed(line: line, message: "a quote inside an unquoted field") }
                inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\r":
                let next = scalars.next()
                guard next == "\n" else { throw Malformed(line: line, message: "a carriage return without a line feed") }
                pending = next
            case "\n":
                fields.append(field)
                line += 1
                return (recordLine, fields)
            default:
                field.unicodeScalars.append(c)
            }
            started = true
        }
        if inQuotes { throw Malformed(line: recordLine, message: "a quoted field is not closed") }
        if started { throw Malformed(line: recordLine, message: "the last line has no line break (the file was cut short)") }
        return nil
    }

    /// The first record, which must exist.
    public mutating func header() throws(Malformed) -> [String] {
        guard let header = try next() else { throw Malformed(line: 1, message: "the file is empty (no header row)") }
        return header.fields
    }

    /// The next record, which must have `width` fields, or nil at the end.
    public mutating func next(width: Int) throws(Malformed) -> (line: Int, fields: [String])? {
        guard let record = try next() else { return nil }
        guard record.fields.count == width else {
            throw Malformed(line: record.line, message: "expected \(width) fields, found \(record.fields.count)")
        }
        return record
    }
}
