import XCTest
import SimKernel
@testable import ScenarioFile

/// A plant's `slots`: what a good section decodes to, and the exact message of each bad one
/// (``ScenarioFixtures/minimal`` with the slots written after the plant's `suites: 2`, line 21).
final class SlotsSectionTests: XCTestCase {
    private func withSlots(_ slots: String, routing: String = "") -> String {
        minimal(replacing: "suites: 2\n", with: "suites: 2\n    slots: \(slots)\n") + routing
    }

    func testEveryKeyDecodes() throws {
        let text = withSlots("""
            {per: week, allocation: share, capacity: 3, centres: {centre: 1}, rule: indication_priority, \
            indication_priority: [all], unused: carry_over, lead_time: 2w, waitlist_before: consult, \
            dropout_frees_slot: true, re_referral: {probability: 25%, after: 30d}}
            """)
        let slots = try XCTUnwrap(try ScenarioLoader.load(text: text, file: "s.yaml").plants[0].slots)
        XCTAssertEqual(slots.period, .week)
        XCTAssertEqual(slots.allocation, .share(["centre": 1]))
        XCTAssertEqual(slots.capacity, 3)
        XCTAssertEqual(slots.rule, .indicationPriority)
        XCTAssertEqual(slots.indicationPriority, ["all"])
        XCTAssertEqual(slots.unused, .carryOver)
        XCTAssertEqual(slots.leadTime, 14 * Ticks.day)
        XCTAssertEqual(slots.waitlistBefore, .consult)
        XCTAssertTrue(slots.dropoutFreesSlot)
        XCTAssertEqual(slots.reReferralProbability, 0.25)
        XCTAssertEqual(slots.reReferralDelay.mean, Double(30 * Ticks.day))
    }

    func testDefaultsAreMonthlyFirstComeQuotasLostAtOnceWithoutReReferral() throws {
        let slots = try XCTUnwrap(try ScenarioLoader.load(text: withSlots("{centres: {centre: 2}}"), file: "s.yaml")
            .plants[0].slots)
        XCTAssertEqual(slots.period, .month)
        XCTAssertEqual(slots.allocation, .quota(["centre": 2]))
        XCTAssertEqual(slots.capacity, 2, "a quota plant's slots are the sum of its quotas")
        XCTAssertEqual(slots.rule, .firstCome)
        XCTAssertEqual(slots.unused, .lost)
        XCTAssertEqual(slots.leadTime, 0)
        XCTAssertEqual(slots.waitlistBefore, .apheresis)
        XCTAssertFalse(slots.dropoutFreesSlot)
        XCTAssertEqual(slots.reReferralProbability, 0)
    }

    /// Periods start at the run's start, then every 7 days or on the 1st of each month.
    func testPeriodStartsFollowTheCalendar() throws {
        var slots = try XCTUnwrap(try ScenarioLoader.load(text: withSlots("{centres: {centre: 1}}"), file: "s.yaml")
            .plants[0].slots)
        let start = CivilDate(year: 2026, month: 1, day: 20)!
        XCTAssertEqual(slots.periodStarts(from: start, until: 80 * Ticks.day).map { $0 / Ticks.day }, [0, 12, 40, 71])
        slots.period = .week
        XCTAssertEqual(slots.periodStarts(from: start, until: 21 * Ticks.day).map { $0 / Ticks.day }, [0, 7, 14])
    }

    func testBadSlots() {
        let cases: [(String, [String])] = [
            ("{capacity: 3, centres: {centre: 1}}", [
                "bad.yaml:22:23: sites.plant.slots.capacity: with allocation: quota the slots per period are the sum of the "
                    + "centres' quotas; remove 'capacity' or use allocation: share",
            ]),
            ("{allocation: share, capacity: 2, centres: {centre: 0.5}}", [
                "bad.yaml:22:54: sites.plant.slots.centres: centre shares sum to 0.5; expected 1",
            ]),
            ("{allocation: pooled, capacity: 2, centres: {centre: 1}}", [
                "bad.yaml:22:55: sites.plant.slots.centres: with allocation: pooled every centre assigned to the plant "
                    + "shares one list; remove 'centres' or use allocation: quota or share",
            ]),
            ("{centres: {plant: 1}}", [
                "bad.yaml:22:23: sites.plant.slots.centres.plant: 'plant' is a plant, not a centre",
            ]),
            ("{centres: {centre: 1}, rule: lottery, indication_priority: [all]}", [
                "bad.yaml:22:71: sites.plant.slots.indication_priority: 'indication_priority' orders the list only with "
                    + "rule: indication_priority",
            ]),
            ("{centres: {centre: 1}, rule: fifo}", [
                "bad.yaml:22:41: sites.plant.slots.rule: expected one of first_come, indication_priority, urgency, lottery, "
                    + "got 'fifo'",
            ]),
            ("{centres: {centre: 1}, rule: indication_priority, indication_priority: [al]}", [
                "bad.yaml:22:84: sites.plant.slots.indication_priority[0]: unknown indication 'al'; did you mean 'all'?",
            ]),
            ("{centres: {centre: 1}, re_referral: {after: 3d}}", [
                "bad.yaml:22:48: sites.plant.slots.re_referral: missing required key 'probability'",
            ]),
        ]
        for (slots, messages) in cases {
            XCTAssertEqual(loadErrors(withSlots(slots)), messages, slots)
        }
    }

    func testCentresMustBeTheOnesAssignedToThePlant() {
        let text = minimal(replacing: "  plant:\n    kind: plant", with: """
              other:
                kind: centre
                referrals: 1/week
                apheresis: {chairs: 1}
                plant: plant
              plant:
                kind: plant
            """).replacingOccurrences(of: "suites: 2\n", with: "suites: 2\n    slots: {centres: {centre: 1}}\n")
            + "  - {from: other, to: plant, transit: 1d, return: true}\n"
        XCTAssertEqual(loadErrors(text), [
            "bad.yaml:23:12: sites.other.plant: centre 'other' is assigned to plant 'plant', whose slots are allocated by "
                + "centre, but has no quota or share in its slots.centres",
        ])
    }

    func testSlotsNeedAssignedRouting() {
        XCTAssertEqual(loadErrors("routing: shortest_expected_wait\n" + withSlots("{centres: {centre: 1}}")), [
            "bad.yaml:23:12: sites.plant.slots: slots are allocated to the centres assigned to plant 'plant'; they need "
                + "routing: assigned, not shortest_expected_wait",
        ])
    }
}
