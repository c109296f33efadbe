import XCTest
import ScenarioFile
@testable import CARTModel

/// The compiled routes of the example scenarios: every way a patient can go (fresh, frozen
/// at the centre, frozen at a hub; slot waitlist after or before the consult) in the order
/// the interpreter takes it.
final class RouteTests: XCTestCase {
    private static let tail: [RouteStep] = [.intake, .manufacture, .test, .release, .shipToCentre,
                                            .receiveAtCentre, .bookLymphodepletion]

    private func model(_ example: String, edit: (String) -> String = { $0 }) throws -> PathwayReplication {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios/\(example).yaml")
        let text = edit(try String(contentsOf: file, encoding: .utf8))
        let scenario = try ScenarioLoader.load(text: text, file: file.path)
        return try PathwayReplication(scenario: scenario, replication: 0, keepPatients: false)
    }

    private func route(_ model: PathwayReplication, centre name: String, product: Int = 0) -> [RouteStep] {
        let centre = model.scenario.centres.firstIndex { $0.name == name }!
        return model.routes[model.routes.id(centre: centre, product: product)]
    }

    func testFreshMaterialShipsStraightToThePlant() throws {
        let model = try model("axicel-central-fresh")
        let centre = model.scenario.centres[0].name
        XCTAssertEqual(route(model, centre: centre), [.consult, .collect, .shipToPlant(from: 0)] + Self.tail)
    }

    func testCryopreservedMaterialIsFrozenAtTheCentreOrAtItsHub() throws {
        let model = try model("tisacel-cryo-hub")
        XCTAssertEqual(route(model, centre: "centre-paris"), [.consult, .collect, .freeze(.centre), .shipToPlant(from: 0)] + Self.tail)
        let hubSite = model.siteID(hub: 0)
        XCTAssertEqual(route(model, centre: "centre-lyon"),
                       [.consult, .collect, .shipToHub(0), .freeze(.hub(0)), .shipToPlant(from: hubSite)] + Self.tail)
    }

    func testASlotWaitlistComesAfterTheConsultOrBeforeIt() throws {
        let after = try model("bcma-slot-scarcity")
        XCTAssertEqual(route(after, centre: "centre-a"),
                       [.consult, .joinWaitlist, .slotLeadTime, .collect, .shipToPlant(from: 0)] + Self.tail)
        let before = try model("bcma-slot-scarcity") { $0.replacingOccurrences(of: "      lead_time: 28d\n",
                                                                                with: "      lead_time: 28d\n      waitlist_before: consult\n") }
        XCTAssertEqual(route(before, centre: "centre-a"),
                       [.joinWaitlist, .consult, .slotLeadTime, .collect, .shipToPlant(from: 0)] + Self.tail)
    }

    func testEachProductOfACentreHasItsOwnRoute() throws {
        let model = try model("europe-two-products")
        let names = model.scenario.products.map(\.name)
        let centre = model.scenario.centres[0].name
        let routes = names.indices.map { route(model, centre: centre, product: $0) }
        XCTAssertEqual(Set(routes.map { $0.contains(.freeze(.centre)) }), [true, false],
                       "one product is frozen at the centre, the other ships fresh: \(names)")
    }
}
