import Foundation
import XCTest
import ResultsReport

/// Broken or incomplete folders: the exact message names the folder, the file and, for a
/// malformed CSV, the line; no report is written. Through the binary: exit status 2.
final class ReportErrorTests: XCTestCase {
    override class func tearDown() { ReportFixtures.cleanUp() }

    private func message(_ folder: URL) -> String? {
        do {
            try ReportWriter.write(folder: folder.path)
            return nil
        } catch {
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path),
                           "no report from a broken folder")
            return error.description
        }
    }

    func testMissingAndBrokenFiles() throws {
        let folder = try ReportFixtures.run("point-of-care", replications: 2)
        let summary = folder.appendingPathComponent("summary.csv")
        let text = try String(contentsOf: summary, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

        try FileManager.default.removeItem(at: summary)
        XCTAssertEqual(message(folder), "\(folder.path): missing summary.csv")

        // Cut short in the middle of the last line.
        try String(text.dropLast(7)).write(to: summary, atomically: true, encoding: .utf8)
        XCTAssertEqual(message(folder), "\(folder.path): summary.csv line \(lines.count - 1): "
                       + "the last line has no line break (the file was cut short)")

        // A field lost on line 5.
        var ragged = lines.map(String.init)
        ragged[4] = ragged[4].split(separator: ",").dropLast().joined(separator: ",")
        try ragged.joined(separator: "\n").write(to: summary, atomically: true, encoding: .utf8)
        XCTAssertEqual(message(folder), "\(folder.path): summary.csv line 5: expected 9 fields, found 8")

        // Not a number.
        var garbled = lines.map(String.init)
        garbled[2] = garbled[2].replacingOccurrences(of: ",", with: ",x", options: [], range: garbled[2].range(of: ","))
        try garbled.joined(separator: "\n").write(to: summary, atomically: true, encoding: .utf8)
        let kpi = garbled[2].split(separator: ",")[1]
        XCTAssertEqual(message(folder), "\(folder.path): summary.csv line 3: '\(kpi)' in column 'mean' is not a number")

        try text.write(to: summary, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("timeseries.csv"))
        XCTAssertEqual(message(folder), "\(folder.path): missing timeseries.csv")
    }

    func testFolderAndRunJSON() throws {
        let empty = try ReportFixtures.folder("empty", [:])
        XCTAssertEqual(message(empty), "\(empty.path): missing run.json")
        XCTAssertEqual(message(empty.appendingPathComponent("nothing")), "\(empty.path)/nothing: no such folder")
        let bad = try ReportFixtures.folder("bad-json", ["run.json": "{\"kind\": \"run\""])
        XCTAssertEqual(message(bad), "\(bad.path): run.json: is not a JSON object")
        let kind = try ReportFixtures.folder("kind", ["run.json": "{\"kind\": \"bake\"}"])
        XCTAssertEqual(message(kind), "\(kind.path): run.json: unknown kind 'bake'; expected run, compare, sweep, plan, sensitivity or optimise")
        let compare = try ReportFixtures.folder("compare-cols", [
            "run.json": "{\"kind\": \"compare\"}", "compare.csv": "kpi,mean_a\nx,1\n",
        ])
        XCTAssertEqual(message(compare), "\(compare.path): compare.csv: no column 'mean_b'")
        let quote = try ReportFixtures.folder("quote", [
            "run.json": "{\"kind\": \"compare\"}", "compare.csv": "kpi,mean_a\n\"x,1\n",
        ])
        XCTAssertEqual(message(quote), "\(quote.path): compare.csv line 2: a quoted field is not closed")
    }

    /// A failed report leaves an earlier report.html as it was.
    func testEarlierReportIsKept() throws {
        let folder = try ReportFixtures.folder("keep", ["run.json": ExperimentFolderTests.compareJSON,
                                                        "compare.csv": ExperimentFolderTests.compareCSV])
        let path = try ReportWriter.write(folder: folder.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try "kpi\n".write(to: folder.appendingPathComponent("compare.csv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ReportWriter.write(folder: folder.path))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary file left behind")
    }
}
