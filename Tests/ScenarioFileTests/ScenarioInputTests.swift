import XCTest
@testable import ScenarioFile

/// The inputs `cartsim sensitivity` finds in a scenario file and how each is perturbed.
final class ScenarioInputTests: XCTestCase {
    private let text = """
        name: inputs
        simulation: {horizon: 52w, seed: 3}
        calendars:
          weekdays: {days: [mon-fri], hours: "09:00-17:00"}
        products:
          car-t:
            manufacturing:
              - expansion: {lognormal: {median: 7d, p90: 9d}}
              - formulation: {triangular: [1d, 1d, 2d]}
            qc: {gamma: {mean: 8d, cv: 0.25}}
            out_of_spec_rate: 4%
        sites:
          centre-a:
            kind: centre
            referrals: 3/week
            indication_mix: {dlbcl: 0.6, mcl: 0.4}
            opened: 2026-03-01
            apheresis: {chairs: 2, duration: 4h}
          plant:
            kind: plant
            suites: 16
            repeat_probability: 0.05
        lanes:
          - {from: centre-a, to: plant, transit: 20h}
        """

    private func inputs() throws -> [ScenarioInput] {
        ScenarioInput.all(in: try YAMLDocument.parse(text: text, file: "inputs.yaml"))
    }

    func testEveryNumberAndDistributionOutsideSettingsCalendarsNamesAndMixesIsAnInput() throws {
        XCTAssertEqual(try inputs().map(\.path), [
            "products.car-t.manufacturing[0].expansion", "products.car-t.manufacturing[1].formulation", "products.car-t.qc",
            "products.car-t.out_of_spec_rate", "sites.centre-a.referrals", "sites.centre-a.apheresis.chairs",
            "sites.centre-a.apheresis.duration", "sites.plant.suites", "sites.plant.repeat_probability", "lanes[0].transit",
        ])
    }

    func testScalingKeepsUnitsShapesAndWholeNumbers() throws {
        let all = Dictionary(uniqueKeysWithValues: try inputs().map { ($0.path, $0) })
        func scaled(_ path: String, _ factor: Double) -> String? { all[path]?.scaled(by: factor) }
        XCTAssertEqual(scaled("products.car-t.manufacturing[0].expansion", 1.2), "{lognormal: {median: 8.4d, p90: 10.8d}}")
        XCTAssertEqual(scaled("products.car-t.manufacturing[1].formulation", 0.8), "{triangular: [0.8d, 0.8d, 1.6d]}")
        XCTAssertEqual(scaled("products.car-t.qc", 1.2), "{gamma: {mean: 9.6d, cv: 0.25}}", "the coefficient of variation is kept")
        XCTAssertEqual(scaled("products.car-t.out_of_spec_rate", 1.2), "4.8%")
        XCTAssertEqual(scaled("sites.centre-a.referrals", 1.2), "3.6/week")
        XCTAssertEqual(scaled("sites.plant.suites", 0.8), "13", "whole numbers stay whole")
        XCTAssertEqual(scaled("sites.centre-a.apheresis.chairs", 1.2), "3", "and move by at least 1")
        XCTAssertEqual(scaled("sites.centre-a.apheresis.chairs", 0.8), "1")
        XCTAssertEqual(scaled("sites.plant.repeat_probability", 0.8), "0.04")
        XCTAssertEqual(scaled("lanes[0].transit", 1.2), "24h")
    }

    func testAnInputIsFoundByItsPath() throws {
        let root = try YAMLDocument.parse(text: text, file: "inputs.yaml")
        XCTAssertEqual(ScenarioInput.at("lanes[0].transit", in: root)?.text, "20h")
        XCTAssertEqual(ScenarioInput.at("products.car-t.qc", in: root)?.text, "{gamma: {mean: 8d, cv: 0.25}}")
        XCTAssertNil(ScenarioInput.at("sites.centre-a.opened", in: root), "a date is not a number")
        XCTAssertNil(ScenarioInput.at("sites.plant.nothing", in: root))
        XCTAssertNil(ScenarioInput.at("lanes[3].transit", in: root))
    }
}
