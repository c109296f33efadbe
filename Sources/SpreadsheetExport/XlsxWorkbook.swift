import CXlsxWriter

/// A workbook written by libxlsxwriter in its constant-memory mode: each sheet's rows must be
/// written in order, top to bottom, and leave memory as they are written, so a sheet of a
/// million rows does not stay in memory. Every libxlsxwriter error comes back as a
/// ``SpreadsheetError`` naming the sheet and cell. The file exists only after ``close()``;
/// a workbook dropped before then writes nothing.
final class XlsxWorkbook {
    /// One worksheet of the workbook.
    struct Sheet {
        fileprivate let pointer: UnsafeMutablePointer<lxw_worksheet>
        let name: String
    }

    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private let bold: UnsafeMutablePointer<lxw_format>
    private let isoDate: UnsafeMutablePointer<lxw_format>
    /// How errors name the workbook: the results folder, and the file's name in it.
    private let folder: String, fileName: String

    /// The most rows a worksheet holds (Excel's limit), its header row included.
    static let maximumRows = Int(LXW_ROW_MAX)
    /// The most columns a worksheet holds (Excel's limit).
    static let maximumColumns = Int(LXW_COL_MAX)

    /// A new workbook that ``close()`` writes to `path`; `folder` and `fileName` name it in errors.
    init(path: String, folder: String, fileName: String) throws(SpreadsheetError) {
        self.folder = folder
        self.fileName = fileName
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
        guard let workbook = workbook_new_opt(path, &options),
              let bold = workbook_add_format(workbook), let isoDate = workbook_add_format(workbook) else {
            throw SpreadsheetError(.writeFailed, folder: folder, file: fileName, "cannot be created (out of memory)")
        }
        self.workbook = workbook
        self.bold = bold
        self.isoDate = isoDate
        format_set_bold(bold)
        format_set_num_format(isoDate, "yyyy-mm-dd")
        // A fixed creation time (1980-01-01, the earliest a zip entry can have): the same
        // folder gives the same bytes.
        var properties = lxw_doc_properties()
        properties.created = 315_532_800
        try check(workbook_set_properties(workbook, &properties), "its properties")
    }

    deinit {
        if let workbook { lxw_workbook_free(workbook) }
    }

    /// Adds a sheet called `name` (at most 31 characters, none of `[]:*?/\`) after the others.
    func addSheet(_ name: String) throws(SpreadsheetError) -> Sheet {
        guard let workbook, let sheet = workbook_add_worksheet(workbook, name) else {
            throw SpreadsheetError(.writeFailed, folder: folder, file: fileName, "cannot add sheet '\(name)'")
        }
        return Sheet(pointer: sheet, name: name)
    }

    /// Writes the header row of `sheet` in bold.
    func writeHeader(_ headings: [String], in sheet: Sheet) throws(SpreadsheetError) {
        for (column, heading) in headings.enumerated() {
            try check(worksheet_write_string(sheet.pointer, 0, lxw_col_t(column), heading, bold),
                      cell(sheet, row: 0, column: column))
        }
    }

    /// Writes `value` into `sheet` at 0-based `row` and `column`; rows must come in order.
    func write(_ value: CellValue, in sheet: Sheet, row: Int, column: Int) throws(SpreadsheetError) {
        let (r, c) = (lxw_row_t(row), lxw_col_t(column))
        let error: lxw_error
        switch value {
        case .blank: return
        case .number(let number): error = worksheet_write_number(sheet.pointer, r, c, number, nil)
        case .boolean(let flag): error = worksheet_write_boolean(sheet.pointer, r, c, flag ? 1 : 0, nil)
        case .date(let year, let month, let day):
            var date = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
            error = worksheet_write_datetime(sheet.pointer, r, c, &date, isoDate)
        case .text(let text): error = worksheet_write_string(sheet.pointer, r, c, text, nil)
        }
        try check(error, cell(sheet, row: row, column: column))
    }

    /// Freezes the header row of `sheet`, puts a filter on it over `rows` rows (the header
    /// included) and sets each column's width, in characters.
    func finish(_ sheet: Sheet, rows: Int, widths: [Int]) throws(SpreadsheetError) {
        worksheet_freeze_panes(sheet.pointer, 1, 0)
        guard !widths.isEmpty else { return }
        try check(worksheet_autofilter(sheet.pointer, 0, 0, lxw_row_t(rows - 1), lxw_col_t(widths.count - 1)),
                  "the filter of sheet '\(sheet.name)'")
        for (column, width) in widths.enumerated() {
            try check(worksheet_set_column(sheet.pointer, lxw_col_t(column), lxw_col_t(column), Double(width), nil),
                      "the width of sheet '\(sheet.name)' column \(column + 1)")
        }
    }

    /// Writes the file; the workbook can take nothing more.
    func close() throws(SpreadsheetError) {
        guard let workbook else { return }
        self.workbook = nil
        try check(workbook_close(workbook), "the file")
    }

    /// `sheet 'summary' cell B3`.
    private func cell(_ sheet: Sheet, row: Int, column: Int) -> String {
        var name = ""
        var rest = column + 1
        while rest > 0 {
            name = String(UnicodeScalar(UInt8(ascii: "A") + UInt8((rest - 1) % 26))) + name
            rest = (rest - 1) / 26
        }
        return "sheet '\(sheet.name)' cell \(name)\(row + 1)"
    }

    /// Throws libxlsxwriter's description of `error`, if it is one, saying what was being written.
    private func check(_ error: lxw_error, _ what: @autoclosure () -> String) throws(SpreadsheetError) {
        guard error != LXW_NO_ERROR else { return }
        throw SpreadsheetError(.writeFailed, folder: folder, file: fileName,
                               "cannot be written (\(what())): \(String(cString: lxw_strerror(error)))")
    }
}
