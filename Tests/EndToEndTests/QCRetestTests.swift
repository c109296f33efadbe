import Foundation
import XCTest

/// Invalid QC assays and their retests through the binary, on the network of ``OptimiseTests``
/// (one lot a day tested for exactly 2 d on 10 lots of QC capacity, no queue; a 672-day window),
/// where each rule has a known answer.
final class QCRetestTests: FolderTestCase {
    private func summary(_ name: String, retests: String) throws -> [String: [String: String]] {
        let text = OptimiseTests.scenario.replacingOccurrences(of: "    qc_capacity: 10\n",
                                                               with: "    qc_capacity: 10\n    qc_invalid_assay: \(retests)\n")
        return try runSummary(of: try writeScenario(text, name: name))
    }

    /// Half the tests invalid, retests without limit: two tests per lot on average, so the QC
    /// lab is busy 2 · 2 d / 10 = 0.4 and a lot takes 2 d longer (apheresis start to release
    /// without retests: 4 h apheresis, 20 h transit, 1 h intake, 10 d expansion, 2 d QC).
    func testRetestsDoubleTheQCWorkAtAHalfInvalidRate() throws {
        let kpis = try summary("half", retests: "{probability: 50%, max_retests: 100}")
        assertInterval(kpis["qc_invalid_assay_rate"], contains: 0.5, "invalid share")
        assertInterval(kpis["plant_qc_lab_utilization"], contains: 0.4, "QC utilisation")
        assertInterval(kpis["apheresis_to_release_mean_days"], contains: 25.0 / 24 + 10 + 2 + 2,
                       "release two days later")
        XCTAssertEqual(CSVFile.number(kpis["out_of_spec_other_rate"]!, "mean"), 0, "an invalid assay is not a failed lot")
    }

    /// A wave of 50 % invalid tests for 20 of the window's 96 weeks, none outside it: 140 invalid
    /// of 2 · 140 + 532 tests, a share of 140 / 812.
    func testAWaveRaisesTheInvalidShareForItsWeeksOnly() throws {
        let kpis = try summary("wave", retests: "{probability: 0, waves: [{from: 20w, for: 20w, probability: 50%}], max_retests: 100}")
        assertInterval(kpis["qc_invalid_assay_rate"], contains: 140.0 / 812, "invalid share with a wave")
    }

    /// Without repeats a lot whose one test is invalid fails: 20 % of lots.
    func testALotOutOfRetestsFails() throws {
        let kpis = try summary("none", retests: "{probability: 20%, max_retests: 0}")
        assertInterval(kpis["out_of_spec_other_rate"], contains: 0.2, "lots failed")
        XCTAssertEqual(CSVFile.number(kpis["lots_failed_for_invalid_assays_in_window"]!, "mean"),
                       CSVFile.number(kpis["qc_invalid_assays_in_window"]!, "mean"))
    }
}
