import Foundation
import XCTest

/// The `--out` rule through the built binary, for every command that writes (run, compare,
/// sweep, plan, merge, report): a results folder replaces only an earlier results folder of
/// cartsim's; a file, a folder of the user's, extra files in a results folder, the current
/// folder, another scenario's results in a default folder are refused with exit status 2
/// before anything runs, and left exactly as they were.
final class OutputSafetyTests: FolderTestCase {
    private static let scenario = "Scenarios/point-of-care.yaml"
    /// A run far too long to finish within the test: a refusal must come before it starts.
    private static let endless = ["--replications", "1000000"]

    /// A folder of the user's: a scenario, notes and a spreadsheet.
    private func userFolder(_ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("name: mine\n".utf8).write(to: url.appendingPathComponent("my.yaml"))
        try Data("call the plant on Monday\n".utf8).write(to: url.appendingPathComponent("notes.txt"))
        try Data([0x50, 0x4b, 0x03, 0x04]).write(to: url.appendingPathComponent("costs.xlsx"))
        return url
    }

    /// Every file under `url` (relative path → bytes), to show a refused folder is untouched.
    private func snapshot(_ url: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: url.path))
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = url.appendingPathComponent(path).path
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            files[path] = isDirectory.boolValue ? Data() : try Data(contentsOf: URL(fileURLWithPath: full))
        }
        return files
    }

    /// No temporary or set-aside folder of cartsim's next to `url`.
    private func assertNoLeftovers(beside url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        XCTAssertEqual(names.filter { $0.contains(".tmp-") || $0.contains(".old-") }, [], file: file, line: line)
    }

    /// Runs `arguments` and asserts exit 2 with a message containing `expected`, nothing run.
    private func assertRefused(_ arguments: [String], _ expected: String, file: StaticString = #filePath,
                               line: UInt = #line) throws {
        let result = try CartsimBinary.run(arguments)
        XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(expected), result.stderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
    }

    private func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CartsimBinary.Output {
        let result = try CartsimBinary.run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return result
    }

    func testRunRefusesAFolderOfTheUsersAndAFile() throws {
        let mine = try userFolder("mine")
        let before = try snapshot(mine)
        try assertRefused(["run", Self.scenario, "--out", mine.path] + Self.endless,
                          "is not a cartsim results folder")
        XCTAssertEqual(try snapshot(mine), before)
        let notes = mine.appendingPathComponent("notes.txt")
        try assertRefused(["run", Self.scenario, "--out", notes.path] + Self.endless, "is a file, not a folder")
        XCTAssertEqual(try snapshot(mine), before)
        try assertRefused(["run", Self.scenario, "--out", mine.appendingPathComponent("notes.txt/r").path] + Self.endless,
                          "is a file, not a folder")
        try assertRefused(["run", Self.scenario, "--out", "."] + Self.endless, ". is the current folder or holds it")
        try assertNoLeftovers(beside: mine)
    }

    func testRunRefusesALinkAndResultsWithFilesAdded() throws {
        let results = folder.appendingPathComponent("results")
        _ = try run(["run", Self.scenario, "--replications", "2", "--out", results.path, "--quiet"])
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: results)
        try assertRefused(["run", Self.scenario, "--out", link.path] + Self.endless, "is a symbolic link")
        try Data("mine\n".utf8).write(to: results.appendingPathComponent("notes.txt"))
        let before = try snapshot(results)
        try assertRefused(["run", Self.scenario, "--out", results.path] + Self.endless,
                          "files cartsim did not write there (notes.txt)")
        XCTAssertEqual(try snapshot(results), before)
        try assertNoLeftovers(beside: results)
    }

    /// Replacing earlier results is said on stderr; a run's own report may be replaced, a
    /// report made afterwards by `cartsim report` is the user's.
    func testRunReplacesItsOwnResultsAndSaysSo() throws {
        let results = folder.appendingPathComponent("results")
        let first = try run(["run", Self.scenario, "--replications", "2", "--out", results.path, "--report", "--quiet"])
        XCTAssertEqual(first.stderr, "")
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: results.appendingPathComponent("run.json")))
                                     as? [String: Any])
        XCTAssertEqual(manifest["files"] as? [String], ["breakdowns.csv", "patients.csv", "replications.csv", "report.html", "resources.csv",
                                                        "run.json", "stages.csv", "summary.csv", "timeseries.csv"])
        let report = try String(contentsOf: results.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("Results folder \(results.path)"), "the report names the final folder")
        let second = try run(["run", Self.scenario, "--replications", "3", "--out", results.path, "--quiet"])
        XCTAssertEqual(second.stderr, "cartsim: replaced earlier results (a run of \(Self.scenario)) in \(results.path)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: results.appendingPathComponent("report.html").path))
        _ = try run(["report", results.path])
        try assertRefused(["run", Self.scenario, "--out", results.path] + Self.endless,
                          "files cartsim did not write there (report.html)")
        try assertNoLeftovers(beside: results)
    }

    /// Two scenario files with the same `name` do not replace each other's default folder.
    func testDefaultFolderIsNotTakenOverByAnotherFileOfTheSameName() throws {
        let copy = folder.appendingPathComponent("point-of-care.yaml")
        try FileManager.default.copyItem(at: CartsimBinary.packageRoot.appendingPathComponent(Self.scenario), to: copy)
        let name = "cartsim-safety-\(UUID().uuidString.lowercased())"
        try Data(try String(contentsOf: copy, encoding: .utf8)
            .replacingOccurrences(of: "name: point-of-care", with: "name: \(name)").utf8).write(to: copy)
        let other = folder.appendingPathComponent("other.yaml")
        try FileManager.default.copyItem(at: copy, to: other)
        let results = CartsimBinary.packageRoot.appendingPathComponent("Results/\(name)")
        defer { try? FileManager.default.removeItem(at: results) }
        _ = try run(["run", copy.path, "--replications", "2", "--quiet"])
        let before = try snapshot(results)
        try assertRefused(["run", other.path] + Self.endless,
                          "Results/\(name) holds the results of a run of \(copy.path), not of a run of \(other.path); give --out")
        XCTAssertEqual(try snapshot(results), before)
        let again = try run(["run", copy.path, "--replications", "2", "--quiet"])
        XCTAssertEqual(again.stderr, "cartsim: replaced earlier results (a run of \(copy.path)) in Results/\(name)\n")
    }

    func testAnalystCommandsRefuseAFolderOfTheUsers() throws {
        let mine = try userFolder("mine")
        let before = try snapshot(mine)
        try assertRefused(["compare", Self.scenario, Self.scenario, "--out", mine.path] + Self.endless,
                          "is not a cartsim results folder")
        try assertRefused(["sweep", Self.scenario, "--set", "sites.lab-a.suites=2,3", "--out", mine.path] + Self.endless,
                          "is not a cartsim results folder")
        try assertRefused(["plan", Self.scenario, "--vary", "sites.lab-a.suites", "--min", "1", "--max", "3",
                           "--target", "vein_to_vein_p90_days<=30", "--out", mine.path] + Self.endless,
                          "is not a cartsim results folder")
        XCTAssertEqual(try snapshot(mine), before)
        try assertNoLeftovers(beside: mine)
    }

    /// A sweep replaces its own results (and says so); a run does not take over its folder
    /// when it holds files added by the user.
    func testSweepAndPlanReplaceOnlyTheirOwnResults() throws {
        let sweep = folder.appendingPathComponent("sweep")
        let arguments = ["sweep", Self.scenario, "--set", "simulation.horizon=20w", "--set", "simulation.warmup=2w",
                         "--set", "sites.lab-a.suites=2,3", "--replications", "2", "--out", sweep.path, "--quiet"]
        _ = try run(arguments)
        XCTAssertEqual(try run(arguments).stderr,
                       "cartsim: replaced earlier results (a sweep of \(Self.scenario)) in \(sweep.path)\n")
        try Data("x".utf8).write(to: sweep.appendingPathComponent("chart.png"))
        try assertRefused(Array(arguments.dropLast(1)) + Self.endless, "files cartsim did not write there (chart.png)")
        let plan = folder.appendingPathComponent("plan")
        let planArguments = ["plan", Self.scenario, "--vary", "sites.lab-a.suites",
                             "--min", "1", "--max", "2", "--target", "vein_to_vein_p90_days<=300",
                             "--replications", "2", "--out", plan.path, "--quiet"]
        let planned = try CartsimBinary.run(planArguments)
        guard planned.status == 0 else { return XCTFail("plan: \(planned.stderr)") }
        try Data("x".utf8).write(to: plan.appendingPathComponent("notes.txt"))
        try assertRefused(planArguments, "files cartsim did not write there (notes.txt)")
    }

    func testMergeRefusesAFolderOfTheUsersAndItsOwnShards() throws {
        let shards = folder.appendingPathComponent("shards")
        for k in 1...2 {
            _ = try run(["run", Self.scenario, "--replications", "2", "--shard", "\(k)/2",
                         "--out", shards.appendingPathComponent("shard-\(k)").path, "--quiet"])
        }
        let inputs = (1...2).map { shards.appendingPathComponent("shard-\($0)").path }
        let mine = try userFolder("mine")
        let before = try snapshot(mine)
        try assertRefused(["merge"] + inputs + ["--out", mine.path], "is not a cartsim results folder")
        XCTAssertEqual(try snapshot(mine), before)
        let shardsBefore = try snapshot(shards)
        try assertRefused(["merge"] + inputs + ["--out", inputs[0]], "would replace the shard folder")
        try assertRefused(["merge"] + inputs + ["--out", shards.path], "is not a cartsim results folder")
        XCTAssertEqual(try snapshot(shards), shardsBefore)
        let merged = folder.appendingPathComponent("merged")
        _ = try run(["merge"] + inputs + ["--out", merged.path])
        let again = try run(["merge"] + inputs + ["--out", merged.path])
        XCTAssertTrue(again.stderr.hasPrefix("cartsim: replaced earlier results (a run of \(Self.scenario))"), again.stderr)
        try assertNoLeftovers(beside: merged)
    }

    /// `cartsim report` replaces a report of cartsim's, never a `report.html` of the user's.
    func testReportDoesNotOverwriteAFileItDidNotWrite() throws {
        let results = folder.appendingPathComponent("results")
        _ = try run(["run", Self.scenario, "--replications", "2", "--out", results.path, "--quiet"])
        _ = try run(["report", results.path])
        _ = try run(["report", results.path])
        let page = results.appendingPathComponent("report.html")
        try Data("<html>my own page</html>\n".utf8).write(to: page)
        try assertRefused(["report", results.path], "report.html: exists and was not written by cartsim")
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), "<html>my own page</html>\n")
    }
}
