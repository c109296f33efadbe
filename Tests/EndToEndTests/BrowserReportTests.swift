import Foundation
import XCTest

/// Each kind of report — run, compare, sweep (over two paths, one held fixed) and plan —
/// written by the binary with `--report` and opened in headless Chromium
/// (`scripts/browser-check.py`): it loads without errors, no chart text is clipped and no
/// tick labels overlap, the first screen is not blank, the text holds the headline figures
/// (read here from the folder's CSV files), and printed to PDF it keeps them and every
/// chart's numbers table. `make deps` installs Chromium and poppler; without them the test
/// fails, unless `CARTSIM_SKIP_BROWSER=1` skips it by name.
final class BrowserReportTests: FolderTestCase {
    private static let scenario = "Scenarios/axicel-central-fresh.yaml"

    /// The example with 30 weeks, 4 of them warm-up, as a file of the test's folder.
    private func shortCopy(_ name: String, replacing replace: [(String, String)] = []) throws -> String {
        var text = try String(contentsOf: CartsimBinary.packageRoot.appendingPathComponent(Self.scenario), encoding: .utf8)
        for (old, new) in [("horizon: 104w", "horizon: 30w"), ("warmup: 26w", "warmup: 4w")] + replace {
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try writeScenario(text, name: name).path
    }

    /// Runs cartsim with `arguments` plus `--out <folder>/<name> --report` and returns the folder.
    private func report(_ name: String, _ arguments: [String]) throws -> URL {
        let out = folder.appendingPathComponent(name)
        let run = try CartsimBinary.run(arguments + ["--out", out.path, "--report"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return out
    }

    /// Opens `folder/report.html` in the browser and asserts every check passes and the page shows `expected`.
    private func checkInBrowser(_ folder: URL, expecting expected: [String], line: UInt = #line) throws {
        let check = try CartsimBinary.runProgram(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", CartsimBinary.packageRoot.appendingPathComponent("scripts/browser-check.py").path,
            folder.appendingPathComponent("report.html").path,
        ] + expected.flatMap { ["--expect", $0] })
        XCTAssertEqual(check.status, 0, "browser check of \(folder.lastPathComponent):\n\(check.stdout)\(check.stderr)", line: line)
    }

    /// Whether an executable of that name is on the PATH.
    private func onPath(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }

    /// A CSV value as the report shows it: two decimals.
    private func shown(_ field: String?) throws -> String {
        String(format: "%.2f", try XCTUnwrap(Double(try XCTUnwrap(field))))
    }

    func testEveryReportKindRendersInChromium() throws {
        if ProcessInfo.processInfo.environment["CARTSIM_SKIP_BROWSER"] == "1" {
            throw XCTSkip("CARTSIM_SKIP_BROWSER=1: the reports were NOT checked in a browser")
        }
        guard onPath("chromium"), onPath("pdftotext") else {
            return XCTFail("Chromium or pdftotext is missing: `make deps` installs chromium and poppler-utils "
                           + "(or set CARTSIM_SKIP_BROWSER=1 to skip this test by name)")
        }
        let short = try shortCopy("short.yaml")

        let run = try report("run", ["run", short, "--replications", "3"])
        let summary = try CSVFile(url: run.appendingPathComponent("summary.csv")).rows
        let kpi = { (name: String) in summary.first { $0["kpi"] == name }?["mean"] }
        try checkInBrowser(run, expecting: ["Infusions per year", try shown(kpi("infusions_per_year")),
                                            try shown(kpi("vein_to_vein_p90_days"))])

        let bigger = try shortCopy("bigger.yaml", replacing: [("suites: 16", "suites: 18")])
        let compare = try report("compare", ["compare", short, bigger, "--replications", "3"])
        let difference = try CSVFile(url: compare.appendingPathComponent("compare.csv")).rows
            .first { $0["kpi"] == "vein_to_vein_p90_days" }?["difference_mean"]
        try checkInBrowser(compare, expecting: ["Paired differences", try shown(difference)])

        let sweep = try report("sweep", ["sweep", short, "--set", "simulation.seed=7", "--set", "sites.plant-west.suites=12,16",
                                         "--set", "sites.plant-west.qc_capacity=8,14", "--replications", "2"])
        try checkInBrowser(sweep, expecting: ["sites.plant-west.suites: 12, 16", "sites.plant-west.qc_capacity = 8",
                                              "sites.plant-west.qc_capacity = 14"])

        let plan = try report("plan", ["plan", short, "--vary", "sites.plant-west.suites", "--min", "6", "--max", "20",
                                       "--target", "vein_to_vein_p90_days<=33", "--replications", "3"])
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: plan.appendingPathComponent("run.json")))
                                     as? [String: Any])
        let answer = try XCTUnwrap(manifest["answer"] as? Int, "the plan has an answer")
        try checkInBrowser(plan, expecting: ["Smallest value of sites.plant-west.suites that meets the target",
                                             "answer \(answer)", "near the answer"])
    }
}
