import Foundation
import XCTest
@testable import ResultsReport

/// The parts under the sections: escaping, the GSL histogram, the stage
/// breakdown of a patient, the funnel's bookkeeping.
final class ReportPartsTests: XCTestCase {
    /// The contrast ratios the issue measured (histogram bars 2.31:1, target labels 3.87:1)
    /// and WCAG's own example (#767676 is the lightest grey that passes 4.5:1); darkened
    /// colours reach their threshold and keep their hue's order of channels.
    func testContrastRatiosAndDarkening() {
        XCTAssertEqual(Contrast.ratio(Palette.skyBlue, "#FFFFFF"), 2.31, accuracy: 0.01)
        XCTAssertEqual(Contrast.ratio(Palette.vermillion, "#FFFFFF"), 3.87, accuracy: 0.01)
        XCTAssertEqual(Contrast.ratio("#767676", "#FFFFFF"), 4.54, accuracy: 0.01)
        XCTAssertEqual(Contrast.ratio("#000000", "#FFFFFF"), 21, accuracy: 1e-9)
        for colour in [Palette.orange, Palette.skyBlue, Palette.bluishGreen, Palette.yellow, Palette.vermillion, Palette.reddishPurple] {
            let text = Contrast.darkened(colour, toAtLeast: Contrast.text)
            XCTAssertGreaterThanOrEqual(Contrast.ratio(text, "#FFFFFF"), 4.5, colour)
            XCTAssertLessThan(Contrast.ratio(text, "#FFFFFF"), 5.2, "\(colour): darkened no more than needed")
            XCTAssertGreaterThanOrEqual(Contrast.ratio(Contrast.darkened(colour, toAtLeast: Contrast.graphic), "#FFFFFF"), 3, colour)
        }
        XCTAssertEqual(Contrast.darkened(Palette.blue, toAtLeast: Contrast.text), Palette.blue, "already 5.3:1")
    }

    /// Ten infused patients alike but for their wait for a suite (0.1 … 0.9 days, and 9 days
    /// for one): the 90th percentile (nearest rank: the 9th, 26.9 days) puts two patients in
    /// the tail, whose suite wait averages (0.9 + 9) / 2 = 4.95 days against 13.5 / 10 = 1.35
    /// for all; shipping in (0.5 days each) is the same in the tail as over all.
    func testTailWaitingIsTheSlowestTenthByStage() throws {
        var csv = "replication,patient_id,centre,outcome,in_warmup,vein_to_vein_days," + PatientTable.milestoneColumns.joined(separator: ",") + "\n"
        for (index, wait) in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 9].enumerated() {
            let suite = 2 + wait
            let days = [0, 0.5, nil, 1, 2, suite, suite + 10, suite + 17, suite + 18, suite + 18, suite + 19, suite + 19, suite + 24]
            csv += "0,\(index),centre-a,infused,false,\(suite + 24),"
                + days.map { $0.map { String($0) } ?? "" }.joined(separator: ",") + "\n"
        }
        let folder = try ReportFixtures.folder("tail", ["patients.csv": csv])
        let table = try PatientTable.load(folder: folder.path, ranks: [0.5], stageTimes: [:])
        let tail = try XCTUnwrap(table.tailWaiting)
        XCTAssertEqual(tail.thresholdDays, 26.9, accuracy: 1e-9)
        XCTAssertEqual(tail.tailPatients, 2)
        XCTAssertEqual(tail.allPatients, 10)
        XCTAssertEqual(tail.tail["Waiting for a suite"] ?? 0, 4.95, accuracy: 1e-9)
        XCTAssertEqual(tail.all["Waiting for a suite"] ?? 0, 1.35, accuracy: 1e-9)
        XCTAssertEqual(tail.tail["Shipping in"] ?? 0, 0.5, accuracy: 1e-9)
        XCTAssertEqual(tail.all["Shipping in"] ?? 0, 0.5, accuracy: 1e-9)
        XCTAssertEqual(tail.tail["Manufacturing"] ?? -1, 0, accuracy: 1e-9)
    }

    func testMarkupEscapesAndClosesElements() {
        var output = ""
        Markup.el("p", [("title", "a \"b\" & 'c'")], [
            .text("1 < 2 > 0 & \u{1}"), .el("br"), .el("span"),
            .el("svg", [], [.el("rect", [("width", "1"), ("fill", nil)])]),
        ]).render(into: &output)
        XCTAssertEqual(output, "<p title=\"a &quot;b&quot; &amp; &#39;c&#39;\">1 &lt; 2 &gt; 0 &amp; <br/><span></span>"
                       + "<svg><rect width=\"1\"/></svg>\n</p>\n")
    }

    func testStylesheetNeedsNoEscaping() {
        XCTAssertFalse(Stylesheet.css.contains { "&<>\"'".contains($0) })
    }

    func testHistogramCountsEveryValueInNiceBins() {
        let values = [20.2, 21.7, 21.9, 25.0, 29.99, 30.0]
        let bins = GSLHistogram.bins(of: values + [.nan], maximumBins: 12)
        XCTAssertEqual(bins.reduce(0) { $0 + $1.count }, values.count)
        XCTAssertEqual(bins.first?.lower, 20)
        XCTAssertEqual(bins.last?.upper, 31)
        XCTAssertEqual(bins.count, 11, "width 1: [20, 21) … [30, 31)")
        XCTAssertEqual(bins[1], HistogramBin(lower: 21, upper: 22, count: 2))
        XCTAssertEqual(GSLHistogram.bins(of: []), [])
        XCTAssertEqual(GSLHistogram.bins(of: [7, 7]).map(\.count).reduce(0, +), 2)
    }

    /// The stages add up to the patient's vein-to-vein time, and a re-collection shows as
    /// waiting in apheresis.
    func testStageBreakdownAddsUpToVeinToVein() throws {
        let days: [String: Double] = [
            "apheresis_start_day": 10, "apheresis_end_day": 10.2, "departure_to_plant_day": 10.5, "plant_arrival_day": 11.5,
            "suite_start_day": 12.5, "manufacturing_end_day": 20, "qc_end_day": 27, "release_day": 28,
            "departure_to_centre_day": 28.25, "centre_arrival_day": 30, "lymphodepletion_start_day": 32, "infusion_day": 37,
        ]
        let patient = PatientJourney(replication: "0", id: "1", centre: "c", veinToVeinDays: 30, milestones: days)
        let stageTimes = ["intake": StageTimes(waitingMeanDays: 0, workingMeanDays: 0.25),
                          "suite_queue": StageTimes(waitingMeanDays: 0.75, workingMeanDays: 0),
                          "qa_release": StageTimes(waitingMeanDays: 0.9, workingMeanDays: 0.1)]
        let stages = try XCTUnwrap(StageBreakdown.stages(of: patient, stageTimes: stageTimes))
        XCTAssertEqual(stages.map(\.stage), ["Apheresis", "Shipping in", "Waiting for a suite", "Manufacturing", "QC",
                                             "Release", "Shipping back", "Lymphodepletion"])
        XCTAssertEqual(stages.reduce(0) { $0 + $1.total }, 30, accuracy: 1e-9)
        XCTAssertEqual(stages[0].waiting, 3, accuracy: 1e-9, "first collection began 3 days before the last one")
        XCTAssertEqual(stages[1].waiting, 0.3, accuracy: 1e-9)
        XCTAssertEqual(stages[2].working, 0.25, accuracy: 1e-9, "intake's share of the suite wait")
        XCTAssertEqual(stages[4].working, 7, accuracy: 1e-9, "QC without stages.csv figures is working time")
        XCTAssertEqual(stages[5].waiting, 0.9, accuracy: 1e-9)
    }

    /// The funnel ends exactly at patients_infused: referred − in process − losses.
    func testFunnelBookkeeping() throws {
        func kpi(_ name: String, _ mean: Double) -> KPIEstimate {
            KPIEstimate(name: name, value: Estimate(mean: mean, low: nil, high: nil), replications: 2)
        }
        let summary = KPISummaryTable(estimates: [
            kpi("patients_referred", 100), kpi("patients_unfinished", 10), kpi("patients_not_infused", 9),
            kpi("patients_infused", 81), kpi("not_infused_fraction", 0.09), kpi("dropout_consult_fraction", 0.04),
            kpi("dropout_qc_testing_fraction", 0.02), kpi("dropout_teleport_fraction", 0.01),
            kpi("manufacturing_failure_fraction", 0.02), kpi("material_lost_fraction", 0),
        ])
        let funnel = try XCTUnwrap(PatientFunnel(summary: summary))
        XCTAssertEqual(funnel.steps.map(\.patients), [100, 86, 86, 82, 81])
        XCTAssertEqual(funnel.losses.map { $0.map(\.cause) }, [
            ["dropped out: waiting for apheresis"], [], ["dropped out: QC testing", "manufacturing failure"],
            ["dropped out: teleport"],
        ])
    }
}
