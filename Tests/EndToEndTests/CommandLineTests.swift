import Foundation
import XCTest

/// Help, version, usage errors and determinism of the built binary.
final class CommandLineTests: XCTestCase {
    func testVersionAndHelp() throws {
        let version = try CartsimBinary.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("cartsim "), version.stdout)
        let help = try CartsimBinary.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE: cartsim <command> [options]"))
        XCTAssertTrue(help.stdout.contains("run SCENARIO"))
        let runHelp = try CartsimBinary.run(["run", "--help"])
        XCTAssertEqual(runHelp.status, 0)
        for option in ["--replications N", "--seed N", "--warmup DURATION", "--jobs N", "--patients K|all", "--out DIR"] {
            XCTAssertTrue(runHelp.stdout.contains(option), option)
        }
    }

    func testUsageErrorsExitWithStatus2() throws {
        let unknown = try CartsimBinary.run(["simulate"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stderr, "cartsim: unknown command 'simulate'; see cartsim --help for the commands\n")
        let badCount = try CartsimBinary.run(["run", "Scenarios/axicel-central-fresh.yaml", "--replications", "zero"])
        XCTAssertEqual(badCount.status, 2)
        XCTAssertEqual(badCount.stderr, "cartsim: --replications expects an integer in 1...1000000, got 'zero'\n")
        let missing = try CartsimBinary.run(["run"])
        XCTAssertEqual(missing.status, 2)
    }

    /// Same seed → byte-identical replications.csv, summary.csv and patients.csv whatever
    /// the number of parallel jobs.
    func testResultsDoNotDependOnTheNumberOfJobs() throws {
        var outputs: [[String: Data]] = []
        for jobs in ["1", "2"] {
            let out = CartsimBinary.temporaryPath("jobs-\(jobs)")
            defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
            let run = try CartsimBinary.run(["run", "Scenarios/tisacel-cryo-hub.yaml", "--replications", "6",
                                             "--jobs", jobs, "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            var files: [String: Data] = [:]
            for name in ["replications.csv", "summary.csv", "patients.csv", "stages.csv", "resources.csv",
                         "timeseries.csv", "breakdowns.csv"] {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        XCTAssertEqual(outputs[0], outputs[1])
    }

    func testValidatePrintsASummaryForAValidScenario() throws {
        let result = try CartsimBinary.run(["validate", "Scenarios/point-of-care.yaml"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("Scenarios/point-of-care.yaml: ok: 'point-of-care' — 3 centres, 3 plants"),
                      result.stdout)
    }
}
