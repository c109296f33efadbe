import OutputSchema

/// A parsed CSV file of a results folder, with typed access to its columns. Every failed
/// access throws a ``ReportError`` naming the folder, the file, and the line where it can.
struct CSVTable {
    /// One record with the line where it starts.
    struct Row {
        let line: Int
        let fields: [String]
    }

    let header: [String]
    private(set) var rows: [Row]
    /// Where the table came from, for error messages.
    private(set) var folder = ""
    private(set) var file = ""

    init(header: [String], rows: [Row]) {
        self.header = header
        self.rows = rows
    }

    /// Reads `file` in `folder` with all its rows; a missing file or malformed text is a ``ReportError``.
    static func load(_ file: String, in folder: String) throws(ReportError) -> CSVTable {
        var rows: [Row] = []
        var table = try scan(file, in: folder) { _, row in rows.append(row) }
        table.rows = rows
        return table
    }

    /// Reads `file` in `folder` row by row, handing each row to `body` with the table (its
    /// header, for typed access), and returns the table without rows. Memory stays flat
    /// whatever the length of the file.
    @discardableResult
    static func scan(_ file: String, in folder: String,
                     _ body: (CSVTable, Row) throws(ReportError) -> Void) throws(ReportError) -> CSVTable {
        var reader = CSVReader(try ResultsFile.text(file, in: folder))
        func located(_ error: CSVReader.Malformed) -> ReportError {
            ReportError(folder: folder, file: file, line: error.line, error.message)
        }
        var table: CSVTable
        do { table = CSVTable(header: try reader.header(), rows: []) } catch { throw located(error) }
        table.folder = folder
        table.file = file
        while true {
            let row: Row?
            do { row = try reader.next(width: table.header.count).map { Row(line: $0.line, fields: $0.fields) } }
            catch { throw located(error) }
            guard let row else { return table }
            try body(table, row)
        }
    }

    /// The index of a column that must exist.
    func column(_ name: String) throws(ReportError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw ReportError(folder: folder, file: file, "no column '\(name)'")
        }
        return index
    }

    /// Whether the table has a column.
    func has(_ name: String) -> Bool { header.contains(name) }

    /// The text of a column in a row.
    func text(_ row: Row, _ column: Int) -> String { row.fields[column] }

    /// A number in a row; an empty field (not defined, e.g. no spread with one replication)
    /// is `nil`, anything that is not a number is an error naming the line and column.
    func number(_ row: Row, _ column: Int) throws(ReportError) -> Double? {
        let field = row.fields[column]
        if field.isEmpty || field == "nan" { return nil }
        guard let value = Double(field) else {
            throw ReportError(folder: folder, file: file, line: row.line,
                              "'\(field)' in column '\(header[column])' is not a number")
        }
        return value
    }

    /// A boolean (`true`/`false`) in a row.
    func flag(_ row: Row, _ column: Int) throws(ReportError) -> Bool {
        switch row.fields[column] {
        case "true": return true
        case "false": return false
        case let other:
            throw ReportError(folder: folder, file: file, line: row.line,
                              "'\(other)' in column '\(header[column])' is not true or false")
        }
    }
}
