import Foundation
import XCTest

/// `cartsim report` through the built binary (`CARTSIM_BIN`, as `make test` sets it, else
/// the debug binary of this package): exit status 0 and the report's path, or exit status 2
/// and the message naming the missing file on stderr.
final class ReportCommandTests: XCTestCase {
    override class func tearDown() { ReportFixtures.cleanUp() }

    private func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["CARTSIM_BIN"] { return URL(fileURLWithPath: path) }
        let debug = ReportFixtures.packageRoot.appendingPathComponent(".build/debug/cartsim")
        guard FileManager.default.isExecutableFile(atPath: debug.path) else {
            throw XCTSkip("no cartsim binary: set CARTSIM_BIN or build .build/debug/cartsim")
        }
        return debug
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    func testReportCommandExitStatuses() throws {
        let folder = try ReportFixtures.folder("cli", ["run.json": ExperimentFolderTests.compareJSON,
                                                       "compare.csv": ExperimentFolderTests.compareCSV])
        let good = try run(["report", folder.path])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(good.stdout, folder.appendingPathComponent("report.html").path + "\n")
        XCTAssertEqual(good.stderr, "")

        try FileManager.default.removeItem(at: folder.appendingPathComponent("compare.csv"))
        let missing = try run(["report", folder.path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "cartsim report: \(folder.path): missing compare.csv\n")
        XCTAssertEqual(missing.stdout, "")

        let incomplete = try ReportFixtures.folder("cli-run", ["run.json": "{\"kind\": \"run\"}"])
        let noSummary = try run(["report", incomplete.path])
        XCTAssertEqual(noSummary.status, 2)
        XCTAssertEqual(noSummary.stderr, "cartsim report: \(incomplete.path): missing summary.csv\n")

        let usage = try run(["report"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("report needs exactly one results folder"), usage.stderr)
    }
}
