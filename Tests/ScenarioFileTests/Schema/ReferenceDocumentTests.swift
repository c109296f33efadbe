import Foundation
import XCTest
@testable import ScenarioFile

/// `Scenarios/README.md` stays accurate: it documents every key the decoder accepts, and its
/// complete example is the scenario the loader tests decode.
final class ReferenceDocumentTests: XCTestCase {
    private func reference() throws -> String {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Scenarios/README.md"), encoding: .utf8)
    }

    func testEveryKeyHasARow() throws {
        let text = try reference()
        let keys = ScenarioDecoder.keys + SimulationSection.keys + CalendarsSection.keys + ProductsSection.keys
            + YieldSection.keys + OutOfSpecSection.keys + IndicationsSection.keys + CentreSection.keys
            + CentreSection.apheresisKeys + CentreSection.cryopreservationKeys + HubSection.keys + PlantSection.keys
            + LanesSection.keys + SlotsSection.keys + SlotsSection.reReferralKeys + SuiteDowntimeSection.keys + QCRetestSection.keys
            + DemandSection.keys + StaffSection.poolKeys + StaffSection.taskKeys + StockSection.itemKeys
            + StockSection.reorderKeys + StockSection.deliveryKeys + StockSection.windowKeys
            + CostsSection.keys + CostsSection.shipmentKeys + CostsSection.priceKeys.values.flatMap { $0.map(\.key) }
        for key in Set(keys).subtracting(["kind"]) {
            XCTAssertTrue(text.contains("| `\(key)` |"), "no table row for '\(key)'")
        }
    }

    func testTheCompleteExampleIsTheTestedScenario() throws {
        let text = try reference()
        let section = try XCTUnwrap(text.range(of: "## A complete example"))
        let start = try XCTUnwrap(text.range(of: "```yaml\n", range: section.upperBound..<text.endIndex))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        XCTAssertEqual(String(text[start.upperBound..<end.lowerBound]), ScenarioFixtures.complete)
    }
}
