import Foundation
import XCTest

/// `run --xlsx` and `cartsim export` write results.xlsx: an `about` sheet, then one sheet per
/// table of the folder, read back here with openpyxl (`scripts/read-xlsx.py`) — the header row
/// bold, frozen and filtered, units in the headings, and every value of summary.csv and
/// replications.csv a number equal to the CSV's (exactly: the same decimal text gives the same
/// double). The workbook replaces only a workbook of cartsim's.
final class ExcelExportTests: FolderTestCase {
    private static let sheetNames = ["about", "summary", "breakdowns", "resources", "stages", "time series", "replications"]

    @discardableResult
    private func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CartsimBinary.Output {
        let result = try CartsimBinary.run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return result
    }

    /// The rows of a CSV file, the header first, as fields.
    private func csv(_ name: String, in folder: URL) throws -> [[String]] {
        let table = try CSVFile(url: folder.appendingPathComponent(name))
        return [table.header] + table.rows.map { row in table.header.map { row[$0] ?? "" } }
    }

    /// Asserts that every field of `rows` (a CSV file's records) is in `sheet` at the same
    /// place, shifted right past the inserted `unit` column at `unitColumn`: a number equal to
    /// the field read as a double, a blank for an empty field, text for the `textColumns`.
    private func assertCells(of rows: [[String]], in sheet: WorkbookReader.Sheet, unitColumn: Int? = nil,
                             textColumns: Set<Int> = [], line: UInt = #line) {
        XCTAssertEqual(sheet.rows.count, rows.count, "\(sheet.name): one row per record", line: line)
        for (r, fields) in rows.enumerated().dropFirst() {
            var cells = sheet.rows[r]
            if let unitColumn { cells.remove(at: unitColumn) }
            XCTAssertEqual(cells.count, fields.count, "\(sheet.name) row \(r + 1)", line: line)
            for (c, (field, cell)) in zip(fields, cells).enumerated() {
                let place = "\(sheet.name) row \(r + 1) column \(c + 1) ('\(field)')"
                if field.isEmpty {
                    XCTAssertNil(cell, place, line: line)
                } else if textColumns.contains(c) {
                    XCTAssertEqual(cell, .init(type: "text", value: field), place, line: line)
                } else {
                    XCTAssertEqual(cell?.type, "number", place, line: line)
                    XCTAssertEqual(cell.flatMap { Double($0.value) }, Double(field), place, line: line)
                }
            }
        }
    }

    func testRunWritesAWorkbookOfTheFolder() throws {
        let out = folder.appendingPathComponent("run")
        let result = try run(["run", "Scenarios/axicel-central-fresh.yaml", "--replications", "3", "--xlsx", "--out", out.path])
        XCTAssertTrue(result.stdout.hasSuffix("workbook: \(out.path)/results.xlsx\n"), result.stdout)
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
            as? [String: Any])
        XCTAssertTrue((manifest["files"] as? [String] ?? []).contains("results.xlsx"), "run.json lists results.xlsx")

        let workbook = try WorkbookReader(out.appendingPathComponent("results.xlsx"))
        XCTAssertEqual(workbook.sheets.map(\.name), Self.sheetNames)
        for sheet in workbook.sheets {
            XCTAssertEqual(sheet.freezePanes, "A2", "\(sheet.name): the header row is frozen")
            XCTAssertTrue(sheet.headerBold, "\(sheet.name): the header row is bold")
            XCTAssertTrue(sheet.autoFilter?.hasPrefix("A1:") == true && sheet.autoFilter?.hasSuffix("\(sheet.rows.count)") == true,
                          "\(sheet.name): a filter over every row: \(sheet.autoFilter ?? "none")")
        }

        let about = try workbook.sheet("about")
        XCTAssertEqual(about.rows.first { $0.first??.value == "seed" }?.last, .init(type: "number", value: "20260105.0"))
        XCTAssertEqual(about.rows.first { $0.first??.value == "replications" }?.last, .init(type: "number", value: "3.0"))
        XCTAssertEqual(about.rows.first { $0.first??.value == "complete" }?.last, .init(type: "boolean", value: "true"))

        // summary: a unit column after kpi; every other value a number equal to the CSV's.
        let summaryCSV = try csv("summary.csv", in: out)
        let summary = try workbook.sheet("summary")
        XCTAssertEqual(summary.headings, ["kpi", "unit"] + summaryCSV[0].dropFirst())
        assertCells(of: summaryCSV, in: summary, unitColumn: 1, textColumns: [0])
        let units = Dictionary(uniqueKeysWithValues: summary.rows.dropFirst().map { ($0[0]?.value ?? "", $0[1]?.value ?? "") })
        XCTAssertEqual(units["vein_to_vein_p90_days"], "days")
        XCTAssertEqual(units["not_infused_fraction"], "fraction")
        XCTAssertEqual(units["infusions_per_year"], "per year")
        XCTAssertEqual(units["patients_referred"], "count")
        XCTAssertEqual(units["total_cost"], "money")

        // replications: every field a number equal to the CSV's, the unit in the headings.
        let replicationsCSV = try csv("replications.csv", in: out)
        let replications = try workbook.sheet("replications")
        XCTAssertEqual(replications.rows.count, 4)
        assertCells(of: replicationsCSV, in: replications)
        for heading in ["seed", "vein_to_vein_mean (days)", "infusions (per year)", "not_infused (fraction)", "out_of_spec_rate (fraction)"] {
            XCTAssertTrue(replications.headings.contains(heading), heading)
        }
        XCTAssertFalse(replications.headings.contains("vein_to_vein_mean_days"))

        // The other tables: units in the headings, dates as dates, true/false as booleans.
        XCTAssertEqual(try workbook.sheet("stages").headings,
                       ["stage", "observations (per replication)", "waiting_mean (days)", "waiting_p90 (days)",
                        "working_mean (days)", "working_p90 (days)", "total_mean (days)"])
        XCTAssertTrue(try workbook.sheet("resources").headings.starts(with: ["resource", "site", "pool", "capacity",
                                                                             "utilization (fraction)"]))
        let timeseriesCSV = try csv("timeseries.csv", in: out)
        let timeseries = try workbook.sheet("time series")
        XCTAssertEqual(timeseries.headings, timeseriesCSV[0])
        XCTAssertEqual(timeseries.rows[1][1], .init(type: "date", value: timeseriesCSV[1][1]))
        XCTAssertEqual(timeseries.rows[1][2], .init(type: "boolean", value: timeseriesCSV[1][2]))
        XCTAssertEqual(try workbook.sheet("breakdowns").rows.count, try csv("breakdowns.csv", in: out).count)
    }

    func testExportWritesTheWorkbookOfAResultsFolderAndReplacesOnlyItsOwn() throws {
        let plain = folder.appendingPathComponent("plain"), direct = folder.appendingPathComponent("direct")
        try run(["run", "Scenarios/point-of-care.yaml", "--replications", "2", "--out", plain.path, "--quiet"])
        try run(["run", "Scenarios/point-of-care.yaml", "--replications", "2", "--out", direct.path, "--quiet", "--xlsx"])
        let workbook = plain.appendingPathComponent("results.xlsx")
        let export = try run(["export", plain.path])
        XCTAssertEqual(export.stdout, workbook.path + "\n")
        XCTAssertEqual(try WorkbookReader(workbook).sheets.map(\.name), Self.sheetNames)
        XCTAssertEqual(try Data(contentsOf: workbook), try Data(contentsOf: direct.appendingPathComponent("results.xlsx")),
                       "the same results give the same workbook, from run --xlsx or from export")
        try run(["export", plain.path])

        // A workbook of the user's (one saved again by a spreadsheet program) is never replaced.
        let mine = Data("my own workbook".utf8)
        try mine.write(to: workbook)
        let refused = try CartsimBinary.run(["export", plain.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "cartsim export: \(plain.path): results.xlsx: exists and was not written by cartsim "
                       + "(or was saved again since); cartsim does not replace it: move it away to export\n")
        XCTAssertEqual(try Data(contentsOf: workbook), mine)
        // An exported workbook is not in run.json: a later run keeps it as the user's.
        let rerun = try CartsimBinary.run(["run", "Scenarios/point-of-care.yaml", "--out", plain.path, "--quiet"])
        XCTAssertEqual(rerun.status, 2)
        XCTAssertTrue(rerun.stderr.contains("(results.xlsx)") && rerun.stderr.contains(
            "(a results.xlsx made by cartsim export is kept as yours; run --xlsx writes one a later run may replace)"),
                      rerun.stderr)
    }

    func testExportRefusesAFolderThatIsNotAResultsFolder() throws {
        let mine = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("a,b\n1,2\n".utf8).write(to: mine.appendingPathComponent("summary.csv"))
        let refused = try CartsimBinary.run(["export", mine.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "cartsim export: \(mine.path): not a cartsim results folder (it has no run.json of "
                       + "cartsim's); cartsim export reads the folder that cartsim run writes\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mine.path), ["summary.csv"], "nothing written")
        let usage = try CartsimBinary.run(["export"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertEqual(usage.stderr, "cartsim: export needs exactly one results folder (see cartsim export --help)\n")
    }
}
