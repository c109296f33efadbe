import Foundation
import XCTest

/// `cartsim compare`, `sweep` and `plan` through the built binary: the documented files and
/// columns, the report `--report` adds (listed in `run.json`), and bad `--set` paths (exit
/// status 2, exact message, no folder).
final class AnalystCommandTests: FolderTestCase {
    private static let scenario = "Scenarios/axicel-central-fresh.yaml"
    /// Overrides that keep a run short: 30 weeks, 4 of them warm-up.
    private static let short = ["--set", "simulation.horizon=30w", "--set", "simulation.warmup=4w"]

    /// A copy of the example with a short horizon and `replace` applied to its text.
    private func shortCopy(_ name: String, replacing replace: [(String, String)] = []) throws -> String {
        var text = try String(contentsOf: CartsimBinary.packageRoot.appendingPathComponent(Self.scenario), encoding: .utf8)
        for (old, new) in [("horizon: 104w", "horizon: 30w"), ("warmup: 26w", "warmup: 4w")] + replace {
            text = text.replacingOccurrences(of: old, with: new)
        }
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    private func json(_ url: URL) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// `--report` left a report in `out` that `run.json` lists and stdout names, and that shows `text`.
    private func assertReport(in out: URL, stdout: String, shows text: String, line: UInt = #line) throws {
        let report = out.appendingPathComponent("report.html")
        let html = try String(contentsOf: report, encoding: .utf8)
        XCTAssertTrue(html.contains(text), "the report shows \(text)", line: line)
        XCTAssertTrue((try json(out.appendingPathComponent("run.json"))["files"] as? [String])?.contains("report.html") ?? false,
                      line: line)
        XCTAssertTrue(stdout.contains("report: \(report.path)"), stdout, line: line)
    }

    func testCompareWritesItsFiles() throws {
        let a = try shortCopy("a.yaml"), b = try shortCopy("b.yaml", replacing: [("suites: 16", "suites: 17")])
        let out = folder.appendingPathComponent("compare")
        let run = try CartsimBinary.run(["compare", a, b, "--replications", "5", "--jobs", "2", "--out", out.path, "--report"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertReport(in: out, stdout: run.stdout, shows: "Vein-to-vein")
        XCTAssertTrue(run.stdout.contains("vein-to-vein mean (days)"), run.stdout)
        let compare = try CSVFile(url: out.appendingPathComponent("compare.csv"))
        XCTAssertEqual(compare.header, ["kpi", "mean_a", "mean_b", "difference_mean", "difference_ci95_low",
                                        "difference_ci95_high", "difference_ci95_half_width",
                                        "unpaired_ci95_half_width", "excludes_zero", "replications"])
        XCTAssertEqual(Array(compare.rows.map { $0["kpi"]! }.prefix(OutputContract.kpis.count)), OutputContract.kpis)
        for name in ["summary_a.csv", "summary_b.csv"] {
            XCTAssertEqual(try CSVFile(url: out.appendingPathComponent(name)).header, OutputContract.summary)
        }
        let metadata = try json(out.appendingPathComponent("run.json"))
        XCTAssertEqual(metadata["kind"] as? String, "compare")
        XCTAssertEqual(metadata["scenario_a"] as? String, "axicel-central-fresh")
        XCTAssertEqual(metadata["scenario_b"] as? String, "axicel-central-fresh")
        XCTAssertEqual(metadata["seed"] as? Int, 20260105)
        XCTAssertEqual(metadata["replications"] as? Int, 5)
        XCTAssertNotNil(metadata["version"] as? String)
    }

    func testSweepWritesItsFiles() throws {
        let out = folder.appendingPathComponent("sweep")
        let run = try CartsimBinary.run(["sweep", Self.scenario] + Self.short
                                        + ["--set", "sites.plant-west.suites=15,16",
                                           "--set", "lanes[0].transit={triangular: [20h, 26h, 40h]},2d",
                                           "--replications", "4", "--out", out.path, "--report"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertReport(in: out, stdout: run.stdout, shows: "sites.plant-west.suites")
        let sweep = try CSVFile(url: out.appendingPathComponent("sweep.csv"))
        XCTAssertEqual(sweep.header, ["point", "simulation.horizon", "simulation.warmup", "sites.plant-west.suites",
                                      "lanes[0].transit", "kpi", "mean", "ci95_low", "ci95_high", "ci95_half_width",
                                      "replications"])
        let firstRows = sweep.rows.filter { $0["kpi"] == "patients_referred" }
        XCTAssertEqual(firstRows.map { $0["point"]! }, ["0", "1", "2", "3"])
        XCTAssertEqual(firstRows.map { $0["sites.plant-west.suites"]! }, ["15", "15", "16", "16"])
        XCTAssertEqual(firstRows.map { $0["lanes[0].transit"]! },
                       ["{triangular: [20h, 26h, 40h]}", "2d", "{triangular: [20h, 26h, 40h]}", "2d"])
        XCTAssertEqual(sweep.rows.count % 4, 0)
        let metadata = try json(out.appendingPathComponent("run.json"))
        XCTAssertEqual(metadata["kind"] as? String, "sweep")
        XCTAssertEqual(metadata["scenario"] as? String, "axicel-central-fresh")
        XCTAssertEqual(metadata["paths"] as? [String],
                       ["simulation.horizon", "simulation.warmup", "sites.plant-west.suites", "lanes[0].transit"])
        XCTAssertEqual(metadata["seed"] as? Int, 20260105)
        XCTAssertEqual(metadata["replications"] as? Int, 4)
    }

    func testPlanWritesItsFiles() throws {
        let file = try shortCopy("plan.yaml")
        let out = folder.appendingPathComponent("plan")
        let run = try CartsimBinary.run(["plan", file, "--vary", "sites.plant-west.suites", "--min", "12", "--max", "20",
                                         "--target", "plant_west_suites_wait_mean_days<=0.5", "--replications", "5",
                                         "--out", out.path, "--report"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertReport(in: out, stdout: run.stdout, shows: "plant_west_suites_wait_mean_days")
        let plan = try CSVFile(url: out.appendingPathComponent("plan.csv"))
        XCTAssertEqual(plan.header, ["point", "value", "kpi", "mean", "ci95_low", "ci95_high", "ci95_half_width",
                                     "replications", "target", "feasible"])
        let metadata = try json(out.appendingPathComponent("run.json"))
        XCTAssertEqual(metadata["kind"] as? String, "plan")
        XCTAssertEqual(metadata["complete"] as? Bool, true)
        XCTAssertEqual(metadata["path"] as? String, "sites.plant-west.suites")
        XCTAssertEqual(metadata["target_kpi"] as? String, "plant_west_suites_wait_mean_days")
        XCTAssertEqual(metadata["target_value"] as? Double, 0.5)
        let answer = try XCTUnwrap(metadata["answer"] as? Int)
        XCTAssertEqual(metadata["evaluated"] as? [Int], plan.rows.map { Int($0["value"]!)! })
        XCTAssertEqual(plan.rows.map { $0["point"]! }, plan.rows.indices.map(String.init))
        XCTAssertEqual(plan.rows.filter { $0["feasible"] == "true" }.map { Int($0["value"]!)! }.min(), answer)
        XCTAssertTrue(run.stdout.contains("answer: sites.plant-west.suites = \(answer)"), run.stdout)
    }

    /// `--set-b` makes B from A: the paired difference is that of the override alone, run.json
    /// records it, and a bad path is named with the option the user typed.
    func testCompareWithSetBMakesBFromA() throws {
        let a = try shortCopy("a.yaml")
        let out = folder.appendingPathComponent("set-b")
        let run = try CartsimBinary.run(["compare", a, "--set-b", "sites.plant-west.suites=8", "--replications", "3",
                                         "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try CSVFile(url: out.appendingPathComponent("compare.csv")).rows
        let suites = try XCTUnwrap(rows.first { $0["kpi"] == "plant_west_suites_utilization" })
        XCTAssertGreaterThan(CSVFile.number(suites, "difference_ci95_low"), 0, "half the suites are busier")
        let unchanged = try XCTUnwrap(rows.first { $0["kpi"] == "patients_referred" })
        XCTAssertEqual(unchanged["difference_mean"], "0.0000", "referrals share their random numbers")
        let metadata = try json(out.appendingPathComponent("run.json"))
        XCTAssertEqual(metadata["scenario_b_overrides"] as? String, "--set-b sites.plant-west.suites=8")
        XCTAssertEqual(metadata["scenario_b_file"] as? String, a)

        let badOut = folder.appendingPathComponent("bad-set-b")
        let bad = try CartsimBinary.run(["compare", a, "--set-b", "sites.plant-west.suits=8", "--out", badOut.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "--set-b sites.plant-west.suits=8:1:1: sites.plant-west: no key 'suits' in the file; "
            + "did you mean 'suites'?\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: badOut.path))
        let lonely = try CartsimBinary.run(["compare", a, "--out", badOut.path])
        XCTAssertEqual(lonely.status, 2, "one file needs --set-b")
    }

    func testBadSetPathExitsWith2AndLeavesNoFolder() throws {
        let message = "--set sites.plant-west.suits=15:1:1: sites.plant-west: no key 'suits' in the file; "
            + "did you mean 'suites'?\n"
        let sweepOut = folder.appendingPathComponent("bad-sweep")
        let sweep = try CartsimBinary.run(["sweep", Self.scenario, "--set", "sites.plant-west.suits=15,16",
                                           "--out", sweepOut.path])
        XCTAssertEqual(sweep.status, 2)
        XCTAssertEqual(sweep.stderr, message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sweepOut.path))

        let planOut = folder.appendingPathComponent("bad-plan")
        let plan = try CartsimBinary.run(["plan", Self.scenario, "--vary", "sites.plant-west.suits", "--min", "15",
                                          "--max", "15", "--target", "vein_to_vein_p90_days<=30", "--out", planOut.path])
        XCTAssertEqual(plan.status, 2)
        XCTAssertEqual(plan.stderr, message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: planOut.path))
    }

    func testUnknownTargetKPIExitsWith2() throws {
        let out = folder.appendingPathComponent("bad-target")
        let plan = try CartsimBinary.run(["plan", Self.scenario, "--vary", "sites.plant-west.suites", "--min", "15",
                                          "--max", "16", "--target", "vein_to_vein_p99_day<=30", "--out", out.path])
        XCTAssertEqual(plan.status, 2)
        XCTAssertTrue(plan.stderr.hasPrefix("cartsim: --target: unknown KPI 'vein_to_vein_p99_day'; close names: "
                                            + "vein_to_vein_mean_days"), plan.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
