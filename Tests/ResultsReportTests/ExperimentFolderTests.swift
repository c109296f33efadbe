import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import ResultsReport

/// Reports of `compare`, `sweep` and `plan` folders, from hand-written files in the formats
/// those commands write: their own section replaces the run sections, and the page is
/// well-formed, self-contained and accessible.
final class ExperimentFolderTests: XCTestCase {
    override class func tearDown() { ReportFixtures.cleanUp() }

    static let compareCSV = """
    kpi,mean_a,mean_b,difference_mean,difference_ci95_low,difference_ci95_high,difference_ci95_half_width,unpaired_ci95_half_width,excludes_zero,replications
    infusions_per_year,483.05,491.2,8.15,5.1,11.2,3.05,14.9,true,10
    vein_to_vein_p50_days,27.6,26.1,-1.5,-1.9,-1.1,0.4,1.2,true,10
    vein_to_vein_p90_days,30.88,28.4,-2.48,-3.1,-1.86,0.62,1.9,true,10
    not_infused_fraction,0.0548,0.0521,-0.0027,-0.006,0.0006,0.0033,0.009,false,10
    out_of_spec_rate,0.0311,0.0311,0,0,0,0,0.004,false,10
    work_in_progress_mean,53.5,50.2,-3.3,-4.1,-2.5,0.8,2.2,true,10
    plant_west_suites_utilization,0.6987,0.5240,-0.1747,-0.18,-0.1694,0.0053,0.02,true,10
    vein_to_vein_p95_days,32.3,,,,,,,false,10

    """

    static let compareJSON = """
    {"kind": "compare", "scenario_a": "axicel-central-fresh", "scenario_b": "axicel-more-suites",
     "scenario_a_file": "Scenarios/a.yaml", "scenario_b_file": "Scenarios/b.yaml", "seed": 20260105,
     "replications": 10, "jobs": 2, "version": "0.2.0"}
    """

    func testCompareFolderShowsPairedDifferences() throws {
        let folder = try ReportFixtures.folder("compare", ["compare.csv": Self.compareCSV, "run.json": Self.compareJSON])
        let report = try ReportDocument(path: try ReportWriter.write(folder: folder.path))
        XCTAssertEqual(try report.sectionTitles(), ["Headline", "Paired differences"])
        try report.checkSelfContainedAndAccessible()
        let captions = try report.elements("figcaption").compactMap(\.stringValue)
        XCTAssertEqual(captions, ["Times: difference B − A", "Fractions, rates and utilisations: difference B − A",
                                  "Throughput: difference B − A", "Work in progress: difference B − A"])
        // Dot and whisker: a circle per defined difference, filled when the interval excludes 0.
        let circles = try report.elements("circle").filter { ($0.parent as? XMLElement)?.localName == "svg" }
        XCTAssertEqual(circles.count, 7 + 4 * 2, "7 dots, and 2 legend markers in each of the 4 charts")
        XCTAssertTrue(report.text.contains("-2.48 [-3.10, -1.86]"), "p90 difference with its interval")
        XCTAssertTrue(report.text.contains("-17.47 [-18.00, -16.94]"), "utilisation in percentage points")
        XCTAssertTrue(report.text.contains("axicel-central-fresh 30.88 → axicel-more-suites 28.40"))
    }

    static let sweepCSV = """
    point,sites.plant-west.suites,kpi,mean,ci95_low,ci95_high,ci95_half_width,replications
    0,12,vein_to_vein_p90_days,38.2,36.9,39.5,1.3,5
    0,12,infusions_per_year,470.1,460,480.2,10.1,5
    1,16,vein_to_vein_p90_days,30.9,30.5,31.3,0.4,5
    1,16,infusions_per_year,483.1,470.3,495.8,12.7,5
    2,20,vein_to_vein_p90_days,29.8,29.4,30.2,0.4,5
    2,20,infusions_per_year,484,471,497,13,5

    """

    func testSweepFolderPlotsEachKPIAgainstTheSweptValue() throws {
        let json = """
        {"kind": "sweep", "scenario": "axicel-central-fresh", "paths": ["sites.plant-west.suites"],
         "values": [["12", "16", "20"]], "points": 3, "seed": 1, "replications": 5}
        """
        let folder = try ReportFixtures.folder("sweep", ["sweep.csv": Self.sweepCSV, "run.json": json])
        let report = try ReportDocument(path: try ReportWriter.write(folder: folder.path))
        XCTAssertEqual(try report.sectionTitles(), ["Headline", "Sweep"])
        try report.checkSelfContainedAndAccessible()
        XCTAssertEqual(try report.elements("figure").count, 2, "one chart per KPI")
        XCTAssertEqual(try report.elements("polygon").count, 2, "an interval band per KPI")
        XCTAssertTrue(report.text.contains("sites.plant-west.suites (swept value)"))
    }

    func testSweepOverTwoPathsNamesItsPoints() throws {
        let csv = """
        point,sites.plant-west.suites,routing,kpi,mean,ci95_low,ci95_high,ci95_half_width,replications
        0,12,assigned,vein_to_vein_p90_days,38.2,36.9,39.5,1.3,5
        1,12,"shortest_expected_wait",vein_to_vein_p90_days,37,36,38,1,5
        2,16,assigned,vein_to_vein_p90_days,30.9,30.5,31.3,0.4,5
        3,16,shortest_expected_wait,vein_to_vein_p90_days,30.1,29.5,30.7,0.6,5

        """
        let json = """
        {"kind": "sweep", "scenario": "x", "paths": ["sites.plant-west.suites", "routing"], "seed": 1, "replications": 5}
        """
        let folder = try ReportFixtures.folder("sweep2", ["sweep.csv": csv, "run.json": json])
        let report = try ReportDocument(path: try ReportWriter.write(folder: folder.path))
        try report.checkSelfContainedAndAccessible()
        let labels = try report.elements("text").compactMap(\.stringValue)
        XCTAssertTrue(labels.contains("routing = assigned") && labels.contains("routing = shortest_expected_wait"),
                      "one line per value of the second path, named in the legend")
        XCTAssertTrue(labels.contains("sites.plant-west.suites (swept value)"), "the first path is the x axis")
        // Each line joins only its own points: two mean lines of two points each, no zig-zag across them.
        let lines = try report.elements("polyline").filter { $0.value(of: "stroke-width") == "2" }.compactMap { $0.value(of: "points") }
        XCTAssertEqual(lines.map { $0.split(separator: " ").count }, [2, 2])
    }

    /// A path given one value (a `--set` held fixed) is no axis: the headline and the
    /// introduction name it with its value, and the x axis is the path that varies.
    func testSweepHoldsFixedPathsOffTheAxes() throws {
        let csv = """
        point,simulation.horizon,sites.plant-west.suites,kpi,mean,ci95_low,ci95_high,ci95_half_width,replications
        0,30w,12,vein_to_vein_p90_days,38.2,36.9,39.5,1.3,5
        1,30w,16,vein_to_vein_p90_days,30.9,30.5,31.3,0.4,5
        2,30w,20,vein_to_vein_p90_days,30.1,29.5,30.7,0.6,5

        """
        let json = """
        {"kind": "sweep", "scenario": "x", "paths": ["simulation.horizon", "sites.plant-west.suites"], "seed": 1, "replications": 5}
        """
        let folder = try ReportFixtures.folder("sweep-fixed", ["sweep.csv": csv, "run.json": json])
        let report = try ReportDocument(path: try ReportWriter.write(folder: folder.path))
        try report.checkSelfContainedAndAccessible()
        let facts = try report.elements("dd").compactMap(\.stringValue)
        XCTAssertTrue(facts.contains("simulation.horizon = 30w"), "\(facts)")
        XCTAssertTrue(facts.contains("sites.plant-west.suites: 12, 16, 20"), "\(facts)")
        let axis = try report.elements("text").filter { $0.value(of: "class") == "axis-label" }.compactMap(\.stringValue)
        XCTAssertTrue(axis.contains("sites.plant-west.suites (swept value)"), "\(axis)")
        XCTAssertFalse(axis.contains { $0.contains("simulation.horizon") })
        XCTAssertEqual(try report.elements("th").compactMap(\.stringValue).filter { $0 == "simulation.horizon" }, [],
                       "the table lists the paths that vary")
    }

    static let planCSV = """
    point,value,kpi,mean,ci95_low,ci95_high,ci95_half_width,replications,target,feasible
    0,8,vein_to_vein_p90_days,60.5,55,66,5.5,5,vein_to_vein_p90_days<=32,false
    1,24,vein_to_vein_p90_days,29.9,29.5,30.3,0.4,5,vein_to_vein_p90_days<=32,true
    2,16,vein_to_vein_p90_days,30.9,30.5,31.3,0.4,5,vein_to_vein_p90_days<=32,true
    3,12,vein_to_vein_p90_days,38.2,36.9,39.5,1.3,5,vein_to_vein_p90_days<=32,false
    4,14,vein_to_vein_p90_days,32.5,31.5,33.5,1,5,vein_to_vein_p90_days<=32,false
    5,15,vein_to_vein_p90_days,31.4,30.9,31.9,0.5,5,vein_to_vein_p90_days<=32,true

    """

    func testPlanFolderShowsTargetFeasibilityAndAnswer() throws {
        let json = """
        {"kind": "plan", "scenario": "axicel-central-fresh", "path": "sites.plant-west.suites", "min": 8, "max": 24,
         "target": "vein_to_vein_p90_days<=32", "target_kpi": "vein_to_vein_p90_days", "target_relation": "<=",
         "target_value": 32, "answer": 15, "seed": 1, "replications": 5}
        """
        let folder = try ReportFixtures.folder("plan", ["plan.csv": Self.planCSV, "run.json": json])
        let report = try ReportDocument(path: try ReportWriter.write(folder: folder.path))
        XCTAssertEqual(try report.sectionTitles(), ["Headline", "Plan"])
        try report.checkSelfContainedAndAccessible()
        let labels = try report.elements("text").compactMap(\.stringValue)
        XCTAssertTrue(labels.contains("target ≤ 32.00 days"), "the target line")
        XCTAssertTrue(labels.contains("answer 15"), "the answer")
        let markers = try report.elements("circle").filter { ($0.parent as? XMLElement)?.localName == "svg" }
            .compactMap { $0.value(of: "fill") }
        XCTAssertEqual(markers.filter { $0 == "#FFFFFF" }.count, 3 + 1,
                       "hollow markers for the 3 points that miss the target, and for 14 again near the answer")
        XCTAssertTrue(try report.elements("p").contains { $0.stringValue == "15" }, "the answer card")
        // Points are drawn in value order, whatever the evaluation order.
        let tables = try report.elements("table")
        let rows = try tables[0].nodes(forXPath: ".//*[local-name()='tr']").compactMap { ($0.children?.first as? XMLElement)?.stringValue }
        XCTAssertEqual(Array(rows.dropFirst()), ["0", "3", "4", "5", "2", "1"])
        // Zoomed on the answer: 14, 15 and 16 with their intervals, on an axis from about 30 to 34 days, not 30 to 66.
        let zoom = try XCTUnwrap(try report.elements("figure").first { $0.value(of: "id") == "plan-zoom" })
        let zoomRows = try zoom.nodes(forXPath: ".//*[local-name()='tbody']/*[local-name()='tr']")
            .compactMap { ($0.children?.dropFirst().first as? XMLElement)?.stringValue }
        XCTAssertEqual(zoomRows, ["14", "15", "16"])
        let texts = try zoom.nodes(forXPath: ".//*[local-name()='text']").compactMap(\.stringValue)
        XCTAssertTrue(texts.contains("31.50–33.50") && texts.contains("30.90–31.90") && texts.contains("30.50–31.30"), "\(texts)")
        let ticks = try zoom.nodes(forXPath: ".//*[local-name()='text']").compactMap { $0 as? XMLElement }
            .filter { $0.value(of: "class") == nil }.compactMap { $0.stringValue.flatMap(Double.init) }  // the y axis
        XCTAssertFalse(ticks.isEmpty)
        XCTAssertGreaterThanOrEqual(ticks.min() ?? 0, 29, "\(ticks)")
        XCTAssertLessThanOrEqual(ticks.max() ?? 100, 35, "\(ticks)")
    }

    func testPlanWithoutAnswer() throws {
        let json = """
        {"kind": "plan", "scenario": "x", "path": "sites.plant-west.suites", "target_kpi": "vein_to_vein_p90_days",
         "target_value": 20, "answer": null, "seed": 1, "replications": 5}
        """
        let folder = try ReportFixtures.folder("plan-none", ["plan.csv": Self.planCSV, "run.json": json])
        let report = try ReportDocument(path: try ReportWriter.write(folder: folder.path))
        XCTAssertTrue(report.text.contains("No evaluated value meets the target"))
        try report.checkSelfContainedAndAccessible()
    }
}
