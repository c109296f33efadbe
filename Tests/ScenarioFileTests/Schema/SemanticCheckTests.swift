import XCTest
@testable import ScenarioFile

/// Checks across sections and within entries, each reported at the node that causes it.
/// Line numbers of ``ScenarioFixtures/minimal`` are listed in ``BadScenarioTests``; those of
/// ``ScenarioFixtures/complete`` are counted from its first line (`name:` is line 1).
final class SemanticCheckTests: XCTestCase {
    private let complete = ScenarioFixtures.complete

    private func complete(replacing old: String, with new: String) -> String {
        precondition(complete.components(separatedBy: old).count == 2, "'\(old)' must occur once")
        return complete.replacingOccurrences(of: old, with: new)
    }

    // MARK: - Simulation and names

    func testWarmupMustEndBeforeTheHorizon() {
        XCTAssertEqual(loadErrors(minimal(replacing: "horizon: 52w", with: "horizon: 52w\n  warmup: 52w")), [
            "bad.yaml:4:11: simulation.warmup: the warm-up (364 d) must be shorter than the horizon (364 d)",
        ])
    }

    func testScenarioNameMustSuitAFolder() {
        XCTAssertEqual(loadErrors(minimal(replacing: "name: minimal", with: "name: Minimal Run")), [
            "bad.yaml:1:7: name: expected a name of lower-case letters, digits, '-' and '_' "
                + "(it names the results folder), got 'Minimal Run'",
        ])
    }

    // MARK: - Sites

    func testSiteOfTheWrongKind() {
        let text = complete(replacing: "plant: plant-nl\n    lymph", with: "plant: hub-central\n    lymph")
        XCTAssertEqual(loadErrors(text), ["bad.yaml:73:12: sites.centre-london.plant: 'hub-central' is a hub, not a plant"])
    }

    func testMissingOrUnknownKind() {
        XCTAssertEqual(loadErrors(minimal(replacing: "    kind: plant\n", with: "")), [
            "bad.yaml:20:5: sites.plant: missing required key 'kind' (one of centre, hub, plant)",
        ])
        XCTAssertEqual(loadErrors(minimal(replacing: "kind: plant", with: "kind: plnt")), [
            "bad.yaml:20:11: sites.plant.kind: expected one of centre, hub, plant, got 'plnt'; did you mean 'plant'?",
        ])
        XCTAssertEqual(loadErrors(minimal(replacing: "    kind: plant\n    suites: 2", with: "    - 2")), [
            "bad.yaml:20:5: sites.plant: expected a mapping with a 'kind' (one of centre, hub, plant), got a list",
        ])
    }

    func testKeysOfAnotherKindAreUnknown() {
        XCTAssertEqual(loadErrors(minimal(replacing: "    plant: plant\n", with: "    plant: plant\n    suites: 3\n    bed: 3\n")), [
            "bad.yaml:19:5: sites.centre: unknown key 'suites'; allowed keys: kind, time_zone, referrals, onboarding, indication_mix, "
                + "referral_to_apheresis, apheresis, cryopreservation, plant, lymphodepletion_scheduling, beds, "
                + "post_infusion_stay, icu_probability, icu_stay, capacity_changes, plant_by_product",
            "bad.yaml:20:5: sites.centre: unknown key 'bed'; did you mean 'beds'?",
        ])
    }

    func testTheNetworkNeedsACentreAndAPlant() {
        let text = minimal(replacing: "    kind: plant\n    suites: 2", with: "    kind: hub\n    freezers: 1")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:14:3: sites: expected at least one site with kind: plant",
            "bad.yaml:18:12: sites.centre.plant: 'plant' is a hub, not a plant",
        ])
    }

    func testIndicationMixIsRequiredWithSeveralIndications() {
        XCTAssertEqual(loadErrors(complete(replacing: "    indication_mix: {mm: 1}\n", with: "")), [
            "bad.yaml:80:5: sites.centre-leeds: missing required key 'indication_mix' "
                + "(the scenario has several indications: dlbcl, mm)",
        ])
    }

    func testUnknownIndicationInAMix() {
        XCTAssertEqual(loadErrors(complete(replacing: "{mm: 1}", with: "{myeloma: 1}")), [
            "bad.yaml:84:22: sites.centre-leeds.indication_mix: unknown indication 'myeloma'; defined indications: dlbcl, mm",
        ])
    }

    func testReferralPeriods() {
        let late = complete(replacing: "{from: 0w, rate: 1/week}", with: "{from: 1w, rate: 1/week}")
        XCTAssertEqual(loadErrors(late), [
            "bad.yaml:82:16: sites.centre-leeds.referrals[0].from: the first period must start at 0, got '1w'",
        ])
        let unordered = complete(replacing: "{from: 26w", with: "{from: 0w")
        XCTAssertEqual(loadErrors(unordered), [
            "bad.yaml:83:16: sites.centre-leeds.referrals[1].from: each period must start after the one before, "
                + "which starts at 0 d",
        ])
    }

    func testCryopreservationIsAHubOrFreezersNotBoth() {
        XCTAssertEqual(loadErrors(complete(replacing: "{hub: hub-central}", with: "{hub: hub-central, freezers: 1}")), [
            "bad.yaml:86:23: sites.centre-leeds.cryopreservation: give either 'hub' or the centre's own freezers "
                + "(freezers, calendar, duration, may_run_over), not both",
        ])
    }

    // MARK: - Capacity where there is demand

    func testCryopreservedProductNeedsAFreezerOrAHub() {
        let text = minimal(replacing: "starting_material: fresh", with: "starting_material: cryopreserved")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:14:3: sites.centre: centre 'centre' uses the cryopreserved product 'kymriah' but has no "
                + "cryopreservation; add cryopreservation: {hub: …} or {freezers: …}",
        ])
        let noFreezers = complete(replacing: "      freezers: 2\n", with: "      freezers: 0\n")
        XCTAssertEqual(loadErrors(noFreezers), [
            "bad.yaml:70:17: sites.centre-london.cryopreservation.freezers: centre 'centre-london' freezes starting "
                + "material for product 'cilta-cel' but has 0 freezers",
        ])
    }

    func testHubWithoutFreezersThatACentreUses() {
        XCTAssertEqual(loadErrors(complete(replacing: "freezers: 4", with: "freezers: 0")), [
            "bad.yaml:90:15: sites.hub-central.freezers: hub 'hub-central' has 0 freezers, "
                + "but centre-leeds sends material to be frozen there",
        ])
    }

    func testCalendarThatNeverOpens() {
        let text = complete(replacing: "sat-sun: closed", with: "sat-sun: closed\n  shut:\n    hours: {}")
            .replacingOccurrences(of: "qc_calendar: always", with: "qc_calendar: shut")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:102:18: sites.plant-nl.qc_calendar: calendar 'shut' is never open (it has no opening hours), "
                + "so no work could start here",
        ])
    }

    // MARK: - Calendars

    func testTheBuiltInCalendarCannotBeRedefined() {
        XCTAssertEqual(loadErrors(complete(replacing: "calendars:\n", with: "calendars:\n  always: {}\n")), [
            "bad.yaml:11:3: calendars.always: 'always' is the built-in calendar that is always open; "
                + "it cannot be redefined",
        ])
    }

    func testOpeningHoursProblems() {
        let text = complete(replacing: "sat: [\"09:00-12:00\"]",
                            with: "sat: [\"09:00-12:00\", \"11:00-13:00\"]\n      sun: \"17:00-08:00\"\n"
                                + "      weekend: closed\n      mon: 8-17")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:14:28: calendars.office.hours.sat[1]: opening hours '11:00-13:00' overlap '09:00-12:00'",
            "bad.yaml:15:12: calendars.office.hours.sun: opening hours '17:00-08:00' must close after they open; "
                + "split a night at midnight, e.g. '20:00-24:00' and '00:00-06:00' the next day",
            "bad.yaml:16:7: calendars.office.hours: expected a weekday (mon, tue, wed, thu, fri, sat, sun), "
                + "got 'weekend' (or 'daily')",
            "bad.yaml:17:12: calendars.office.hours.mon: expected a time of day as HH:MM from 00:00 to 24:00, "
                + "e.g. '07:30', got '8'",
        ])
    }

    // MARK: - Products

    func testManufacturingSteps() {
        let text = minimal(replacing: "  - expansion: 9d",
                           with: "  - expansion: 9d\n      - expansion: 1d\n      - bad\n      - {a: 1d, b: 2d}")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:9:9: products.kymriah.manufacturing[1].expansion: the step 'expansion' appears twice; "
                + "give each step its own name",
            "bad.yaml:10:9: products.kymriah.manufacturing[2]: expected a step written as a single-key mapping "
                + "such as 'expansion: 7d', got 'bad'",
            "bad.yaml:11:9: products.kymriah.manufacturing[3]: expected a step written as a single-key mapping "
                + "such as 'expansion: 7d', got a mapping",
        ])
        XCTAssertEqual(loadErrors(minimal(replacing: "manufacturing:\n      - expansion: 9d", with: "manufacturing: []")), [
            "bad.yaml:7:20: products.kymriah.manufacturing: expected at least one manufacturing step, e.g. '- expansion: 7d'",
        ])
    }

    // MARK: - Lanes

    func testLanesThroughAHub() {
        let text = complete(replacing: "  - {from: centre-leeds, to: hub-central, transit: 6h, pickup_days: mon-fri}\n", with: "")
            .replacingOccurrences(of: "  - {from: hub-central, to: plant-nl, transit: 1d}\n", with: "")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:79:3: sites.centre-leeds: no lane from 'centre-leeds' to 'hub-central'; "
                + "material from centre-leeds is frozen at hub-central",
            "bad.yaml:79:3: sites.centre-leeds: no lane from 'hub-central' to 'plant-nl'; "
                + "material from centre-leeds frozen at hub-central must reach its plant",
        ])
    }

    func testDuplicateLanes() {
        let text = minimal(replacing: "return: true}",
                           with: "return: true}\n  - {from: plant, to: centre, transit: 2d}\n  - {from: centre, to: plant, transit: 2d}")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:24:5: lanes[1]: duplicate lane from 'plant' to 'centre'; the return of lanes[0] already defines it",
            "bad.yaml:25:5: lanes[2]: duplicate lane from 'centre' to 'plant'; lanes[0] already defines it",
        ])
    }

    func testLaneToItself() {
        XCTAssertEqual(loadErrors(minimal(replacing: "to: plant,", with: "to: centre,")), [
            "bad.yaml:23:24: lanes[0].to: a lane must lead to another site, got 'centre' at both ends",
        ])
    }

    func testShortestExpectedWaitNeedsReturnLanesFromEveryReachablePlant() {
        let text = complete(replacing: "  - {from: plant-us, to: centre-leeds, transit: 3d, pickup_days: \"mon, wed\"}\n", with: "")
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:79:3: sites.centre-leeds: no lane from 'plant-us' to 'centre-leeds'; routing "
                + "shortest_expected_wait may have products for centre-leeds made at plant-us, and they must return",
        ])
        let assigned = text.replacingOccurrences(of: "routing: shortest_expected_wait", with: "routing: assigned")
        XCTAssertEqual(loadErrors(assigned), [], "with assigned routing only the assigned plant is used")
    }

    func testShortestExpectedWaitSendsMaterialToEveryReachablePlant() {
        XCTAssertEqual(loadErrors(complete(replacing: "suites: 4", with: "suites: 0")), [
            "bad.yaml:104:13: sites.plant-us.suites: plant 'plant-us' receives material from centre-leeds but has 0 suites",
        ])
    }

    // MARK: - No follow-on errors

    func testAnItemWithProblemsIsNotReportedAsMissing() {
        // The lane is written: its bad transit must not also make it "missing".
        XCTAssertEqual(loadErrors(minimal(replacing: "transit: 1d", with: "transit: 1")), [
            "bad.yaml:23:40: lanes[0].transit: expected a duration with a unit (s, min, h, d, w), e.g. '36h' or '2d', "
                + "got '1'",
        ])
        // The product is defined: its bad field must not make references to it unknown.
        XCTAssertEqual(loadErrors(minimal(replacing: "qc: 14d", with: "qc: 14")), [
            "bad.yaml:9:9: products.kymriah.qc: expected a duration with a unit (s, min, h, d, w), e.g. '36h' or '2d', "
                + "got '14'",
        ])
    }
}
