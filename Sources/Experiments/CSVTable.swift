import Foundation

/// Builds RFC 4180 CSV text: one header row, comma-separated, fields quoted when they
/// contain a comma, a quote or a line break, '.' as decimal separator, "\n" line ends.
struct CSVTable {
    private(set) var text: String

    /// Starts a table with its header row.
    init(header: [String]) {
        text = ""
        append(header)
    }

    /// Appends one row of already formatted fields.
    mutating func append(_ fields: [String]) {
        text += fields.map(CSVTable.quoted).joined(separator: ",")
        text += "\n"
    }

    /// Quotes a field when RFC 4180 requires it.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
