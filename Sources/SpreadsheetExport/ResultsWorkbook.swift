import Foundation
import OutputSchema

/// Writes `results.xlsx` into the results folder of a run, from the files already there: an
/// `about` sheet (the run, from `run.json`), then one worksheet per table the folder holds —
/// `summary`, `breakdowns`, `resources`, `stages`, `time series`, `replications` — with the
/// CSV file's columns and values (``TableLayout``, ``CellValue``): numbers as numbers, dates
/// as dates, units in the headings, a bold header row that stays in view (frozen) with a
/// filter on it. `patients.csv` and the other per-patient or per-event files are left out:
/// they can outgrow a worksheet.
///
/// The same folder always gives the same bytes.
public enum ResultsWorkbook {
    /// The name of the workbook in the folder.
    public static let fileName = "results.xlsx"

    /// The tables of a run's folder, each with its sheet's name, in the order of the sheets.
    static let tables = [("summary.csv", "summary"), ("breakdowns.csv", "breakdowns"), ("resources.csv", "resources"),
                         ("stages.csv", "stages"), ("timeseries.csv", "time series"), ("replications.csv", "replications")]

    /// Reads `folder` and writes `folder/results.xlsx` atomically (a temporary file renamed
    /// into place, so no reader ever sees half a workbook and a failure leaves nothing behind);
    /// returns its path. An existing `results.xlsx` is replaced only when it is cartsim's
    /// (``WorkbookMark``): one that cartsim did not write, or that was saved again since, is
    /// the user's and is never overwritten.
    /// - Parameter shown: the folder's name in messages (default `folder`), for a workbook
    ///   written into a results folder before it is moved into place.
    /// - Throws: ``SpreadsheetError``: bad input for a folder that is not a run's results
    ///   folder, a malformed CSV file (with its line), a table too large for a worksheet or a
    ///   `results.xlsx` of the user's; write failed for libxlsxwriter's errors.
    @discardableResult
    public static func write(folder: String, shownAs shown: String? = nil) throws(SpreadsheetError) -> String {
        let shown = shown ?? folder
        let run = try RunFolder(folder, shownAs: shown)
        let directory = URL(fileURLWithPath: folder)
        let destination = directory.appendingPathComponent(fileName).path
        try checkReplaceable(destination, folder: shown)
        let temporary = directory.appendingPathComponent(".\(fileName).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
        do throws(SpreadsheetError) {
            try fill(temporary, from: run)
            do { try WorkbookMark.add(to: temporary) } catch {
                throw SpreadsheetError(.writeFailed, folder: shown, file: fileName,
                                       "cannot be written: \(FileFailure.reason(of: error) ?? "\(error)")")
            }
            guard rename(temporary, destination) == 0 else {
                throw SpreadsheetError(.writeFailed, folder: shown, file: fileName,
                                       "cannot be written: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        return destination
    }

    /// Writes the workbook of `run` to `path`.
    private static func fill(_ path: String, from run: RunFolder) throws(SpreadsheetError) {
        let workbook = try XlsxWorkbook(path: path, folder: run.shown, fileName: fileName)
        var about = AboutSheet.rows(run.manifest)[...]
        try addSheet(AboutSheet.name, headings: AboutSheet.headings, from: RunFolder.manifestFile, folder: run.shown,
                     to: workbook) { about.popFirst() }
        for (file, sheet) in tables where FileManager.default.fileExists(atPath: URL(fileURLWithPath: run.path)
            .appendingPathComponent(file).path) {
            var table = try TableFile(file, in: run.path, shownAs: run.shown)
            let layout = TableLayout(header: table.header)
            guard layout.headings.count <= XlsxWorkbook.maximumColumns else {
                throw SpreadsheetError(.badInput, folder: run.shown, file: file,
                                       "has \(layout.headings.count) columns; a worksheet holds \(XlsxWorkbook.maximumColumns)")
            }
            try addSheet(sheet, headings: layout.headings, from: file, folder: run.shown, to: workbook) {
                () throws(SpreadsheetError) in try table.next().map(layout.fields)
            }
        }
        try workbook.close()
    }

    /// Adds sheet `name` to `workbook`: the header row `headings`, then each row `next`
    /// returns until nil, the rows of `file` (named in the error when they are too many).
    private static func addSheet(_ name: String, headings: [String], from file: String, folder: String,
                                 to workbook: XlsxWorkbook,
                                 next: () throws(SpreadsheetError) -> [String]?) throws(SpreadsheetError) {
        let sheet = try workbook.addSheet(name)
        try workbook.writeHeader(headings, in: sheet)
        var widths = headings.map { $0.unicodeScalars.count }
        var row = 0
        while let fields = try next() {
            row += 1
            guard row < XlsxWorkbook.maximumRows else {
                throw SpreadsheetError(.badInput, folder: folder, file: file,
                                       "has more rows than a worksheet holds (\(XlsxWorkbook.maximumRows), the header row included)")
            }
            for (column, field) in fields.enumerated() {
                widths[column] = max(widths[column], field.unicodeScalars.count)
                try workbook.write(CellValue(field: field), in: sheet, row: row, column: column)
            }
        }
        try workbook.finish(sheet, rows: row + 1, widths: widths.map(columnWidth))
    }

    /// The width of a column, in characters, whose longest text has `characters`: room for it
    /// and the filter's button, within 8 and 60.
    private static func columnWidth(_ characters: Int) -> Int { min(max(characters + 3, 8), 60) }

    /// Refuses a `results.xlsx` at `path` that is not cartsim's.
    private static func checkReplaceable(_ path: String, folder: String) throws(SpreadsheetError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFREG, WorkbookMark.isPresent(at: path) else {
            throw SpreadsheetError(.badInput, folder: folder, file: fileName,
                                   "exists and was not written by cartsim (or was saved again since); "
                                   + "cartsim does not replace it: move it away to export")
        }
    }
}
