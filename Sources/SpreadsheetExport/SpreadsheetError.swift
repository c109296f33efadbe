/// Why `results.xlsx` could not be written, named with the folder and the file at fault, e.g.
/// `Results/x: summary.csv line 12: expected 9 fields, found 4` or
/// `Results/x: results.xlsx: cannot be written: Error creating output xlsx file. Usually a permissions error.`
/// Nothing is left behind: the workbook is written to a temporary file that is removed.
public struct SpreadsheetError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, for the exit status.
    public enum Cause: Sendable, Equatable {
        /// The folder or a file in it: not a results folder of a run, a malformed CSV, a
        /// `results.xlsx` that cartsim did not write (exit status 2).
        case badInput
        /// Writing the workbook failed: libxlsxwriter's error, a full disk (exit status 1).
        case writeFailed
    }

    public let cause: Cause
    /// The whole message: `folder: file line N: what is wrong`, or `folder: what is wrong`.
    public let description: String

    /// A problem in `file` (at `line` when given), or in the folder itself when `file` is nil.
    init(_ cause: Cause, folder: String, file: String? = nil, line: Int? = nil, _ message: String) {
        self.cause = cause
        var location = folder
        if let file { location += ": " + file }
        if let line { location += " line \(line)" }
        description = location + ": " + message
    }
}
