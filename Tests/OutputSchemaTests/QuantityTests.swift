import OutputSchema
import XCTest

/// The quantity (and so the decimals written) of a KPI from its unit word.
final class QuantityTests: XCTestCase {
    func testUnitWordDecidesTheQuantity() {
        XCTAssertEqual(Quantity(kpi: "vein_to_vein_p90_days").decimals, 6)
        XCTAssertEqual(Quantity(kpi: "not_infused_fraction").decimals, 6)
        XCTAssertEqual(Quantity(kpi: "total_cost").decimals, 2)
        XCTAssertEqual(Quantity(kpi: "infusions_per_year").decimals, 4)
        XCTAssertEqual(Quantity(kpi: "patients_infused").decimals, 0)
    }

    /// Days waited in the window are days, not a count: 0.2.x wrote them rounded to whole days.
    func testInWindowKeepsTheUnitBeforeIt() {
        XCTAssertEqual(Quantity(kpi: "stock_wait_days_in_window").decimals, 6)
        XCTAssertEqual(Quantity(kpi: "collections_in_window").decimals, 0)
    }
}
