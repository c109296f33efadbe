import XCTest
@testable import SpreadsheetExport

/// Headings say the unit of their column; a table of KPIs gets a unit column after `kpi`.
final class TableLayoutTests: XCTestCase {
    func testHeadingsOfTheResourcesTable() {
        let layout = TableLayout(header: ["resource", "capacity", "utilization", "utilization_ci95_half_width",
                                          "queue_length_mean", "grants_per_replication", "wait_p90_days"])
        XCTAssertEqual(layout.headings, ["resource", "capacity", "utilization (fraction)",
                                         "utilization_ci95_half_width (fraction)", "queue_length_mean",
                                         "grants (per replication)", "wait_p90 (days)"])
        XCTAssertEqual(layout.fields(of: ["a", "1", "0.5", "0.1", "2", "3", "4"]), ["a", "1", "0.5", "0.1", "2", "3", "4"])
    }

    func testATableOfKPIsGetsTheUnitOfEachRow() {
        let layout = TableLayout(header: ["by", "group", "kpi", "mean", "replications"])
        XCTAssertEqual(layout.headings, ["by", "group", "kpi", "unit", "mean", "replications"])
        for (kpi, unit) in [("vein_to_vein_p90_days", "days"), ("not_infused_fraction", "fraction"),
                            ("out_of_spec_rate", "fraction"), ("infusions_per_year", "per year"),
                            ("total_cost", "money"), ("patients_referred", "count"), ("work_in_progress_mean", "count")] {
            XCTAssertEqual(layout.fields(of: ["product", "axi-cel", kpi, "1.5", "3"]),
                           ["product", "axi-cel", kpi, unit, "1.5", "3"], kpi)
        }
    }
}
