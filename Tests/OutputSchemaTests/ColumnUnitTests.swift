import XCTest
import OutputSchema

/// The unit a column or KPI name carries, read from its last word (or the word before a tail).
final class ColumnUnitTests: XCTestCase {
    func testTheUnitWordOfANameAndWhetherItOnlyNamesTheUnit() {
        let cases: [(String, ColumnUnit?, String?)] = [
            ("wait_p90_days", .days, "wait_p90"),
            ("vein_to_vein_mean_days", .days, "vein_to_vein_mean"),
            ("not_infused_fraction", .fraction, "not_infused"),
            ("infusions_per_year", .perYear, "infusions"),
            ("grants_per_replication", .perReplication, "grants"),
            // The unit word is also what is measured: the name stays whole.
            ("utilization", .fraction, nil),
            ("centre_boston_apheresis_chairs_utilization", .fraction, nil),
            ("out_of_spec_rate", .fraction, nil),
            ("total_cost", .money, nil),
            // A tail after the unit word.
            ("stock_wait_days_in_window", .days, nil),
            ("utilization_ci95_half_width", .fraction, nil),
            // No unit word.
            ("patients_referred", nil, nil),
            ("queue_length_mean", nil, nil),
            ("releases_in_window", nil, nil),
            ("week_start_date", nil, nil),
            ("holidays", nil, nil),
            ("corporate", nil, nil),
        ]
        for (name, unit, stem) in cases {
            let match = ColumnUnit.of(name)
            XCTAssertEqual(match?.unit, unit, name)
            XCTAssertEqual(match?.stem, stem, name)
        }
        XCTAssertEqual(ColumnUnit.perYear.text, "per year")
    }
}
