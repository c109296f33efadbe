import Foundation
import XCTest

/// The README's worked examples (compare, plan) are the output of the commands it shows, run
/// here through the binary: each lies between `<!-- example NAME … -->` and
/// `<!-- end example -->`. With `CARTSIM_UPDATE_README=1` (`make readme`) the test writes the
/// fresh text into README.md instead of failing, so the document cannot drift.
final class ReadmeExampleTests: FolderTestCase {
    private static let readme = CartsimBinary.packageRoot.appendingPathComponent("README.md")

    /// "−0.093": three decimals with a real minus sign.
    private func signed(_ value: Double) -> String {
        let text = String(format: "%.3f", abs(value))
        return value < 0 && text != "0.000" ? "−" + text : text
    }

    private func compareExample() throws -> String {
        let base = "Scenarios/axicel-central-fresh.yaml"
        let text = try String(contentsOf: CartsimBinary.packageRoot.appendingPathComponent(base), encoding: .utf8)
        XCTAssertTrue(text.contains("    suites: 16\n"), "the example has 16 suites")
        let more = folder.appendingPathComponent("axicel-18-suites.yaml")
        try text.replacingOccurrences(of: "    suites: 16\n", with: "    suites: 18\n")
            .replacingOccurrences(of: "name: axicel-central-fresh", with: "name: axicel-18-suites")
            .write(to: more, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("compare")
        let run = try CartsimBinary.run(["compare", base, more.path, "--replications", "30", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let row = try XCTUnwrap(try CSVFile(url: out.appendingPathComponent("compare.csv")).rows
            .first { $0["kpi"] == "vein_to_vein_mean_days" })
        return "16 vs 18 suites on the axi-cel-like example, 30 replications, vein-to-vein mean "
            + "\(signed(CSVFile.number(row, "difference_mean"))) d ± "
            + "\(String(format: "%.3f", CSVFile.number(row, "difference_ci95_half_width"))) paired against ± "
            + "\(String(format: "%.3f", CSVFile.number(row, "unpaired_ci95_half_width"))) unpaired."
    }

    private func planExample() throws -> String {
        let out = folder.appendingPathComponent("plan")
        let run = try CartsimBinary.run(["plan", "Scenarios/axicel-central-fresh.yaml", "--vary", "sites.plant-west.suites",
                                         "--min", "10", "--max", "24", "--target", "vein_to_vein_p90_days<=32",
                                         "--replications", "30", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let points = try CSVFile(url: out.appendingPathComponent("plan.csv")).rows
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
        let answer = try XCTUnwrap((json as? [String: Any])?["answer"] as? Int, "the example has an answer")
        let below = try XCTUnwrap(points.first { $0["value"] == String(answer - 1) }, "bisection evaluated answer − 1")
        return points.map { $0["value"]! }.joined(separator: ", ") + " evaluated, answer \(answer) "
            + "(\(answer - 1) suites give p90 \(String(format: "%.2f", CSVFile.number(below, "mean"))) d but an upper bound of "
            + "\(String(format: "%.2f", CSVFile.number(below, "ci95_high"))))."
    }

    func testTheWorkedExamplesAreWhatTheCommandsPrint() throws {
        var text = try String(contentsOf: Self.readme, encoding: .utf8)
        let update = ProcessInfo.processInfo.environment["CARTSIM_UPDATE_README"] == "1"
        for (name, fresh) in [("compare", try compareExample()), ("plan", try planExample())] {
            let start = try XCTUnwrap(text.range(of: "<!-- example \(name) "), "README marks the \(name) example")
            let open = try XCTUnwrap(text.range(of: "-->\n", range: start.upperBound..<text.endIndex))
            let close = try XCTUnwrap(text.range(of: "\n<!-- end example -->", range: open.upperBound..<text.endIndex))
            let written = String(text[open.upperBound..<close.lowerBound])
            if update {
                text.replaceSubrange(open.upperBound..<close.lowerBound, with: fresh)
            } else {
                XCTAssertEqual(written, fresh, "README's \(name) example is stale: run `make readme`")
            }
        }
        if update { try text.write(to: Self.readme, atomically: true, encoding: .utf8) }
    }
}
