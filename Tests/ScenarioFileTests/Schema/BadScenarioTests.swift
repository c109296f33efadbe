import XCTest
@testable import ScenarioFile

/// A corpus of bad scenario files, each with its exact messages
/// (`file:line:column: path: message`). Most are ``ScenarioFixtures/minimal`` with one edit;
/// its line numbers are shown here for reference:
///
/// ```
///  1 name: minimal              13     product: kymriah
///  2 simulation:                14   centre:
///  3   horizon: 52w             15     kind: centre
///  4 products:                  16     referrals: 1/week
///  5   kymriah:                 17     apheresis: {chairs: 1}
///  6     starting_material: …   18     plant: plant
///  7     manufacturing:         19   plant:
///  8       - expansion: 9d      20     kind: plant
///  9     qc: 14d                21     suites: 2
/// 10 indications:               22 lanes:
/// 11   all:                     23   - {from: centre, to: plant, transit: 1d, return: true}
/// 12     product: kymriah
/// ```
final class BadScenarioTests: XCTestCase {
    func testSyntaxError() {
        XCTAssertEqual(loadErrors(minimal(replacing: "horizon: 52w", with: "horizon: [52w")), [
            "bad.yaml:4:9: syntax error: did not find expected ',' or ']' "
                + "(while parsing a flow sequence that starts at line 3, column 12)",
        ])
    }

    func testWrongType() {
        XCTAssertEqual(loadErrors(minimal(replacing: "suites: 2", with: "suites: two")), [
            "bad.yaml:21:13: sites.plant.suites: expected an integer of at least 0, got 'two'",
        ])
    }

    func testUnknownKeyWithSuggestion() {
        XCTAssertEqual(loadErrors(minimal(replacing: "suites: 2", with: "suits: 2")), [
            "bad.yaml:20:5: sites.plant: missing required key 'suites'",
            "bad.yaml:21:5: sites.plant: unknown key 'suits'; did you mean 'suites'?",
        ])
    }

    func testUndefinedProduct() {
        XCTAssertEqual(loadErrors(minimal(replacing: "product: kymriah", with: "product: kymria")), [
            "bad.yaml:12:14: indications.all.product: unknown product 'kymria'; did you mean 'kymriah'?",
        ])
    }

    func testUndefinedSite() {
        XCTAssertEqual(loadErrors(minimal(replacing: "plant: plant\n", with: "plant: plnt\n")), [
            "bad.yaml:18:12: sites.centre.plant: unknown plant 'plnt'; did you mean 'plant'?",
        ])
        XCTAssertEqual(loadErrors(minimal(replacing: "{from: centre,", with: "{from: hospital,")), [
            "bad.yaml:23:12: lanes[0].from: unknown site 'hospital'; defined sites: centre, plant",
        ])
    }

    func testUndefinedCalendar() {
        let text = minimal(replacing: "apheresis: {chairs: 1}", with: "apheresis: {chairs: 1, calendar: office}")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:17:38: sites.centre.apheresis.calendar: unknown calendar 'office'; defined calendars: always",
        ])
    }

    func testBadProbability() {
        let text = minimal(replacing: "apheresis: {chairs: 1}", with: "apheresis: {chairs: 1, repeat_probability: 140%}")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:17:48: sites.centre.apheresis.repeat_probability: "
                + "expected a probability from 0 to 1 or a percentage such as '4%', got '140%'",
        ])
    }

    func testNegativeDuration() {
        XCTAssertEqual(loadErrors(minimal(replacing: "qc: 14d", with: "qc: -14d")), [
            "bad.yaml:9:9: products.kymriah.qc: duration must not be negative, got '-14d'",
        ])
    }

    func testSharesNotSummingToOne() {
        let text = ScenarioFixtures.complete.replacingOccurrences(of: "{dlbcl: 0.8, mm: 0.2}", with: "{dlbcl: 0.7, mm: 0.2}")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:62:21: sites.centre-london.indication_mix: indication shares sum to 0.9; expected 1",
        ])
    }

    func testMissingLane() {
        XCTAssertEqual(loadErrors(minimal(replacing: "return: true", with: "return: false")), [
            "bad.yaml:14:3: sites.centre: no lane from 'plant' to 'centre'; "
                + "products made for centre at its plant must return to it",
        ])
    }

    func testUnreachablePlant() {
        let text = minimal(replacing: "{from: centre, to: plant, transit: 1d, return: true}",
                           with: "{from: plant, to: centre, transit: 1d}")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:14:3: sites.centre: no lane from 'centre' to 'plant'; material from centre must reach its plant",
            "bad.yaml:19:3: sites.plant: plant 'plant' is unreachable: no lane leads to it",
        ])
    }

    func testZeroCapacityWithDemand() {
        XCTAssertEqual(loadErrors(minimal(replacing: "suites: 2", with: "suites: 0")), [
            "bad.yaml:21:13: sites.plant.suites: plant 'plant' receives material from centre but has 0 suites",
        ])
        XCTAssertEqual(loadErrors(minimal(replacing: "apheresis: {chairs: 1}", with: "apheresis: {chairs: 0}\n    beds: 0")), [
            "bad.yaml:17:25: sites.centre.apheresis.chairs: centre 'centre' receives referrals but has 0 apheresis chairs",
            "bad.yaml:18:11: sites.centre.beds: centre 'centre' receives referrals but has 0 beds",
        ])
    }

    func testZeroCapacityWithoutDemandIsAccepted() {
        let text = minimal(replacing: "apheresis: {chairs: 1}", with: "apheresis: {chairs: 0}\n    beds: 0")
            .replacingOccurrences(of: "referrals: 1/week", with: "referrals: 0/week")
            .replacingOccurrences(of: "suites: 2", with: "suites: 0")
        XCTAssertEqual(loadErrors(text), [])
    }

    func testEmptyFile() {
        let message = "bad.yaml:1:1: the scenario file is empty; "
            + "expected a mapping with sections such as 'simulation', 'sites', 'lanes'"
        XCTAssertEqual(loadErrors(""), [message])
        XCTAssertEqual(loadErrors("# nothing yet\n"), [message])
    }

    func testBinaryGarbage() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        XCTAssertEqual(loadErrors(bytes: png), [
            "bad.yaml:1:1: syntax error: invalid leading UTF-8 octet (byte 0x89); a scenario file must be UTF-8 text",
        ])
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]
        XCTAssertEqual(loadErrors(bytes: elf), ["bad.yaml:1:1: syntax error: control characters are not allowed (U+007F)"])
    }

    func testTopLevelThatIsNotAMapping() {
        XCTAssertEqual(loadErrors("- a\n- b\n"), [
            "bad.yaml:1:1: expected a mapping with sections such as 'simulation', 'sites', 'lanes' at the top level, "
                + "got a list",
        ])
    }

    func testMissingSections() {
        XCTAssertEqual(loadErrors("name: x\n"), [
            "bad.yaml:1:1: missing required key 'simulation'",
            "bad.yaml:1:1: missing required key 'products'",
            "bad.yaml:1:1: missing required key 'indications'",
            "bad.yaml:1:1: missing required key 'sites'",
            "bad.yaml:1:1: missing required key 'lanes'",
        ])
    }

    func testJSONErrorsPointIntoTheJSON() {
        let json = ScenarioFixtures.minimalJSON.replacingOccurrences(of: "\"suites\": 2", with: "\"suites\": -2")
        XCTAssertEqual(loadErrors(json, file: "bad.json"), [
            "bad.json:14:42: sites.plant.suites: expected an integer of at least 0, got '-2'",
        ])
    }

    func testThreeErrorsAreAllReportedInFileOrder() {
        let text = minimal(replacing: "horizon: 52w", with: "horizon: 52")
            .replacingOccurrences(of: "suites: 2", with: "suites: 2\n    colour: red")
            .replacingOccurrences(of: "return: true", with: "return: false")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:3:12: simulation.horizon: expected a duration with a unit (s, min, h, d, w), e.g. '36h' or '2d', got '52'",
            "bad.yaml:14:3: sites.centre: no lane from 'plant' to 'centre'; "
                + "products made for centre at its plant must return to it",
            "bad.yaml:22:5: sites.plant: unknown key 'colour'; allowed keys: kind, time_zone, intake, suites, suite_calendar, "
                + "discipline, qc_capacity, qc_calendar, qa_calendar, slots, changeover, maintenance, failures, contamination, qc_invalid_assay, capacity_changes, staff, stock, products, qc",
        ])
    }
}
