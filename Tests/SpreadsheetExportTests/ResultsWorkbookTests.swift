import Foundation
import XCTest
@testable import SpreadsheetExport

/// `results.xlsx` is written from a results folder atomically, the same bytes each time, and
/// replaces only a workbook of cartsim's; bad folders and files are named. (What the workbook
/// holds is read back with openpyxl by the end-to-end tests.)
final class ResultsWorkbookTests: XCTestCase {
    private var folder: URL!

    /// A copy of a golden run folder (CSV files and run.json).
    override func setUpWithError() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden/axicel-central-fresh")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cartsim-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in ResultsWorkbook.tables.map(\.0) + ["run.json"] {
            try FileManager.default.copyItem(at: golden.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var workbook: URL { folder.appendingPathComponent(ResultsWorkbook.fileName) }

    private func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testTheWorkbookIsMarkedTheSameBytesEachTimeAndReplacesOnlyItsOwn() throws {
        let path = try ResultsWorkbook.write(folder: folder.path)
        XCTAssertEqual(path, workbook.path)
        XCTAssertTrue(WorkbookMark.isPresent(at: path))
        let first = try Data(contentsOf: workbook)
        XCTAssertEqual(first.prefix(2), Data("PK".utf8), "a zip archive")
        try ResultsWorkbook.write(folder: folder.path)
        XCTAssertEqual(try Data(contentsOf: workbook), first, "same folder, same bytes; cartsim's own workbook is replaced")
        XCTAssertFalse(try contents().contains { $0.hasPrefix(".") }, "no temporary file is left")

        let mine = Data("PK\u{5}\u{6} my own workbook".utf8)
        try mine.write(to: workbook)
        XCTAssertThrowsError(try ResultsWorkbook.write(folder: folder.path)) { error in
            XCTAssertEqual((error as? SpreadsheetError)?.cause, .badInput)
            XCTAssertEqual("\(error)", "\(folder.path): results.xlsx: exists and was not written by cartsim (or was saved "
                           + "again since); cartsim does not replace it: move it away to export")
        }
        XCTAssertEqual(try Data(contentsOf: workbook), mine, "the user's file is untouched")
    }

    func testAMalformedTableIsNamedWithItsLineAndNothingIsWritten() throws {
        let summary = folder.appendingPathComponent("summary.csv")
        try Data((try String(contentsOf: summary, encoding: .utf8) + "cut,short\n").utf8).write(to: summary)
        let lines = try String(contentsOf: summary, encoding: .utf8).split(separator: "\n").count
        XCTAssertThrowsError(try ResultsWorkbook.write(folder: folder.path)) { error in
            XCTAssertEqual((error as? SpreadsheetError)?.cause, .badInput)
            XCTAssertEqual("\(error)", "\(folder.path): summary.csv line \(lines): expected 9 fields, found 2")
        }
        XCTAssertEqual(try contents(), (ResultsWorkbook.tables.map(\.0) + ["run.json"]).sorted(),
                       "neither results.xlsx nor a temporary file")
    }

    func testOnlyTheFolderOfARunIsExported() throws {
        let manifest = folder.appendingPathComponent("run.json")
        try Data(#"{"kind": "sweep", "version": "0.2.0"}"#.utf8).write(to: manifest)
        XCTAssertThrowsError(try ResultsWorkbook.write(folder: folder.path)) { error in
            XCTAssertEqual("\(error)", "\(folder.path): a sweep folder; cartsim export writes results.xlsx from the folder "
                           + "of a run (cartsim run, or merged shards); the CSV files of a sweep folder open in a "
                           + "spreadsheet as they are")
        }
        try FileManager.default.removeItem(at: manifest)
        XCTAssertThrowsError(try ResultsWorkbook.write(folder: folder.path)) { error in
            XCTAssertEqual((error as? SpreadsheetError)?.cause, .badInput)
            XCTAssertTrue("\(error)".hasSuffix(": not a cartsim results folder (it has no run.json of cartsim's); "
                                              + "cartsim export reads the folder that cartsim run writes"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: workbook.path))
    }

    func testTheAboutSheetKeepsEveryDigitOfTheSeed() {
        let rows = AboutSheet.rows(["seed": NSNumber(value: UInt64.max), "scenario": "x", "complete": true,
                                    "files": ["a"], "wall_time_seconds": 0.5])
        XCTAssertEqual(rows, [["scenario", "x"], ["seed", "18446744073709551615"], ["complete", "true"]])
    }
}
