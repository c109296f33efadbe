import Foundation
import XCTest
import ResultsReport

/// The report of each example scenario, from a real run of 3 replications: well-formed
/// XHTML, every section in order, self-contained and accessible, and every number taken
/// from summary.csv equal to the file's value under the report's rule (two decimals in
/// the display unit; fractions in per cent).
final class ExampleReportTests: XCTestCase {
    /// The sections of a run of an example: every example models dropout, and only
    /// axicel-central-fresh has prices, so its section on patients lost to waiting shows cost too.
    static func runSections(_ name: String) -> [String] {
        ["Headline", "Where the days go", "Vein-to-vein distribution", "Patient funnel", "By product, indication, centre and plant",
         name == "axicel-central-fresh" ? "Cost and patients lost to waiting" : "Patients lost to waiting"]
            + (name == "single-plant-stress" ? ["Stock"] : []) + ["Where patients wait", "Resources", "Network", "Over time"]
    }

    override class func tearDown() { ReportFixtures.cleanUp() }

    /// The case: in the axi-cel example the suites are the most utilised resource, but
    /// patients wait longest for apheresis chairs that are a few per cent busy — their opening
    /// hours; the waiting section ranks apheresis first and says so.
    func testWhereTheyWaitIsNotWhereItIsBusiest() throws {
        let folder = try ReportFixtures.run("axicel-central-fresh")
        let html = try String(contentsOfFile: try ReportWriter.write(folder: folder.path), encoding: .utf8)
        let waiting = try XCTUnwrap(html.components(separatedBy: "id=\"waiting\"").dropFirst().first)
            .components(separatedBy: "</section>")[0]
        XCTAssertTrue(waiting.contains("The longest wait is apheresis"), waiting)
        XCTAssertTrue(waiting.contains("timing, not capacity"), waiting)
        XCTAssertTrue(waiting.contains("What makes the 90th percentile: the slowest 10 % of infused patients"), waiting)
        XCTAssertTrue(waiting.contains("slowest 10 % infused: waiting in vein-to-vein (days)"), waiting)
        let resources = try XCTUnwrap(html.components(separatedBy: "id=\"resources\"").dropFirst().first)
        XCTAssertTrue(resources.contains("plant-west suites is the most utilised"), String(resources.prefix(400)))
    }

    /// The network map of the hub example draws every outbound lane with the patients it
    /// carried per year: the hub's centres go through it, the others straight to the plant.
    func testTheNetworkMapShowsLanesAndFlows() throws {
        let folder = try ReportFixtures.run("tisacel-cryo-hub")
        let html = try String(contentsOfFile: try ReportWriter.write(folder: folder.path), encoding: .utf8)
        let map = try XCTUnwrap(html.components(separatedBy: "id=\"network\"").dropFirst().first)
            .components(separatedBy: "</section>")[0]
        for lane in ["centre-lyon to hub-central", "centre-turin to hub-central", "hub-central to plant-central",
                     "centre-paris to plant-central"] {
            XCTAssertTrue(map.contains(lane), lane)
        }
        XCTAssertFalse(map.contains("centre-lyon to plant-central"), "a hub centre's material goes through the hub")
        XCTAssertTrue(map.contains("<svg"), "the map is drawn")
    }

    func testReportOfEveryExampleScenario() throws {
        for name in ReportFixtures.examples {
            let folder = try ReportFixtures.run(name)
            let path = try ReportWriter.write(folder: folder.path)
            XCTAssertEqual(path, folder.appendingPathComponent("report.html").path)
            let report = try ReportDocument(path: path)
            XCTAssertEqual(try report.sectionTitles(), Self.runSections(name), name)
            try report.checkSelfContainedAndAccessible()
            try checkNumbersAgainstSummary(report, folder, name)
            try checkHeadlineFacts(report, name)
            let chartLabels = try report.elements("text").compactMap(\.stringValue)
            XCTAssertEqual(chartLabels.filter { $0.hasPrefix("target ") }.count, 2,
                           "\(name): its vein_to_vein_target_days is drawn on the days chart and the histogram")
            XCTAssertEqual(try ReportWriter.render(folder: folder.path), report.text, "\(name): the same folder gives the same bytes")
            let slots = name == "bcma-slot-scarcity"
            XCTAssertEqual(report.text.contains("Patients on slot waitlists"), slots, "\(name): the waitlist chart where there are slots")
            XCTAssertEqual(report.text.contains("Waitlisted patients infused"), slots, "\(name): slot key figures where there are slots")
        }
    }

    /// Every value shown with `data-kpi`/`data-stat` equals summary.csv's after rounding, and
    /// every KPI of the file is shown (the collapsed table of all KPIs).
    private func checkNumbersAgainstSummary(_ report: ReportDocument, _ folder: URL, _ name: String) throws {
        let summary = try ReportFixtures.summary(folder)
        let shown = try report.kpiValues()
        XCTAssertEqual(Set(shown.filter { $0.stat == "mean" }.map(\.kpi)), Set(summary.keys), "\(name): every KPI is shown")
        for value in shown {
            let row = try XCTUnwrap(summary[value.kpi], "\(name): \(value.kpi) is in summary.csv")
            let field = try XCTUnwrap(row[value.stat], "\(name): \(value.stat) is a column of summary.csv")
            guard let number = Double(field) else {
                XCTAssertEqual(value.text, "—", "\(name): \(value.kpi) \(value.stat) is undefined")
                continue
            }
            let percent = value.kpi.hasSuffix("_fraction") || value.kpi.hasSuffix("_rate") || value.kpi.hasSuffix("utilization")
            let expected = number * (percent ? 100 : 1)
            let displayed = try XCTUnwrap(Double(value.text), "\(name): '\(value.text)' is a number")
            XCTAssertEqual(displayed, expected, accuracy: 0.005 + 1e-9, "\(name): \(value.kpi) \(value.stat)")
            XCTAssertEqual(value.text.split(separator: ".").last?.count, 2, "\(name): two decimals in '\(value.text)'")
        }
    }

    /// Replications and seed of run.json are in the headline facts.
    private func checkHeadlineFacts(_ report: ReportDocument, _ name: String) throws {
        let facts = try report.elements("dd").compactMap(\.stringValue)
        XCTAssertTrue(facts.contains(name), "\(name): scenario name")
        XCTAssertTrue(facts.contains("3"), "\(name): replications")
        XCTAssertTrue(facts.contains { $0.hasSuffix("weeks)") }, "\(name): horizon")
    }

    /// The scenario description comes from the scenario file while it exists; without the
    /// file the report leaves it (and the target) out and still renders.
    func testScenarioFileIsOptional() throws {
        let folder = try ReportFixtures.run("point-of-care", replications: 2)
        let withFile = try ReportWriter.render(folder: folder.path)
        XCTAssertTrue(withFile.contains("class=\"description\""))
        let json = folder.appendingPathComponent("run.json")
        let text = try String(contentsOf: json, encoding: .utf8)
            .replacingOccurrences(of: ReportFixtures.packageRoot.path + "/Scenarios/", with: "/nonexistent/")
        try text.write(to: json, atomically: true, encoding: .utf8)
        let withoutFile = try ReportWriter.render(folder: folder.path)
        XCTAssertFalse(withoutFile.contains("class=\"description\""))
        XCTAssertFalse(withoutFile.contains("target ≤"))
        _ = try ReportDocument(path: try ReportWriter.write(folder: folder.path))
    }

    /// With no patient records (`--patients 0`) the two patient sections say so instead of charting.
    func testFolderWithoutPatientRecords() throws {
        let folder = try ReportFixtures.run("point-of-care", replications: 2)
        let patients = folder.appendingPathComponent("patients.csv")
        let header = try String(contentsOf: patients, encoding: .utf8).split(separator: "\n")[0]
        try (header + "\n").write(to: patients, atomically: true, encoding: .utf8)
        let report = try ReportDocument(path: try ReportWriter.write(folder: folder.path))
        XCTAssertEqual(try report.sectionTitles(), Self.runSections("point-of-care"))
        XCTAssertTrue(report.text.contains("run with --patients K"))
        try report.checkSelfContainedAndAccessible()
    }
}
