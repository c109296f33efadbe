/// Why a report could not be made: a missing or broken file of the results folder, named
/// with the folder (and, for a malformed CSV, the line), e.g.
/// `Results/x: missing summary.csv` or `Results/x: summary.csv line 12: expected 9 fields, found 4`.
/// `cartsim report` prints it after `cartsim report: ` and exits with status 2.
public struct ReportError: Error, Equatable, CustomStringConvertible {
    /// The results folder, as given.
    public let folder: String
    /// The file at fault (`summary.csv`, `run.json`, `report.html`), if any.
    public let file: String?
    /// The 1-based line of the file at fault, if known.
    public let line: Int?
    /// The whole message: `folder: file line N: what is wrong`, or `folder: missing file`.
    public let description: String

    /// A problem in `file` (at `line` when given), or in the folder itself when `file` is nil.
    init(folder: String, file: String? = nil, line: Int? = nil, _ message: String) {
        self.folder = folder
        self.file = file
        self.line = line
        var location = folder
        if let file { location += ": " + file }
        if let line { location += " line \(line)" }
        description = location + ": " + message
    }

    private init(folder: String, missing file: String) {
        self.folder = folder
        self.file = file
        line = nil
        description = "\(folder): missing \(file)"
    }

    /// A required file is not in the folder: `folder: missing file`.
    static func missing(_ file: String, in folder: String) -> ReportError {
        ReportError(folder: folder, missing: file)
    }
}
