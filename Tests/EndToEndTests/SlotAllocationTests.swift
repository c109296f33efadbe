import Foundation
import XCTest
import SimRandom

/// Manufacturing slots and centre waitlists, on small scenarios whose answers are known
/// exactly: deterministic process times, chairs always open, no consult, and referrals far
/// above the slots (a full list) unless a test says otherwise. The run starts on 2026-01-01,
/// so monthly periods start on days 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304 and 334.
final class SlotAllocationTests: FolderTestCase {
    private static let monthStarts: [Double] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

    private static let base = """
        name: slots
        simulation: {start_date: 2026-01-01, horizon: 365d, warmup: 0d, replications: 2, seed: 5}
        products:
          car-t: {starting_material: fresh, fresh_hold_time: 10d, manufacturing: [{make: 10d}], qc: 2d, qa_release: 0h, lymphodepletion: 3d}
        indications:
          mm: {product: car-t}
        sites:
          centre-a:
            kind: centre
            referrals: 10/week
            apheresis: {chairs: 1, duration: 4h}
            plant: plant
            post_infusion_stay: 1d
          centre-b:
            kind: centre
            referrals: 10/week
            apheresis: {chairs: 1, duration: 4h}
            plant: plant
            post_infusion_stay: 1d
          plant:
            kind: plant
            suites: 40
            slots:
              per: month
              centres: {centre-a: 1, centre-b: 1}
              lead_time: 14d
        lanes:
          - {from: centre-a, to: plant, transit: 1d, return: true}
          - {from: centre-b, to: plant, transit: 1d, return: true}

        """

    private struct Run {
        let patients: [[String: String]]
        let replications: [[String: String]]
        let weeks: [[String: String]]

        /// Patients of one replication and centre, in referral order.
        func patients(_ replication: String, _ centre: String) -> [[String: String]] {
            patients.filter { $0["replication"] == replication && $0["centre"] == centre }
                .sorted { CSVFile.number($0, "referral_day") < CSVFile.number($1, "referral_day") }
        }

        func kpi(_ name: String) -> [Double] { replications.map { CSVFile.number($0, name) } }
    }

    private func run(_ name: String, _ edits: [(String, String)] = []) throws -> Run {
        var text = Self.base
        for (old, new) in edits {
            XCTAssertTrue(text.contains(old), "'\(old)' is not in the base scenario")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let file = folder.appendingPathComponent("\(name).yaml")
        try Data(text.utf8).write(to: file)
        let out = folder.appendingPathComponent(name)
        let result = try CartsimBinary.run(["run", file.path, "--patients", "all", "--out", out.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return Run(patients: try CSVFile(url: out.appendingPathComponent("patients.csv")).rows,
                   replications: try CSVFile(url: out.appendingPathComponent("replications.csv")).rows,
                   weeks: try CSVFile(url: out.appendingPathComponent("timeseries.csv")).rows)
    }

    private func apheresisDays(_ patients: [[String: String]]) -> [Double] {
        patients.filter { !$0["apheresis_start_day"]!.isEmpty && CSVFile.number($0, "apheresis_start_day") < 365 }
            .map { CSVFile.number($0, "apheresis_start_day") }.sorted()
    }

    /// 12 slots a year and a full list: exactly 12 collections a year at each centre, by the
    /// 12 patients referred first (first come), each 14 days after its slot: the first at
    /// listing (a slot is free then), the others on the 1st of each month.
    func testTwelveSlotsAYearWithAFullListGiveTwelveApheresisStartsAYearPerCentre() throws {
        let run = try run("full-list")
        XCTAssertEqual(run.kpi("collections_in_window"), [24, 24])
        XCTAssertEqual(run.kpi("slots_issued_in_window"), [24, 24])
        XCTAssertEqual(run.kpi("slots_allocated_in_window"), [24, 24])
        XCTAssertEqual(run.kpi("slot_utilization"), [1, 1])
        for replication in ["0", "1"] {
            for centre in ["centre-a", "centre-b"] {
                let patients = run.patients(replication, centre)
                let first = CSVFile.number(patients[0], "referral_day")
                let expected = [first + 14] + Self.monthStarts.dropFirst().map { $0 + 14 }
                let days = apheresisDays(patients)
                XCTAssertEqual(days.count, 12, "\(centre) replication \(replication)")
                for (day, hand) in zip(days, expected) { XCTAssertEqual(day, hand, accuracy: 1e-6, centre) }
                let collected = patients.prefix(12).map { $0["apheresis_start_day"]! }
                XCTAssertFalse(collected.contains(""), "\(centre): the 12 patients referred first are collected first")
            }
        }
        // Nobody leaves a list but for a slot: at the end of week w the lists hold every referral
        // so far less one slot per centre for each period started by then (observed after it),
        // referrals counted in the week they happen.
        var referred = 0.0
        for week in run.weeks {
            referred += CSVFile.number(week, "referrals_mean")
            // The last week ends at the horizon, day 365, when January 2027's slots are issued.
            let end = min(7 * (CSVFile.number(week, "week") + 1), 365)
            let slots = 2 * Double((Self.monthStarts + [365]).filter { $0 <= end }.count)
            XCTAssertEqual(CSVFile.number(week, "waitlist_mean"), referred - slots, accuracy: 1e-9, "week \(week["week"]!)")
            XCTAssertLessThanOrEqual(CSVFile.number(week, "waitlist_p5"), CSVFile.number(week, "waitlist_p95"))
        }
    }

    /// No referral before day 100: the slots of January to March are lost by April, or carried
    /// over to the first four patients, each collected 14 days after its listing.
    func testUnusedSlotsAreLostOrCarriedOver() throws {
        let quiet = [("  centre-a:\n    kind: centre\n    referrals: 10/week",
                      "  centre-a:\n    kind: centre\n    referrals: [{from: 0d, rate: 0/week}, {from: 100d, rate: 10/week}]")]
        let lost = try run("lost", quiet)
        let carried = try run("carried", quiet + [("lead_time: 14d", "lead_time: 14d\n      unused: carry_over")])
        for replication in ["0", "1"] {
            XCTAssertEqual(apheresisDays(lost.patients(replication, "centre-a")).count, 1 + 8, "April's slot and 8 more")
            let patients = carried.patients(replication, "centre-a")
            XCTAssertEqual(apheresisDays(patients).count, 4 + 8, "four carried slots and 8 more")
            for patient in patients.prefix(4) {
                XCTAssertEqual(CSVFile.number(patient, "apheresis_start_day"), CSVFile.number(patient, "referral_day") + 14,
                               accuracy: 1e-6)
            }
        }
        XCTAssertEqual(lost.kpi("slots_expired_in_window"), [3, 3], "January to March at centre-a (centre-b's list is full)")
        XCTAssertEqual(carried.kpi("slots_expired_in_window"), [0, 0])
    }

    /// With `indication_priority`, a slot goes to the first indication whenever one of its
    /// patients waits: from February on (the list is never empty of them), only they are collected.
    func testIndicationPriorityServesTheFirstIndication() throws {
        let run = try run("priority", [
            ("  mm: {product: car-t}", "  urgent: {product: car-t}\n  routine: {product: car-t}"),
            ("    referrals: 10/week\n    apheresis: {chairs: 1, duration: 4h}\n    plant: plant\n    post_infusion_stay: 1d\n  centre-b:",
             "    referrals: 10/week\n    indication_mix: {urgent: 0.5, routine: 0.5}\n    apheresis: {chairs: 1, duration: 4h}\n"
                + "    plant: plant\n    post_infusion_stay: 1d\n  centre-b:"),
            ("  centre-b:\n    kind: centre\n    referrals: 10/week", "  centre-b:\n    kind: centre\n    referrals: 10/week\n"
                + "    indication_mix: {urgent: 0.5, routine: 0.5}"),
            ("lead_time: 14d", "lead_time: 14d\n      rule: indication_priority\n      indication_priority: [urgent]"),
        ])
        let later = run.patients.filter {
            !$0["apheresis_start_day"]!.isEmpty && (45..<365).contains(CSVFile.number($0, "apheresis_start_day"))
        }
        XCTAssertEqual(later.count, 2 * 2 * 11, "11 slots a centre after January, 2 centres, 2 replications")
        XCTAssertEqual(Set(later.map { $0["indication"]! }), ["urgent"])
        XCTAssertTrue(run.patients.contains { $0["indication"] == "routine" }, "routine patients were referred")
    }

    /// A lottery draws from each centre's own stream: centre-a's patients fare exactly alike
    /// whatever centre-b's demand; and it is no first-come list in disguise.
    func testLotteryIsSeededPerCentreAndOrderIndependent() throws {
        let lottery = ("lead_time: 14d", "lead_time: 14d\n      rule: lottery")
        let busy = try run("lottery", [lottery])
        let quiet = try run("lottery-quiet", [lottery, ("  centre-b:\n    kind: centre\n    referrals: 10/week",
                                                        "  centre-b:\n    kind: centre\n    referrals: 2/week")])
        let columns = ["patient_id", "referral_day", "apheresis_start_day", "outcome", "outcome_day"]
        for replication in ["0", "1"] {
            let a = busy.patients(replication, "centre-a"), b = quiet.patients(replication, "centre-a")
            XCTAssertEqual(a.map { row in columns.dropFirst().map { row[$0]! } }, b.map { row in columns.dropFirst().map { row[$0]! } })
            XCTAssertTrue(a.prefix(12).contains { $0["apheresis_start_day"]!.isEmpty },
                          "some of the 12 patients referred first lose the lottery")
            XCTAssertEqual(apheresisDays(a).count, 12)
        }
    }

    /// Time to dropout 20 days and a 30-day lead time: every slot holder drops out before
    /// apheresis. The slot is forfeited, or given back to the list and allocated at once.
    func testADropoutForfeitsItsSlotUnlessTheRuleGivesItBack() throws {
        let dropout = ("  mm: {product: car-t}", "  mm: {product: car-t, time_to_dropout: 20d}")
        let forfeit = try run("forfeit", [dropout, ("lead_time: 14d", "lead_time: 30d")])
        let give = try run("give-back", [dropout, ("lead_time: 14d", "lead_time: 30d\n      dropout_frees_slot: true")])
        XCTAssertEqual(forfeit.kpi("collections_in_window"), [0, 0])
        XCTAssertEqual(forfeit.kpi("slots_allocated_in_window"), [24, 24])
        XCTAssertEqual(forfeit.kpi("slots_forfeited_in_window"), [24, 24])
        XCTAssertEqual(forfeit.kpi("dropout_waitlist_fraction"), [1, 1])
        XCTAssertEqual(give.kpi("collections_in_window"), [0, 0])
        XCTAssertEqual(give.kpi("slots_forfeited_in_window"), [0, 0])
        for (allocated, returned) in zip(give.kpi("slots_allocated_in_window"), give.kpi("slots_returned_in_window")) {
            XCTAssertGreaterThan(returned, 24, "given-back slots are allocated again")
            XCTAssertLessThanOrEqual(returned, allocated)
            XCTAssertLessThanOrEqual(allocated - returned, 24, "at the horizon a slot issued has at most one holder left")
        }
    }

    /// With re-referral certain 10 days after a waitlist dropout, every such dropout more than
    /// 10 days before the horizon comes back as a new referral.
    func testPatientsWhoDropOutWaitingAreReferredAgain() throws {
        let run = try run("re-referral", [
            ("  mm: {product: car-t}", "  mm: {product: car-t, time_to_dropout: 20d}"),
            ("lead_time: 14d", "lead_time: 14d\n      re_referral: {probability: 1, after: 10d}"),
        ])
        for (index, replication) in ["0", "1"].enumerated() {
            let dropouts = run.patients.filter {
                $0["replication"] == replication && $0["dropout_stage"] == "waitlist" && CSVFile.number($0, "outcome_day") + 10 < 365
            }
            XCTAssertGreaterThan(dropouts.count, 0)
            XCTAssertEqual(run.kpi("re_referrals_in_window")[index], Double(dropouts.count))
        }
    }

    /// With the list before the consult, the consult happens in the slot's lead time: a 3-day
    /// consult leaves apheresis at slot + 14 days; a 20-day one puts it off to slot + 20 days.
    func testAListBeforeTheConsultHoldsTheConsultInTheLeadTime() throws {
        for (consult, after) in [(3.0, 14.0), (20.0, 20.0)] {
            let run = try run("before-consult-\(Int(consult))", [
                ("lead_time: 14d", "lead_time: 14d\n      waitlist_before: consult"),
                ("  centre-a:\n    kind: centre\n    referrals: 10/week",
                 "  centre-a:\n    kind: centre\n    referrals: 10/week\n    referral_to_apheresis: \(Int(consult))d"),
            ])
            for replication in ["0", "1"] {
                let days = apheresisDays(run.patients(replication, "centre-a"))
                let expected = Self.monthStarts.dropFirst().map { $0 + after }.filter { $0 < 365 }
                XCTAssertEqual(Array(days.dropFirst()), expected, "consult \(consult) d")
            }
        }
    }

    /// Shards of a slot scenario carry the waitlist series: merged, they give the unsharded
    /// run's files byte for byte.
    func testShardsOfASlotScenarioMergeIntoTheUnshardedFiles() throws {
        let example = "Scenarios/bcma-slot-scarcity.yaml"
        let whole = folder.appendingPathComponent("whole")
        XCTAssertEqual(try CartsimBinary.run(["run", example, "--replications", "4", "--out", whole.path, "--quiet"]).status, 0)
        var shards: [String] = []
        for k in 1...2 {
            let out = folder.appendingPathComponent("shard-\(k)")
            let run = try CartsimBinary.run(["run", example, "--replications", "4", "--shard", "\(k)/2", "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            shards.append(out.path)
        }
        let merged = folder.appendingPathComponent("merged")
        let merge = try CartsimBinary.run(["merge"] + shards + ["--out", merged.path])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        for file in ["replications.csv", "summary.csv", "timeseries.csv", "stages.csv", "resources.csv", "breakdowns.csv"] {
            XCTAssertEqual(try Data(contentsOf: merged.appendingPathComponent(file)),
                           try Data(contentsOf: whole.appendingPathComponent(file)), file)
        }
        XCTAssertTrue(try CSVFile(url: merged.appendingPathComponent("timeseries.csv")).header.contains("waitlist_mean"))
    }

    /// With `urgency` the slot goes to the waiting patient closest to dropout: with fixed times
    /// to dropout of 100 days (fast) and 1000 days (slow), from February on every slot goes to
    /// a fast patient, and to the one referred earliest among those still waiting.
    func testUrgencyServesThePatientClosestToDropout() throws {
        let run = try run("urgency", [
            ("  mm: {product: car-t}", "  fast: {product: car-t, time_to_dropout: 100d}\n  slow: {product: car-t, time_to_dropout: 1000d}"),
            ("    referrals: 10/week\n    apheresis: {chairs: 1, duration: 4h}\n    plant: plant\n    post_infusion_stay: 1d\n  centre-b:",
             "    referrals: 10/week\n    indication_mix: {fast: 0.5, slow: 0.5}\n    apheresis: {chairs: 1, duration: 4h}\n"
                + "    plant: plant\n    post_infusion_stay: 1d\n  centre-b:"),
            ("  centre-b:\n    kind: centre\n    referrals: 10/week", "  centre-b:\n    kind: centre\n    referrals: 10/week\n"
                + "    indication_mix: {fast: 0.5, slow: 0.5}"),
            ("lead_time: 14d", "lead_time: 0d\n      rule: urgency"),
        ])
        for replication in ["0", "1"] {
            for centre in ["centre-a", "centre-b"] {
                let patients = run.patients(replication, centre)
                for slot in Self.monthStarts.dropFirst() {
                    let served = try XCTUnwrap(patients.first {
                        !$0["apheresis_start_day"]!.isEmpty && abs(CSVFile.number($0, "apheresis_start_day") - slot) < 1e-6
                    }, "\(centre): a collection on day \(slot)")
                    XCTAssertEqual(served["indication"], "fast")
                    let referral = CSVFile.number(served, "referral_day")
                    let passedOver = patients.filter { other in
                        other["indication"] == "fast" && CSVFile.number(other, "referral_day") < referral
                            && (other["apheresis_start_day"]!.isEmpty || CSVFile.number(other, "apheresis_start_day") > slot)
                            && (other["outcome_day"]!.isEmpty || CSVFile.number(other, "outcome_day") > slot)
                    }
                    XCTAssertEqual(passedOver.count, 0, "\(centre) day \(slot): a fast patient referred earlier was waiting")
                }
            }
        }
    }

    /// Shares: one slot a month shared half and half gives each centre a slot every other
    /// month (its entitlement passes one in February, April, …). Pooled: two slots a month for
    /// one plant-wide list go to the two patients listed first, whichever their centre.
    func testSharedAndPooledSlots() throws {
        let shared = try run("shared", [("      centres: {centre-a: 1, centre-b: 1}",
                                         "      allocation: share\n      capacity: 1\n      centres: {centre-a: 0.5, centre-b: 0.5}")])
        let everyOther = [31.0, 90, 151, 212, 273, 334].map { $0 + 14 }
        for replication in ["0", "1"] {
            for centre in ["centre-a", "centre-b"] {
                XCTAssertEqual(apheresisDays(shared.patients(replication, centre)), everyOther, centre)
            }
        }
        XCTAssertEqual(shared.kpi("slots_issued_in_window"), [12, 12])
        let pooled = try run("pooled", [("      centres: {centre-a: 1, centre-b: 1}", "      allocation: pooled\n      capacity: 2")])
        for replication in ["0", "1"] {
            let everyone = pooled.patients.filter { $0["replication"] == replication }
                .sorted { CSVFile.number($0, "referral_day") < CSVFile.number($1, "referral_day") }
            let first = everyone.prefix(2).map { CSVFile.number($0, "referral_day") + 14 }
            // A centre given both of a month's slots collects them back to back on its one chair (4 h).
            let expected = first + Self.monthStarts.dropFirst().flatMap { [$0 + 14, $0 + 14] }
            let days = apheresisDays(everyone)
            XCTAssertEqual(days.count, 24)
            for (day, hand) in zip(days, expected) { XCTAssertEqual(day, hand, accuracy: 4.0 / 24 + 1e-6) }
            XCTAssertFalse(everyone.prefix(24).contains { $0["apheresis_start_day"]!.isEmpty }, "first come across the plant")
        }
    }

    /// Pooled slots that double from July (day 181): 6 months of 2 and 6 of 4, 36 slots and 36
    /// collections in the year; with quotas a change of the plant's slots is refused.
    func testSlotsChangeOverTime() throws {
        let doubled = try run("doubled", [("      centres: {centre-a: 1, centre-b: 1}", "      allocation: pooled\n      capacity: 2"),
                                          ("    suites: 40\n", "    suites: 40\n    capacity_changes: [{from: 181d, slots: 4}]\n")])
        XCTAssertEqual(doubled.kpi("slots_issued_in_window"), [36, 36])
        for replication in ["0", "1"] {
            XCTAssertEqual(apheresisDays(doubled.patients.filter { $0["replication"] == replication }).count, 36)
        }
        let text = Self.base.replacingOccurrences(of: "    suites: 40\n", with: "    suites: 40\n    capacity_changes: [{from: 181d, slots: 4}]\n")
        let file = folder.appendingPathComponent("quota-change.yaml")
        try Data(text.utf8).write(to: file)
        let validate = try CartsimBinary.run(["validate", file.path])
        XCTAssertEqual(validate.status, 2)
        XCTAssertTrue(validate.stdout.contains("sites.plant.capacity_changes: slots allocated by quota change with each centre's quota"),
                      validate.stdout)
    }

    /// Little's law on the waitlists: patients on them (time-average, both centres) = listings
    /// per day × mean time on a list, for a lottery list with exponential dropout over 20
    /// replications. Tolerance: the 95 % Student-t interval of the per-replication relative
    /// difference contains 0 (the cohort's times and the window's levels differ only at the
    /// window's edges), and the mean difference is under 2 %.
    func testWaitlistsObeyLittlesLaw() throws {
        let text = """
            name: little
            simulation: {start_date: 2026-01-01, horizon: 1095d, warmup: 180d, replications: 20, seed: 9}
            products:
              car-t: {starting_material: fresh, fresh_hold_time: 10d, manufacturing: [{make: 10d}], qc: 2d, qa_release: 0h, lymphodepletion: 3d}
            indications:
              mm: {product: car-t, time_to_dropout: {exponential: 60d}}
            sites:
              centre-a: &c
                kind: centre
                referrals: 3/week
                apheresis: {chairs: 1, duration: 4h}
                plant: plant
                post_infusion_stay: 1d
              centre-b: *c
              plant:
                kind: plant
                suites: 40
                slots:
                  per: week
                  centres: {centre-a: 2, centre-b: 2}
                  rule: lottery
            lanes:
              - {from: centre-a, to: plant, transit: 1d, return: true}
              - {from: centre-b, to: plant, transit: 1d, return: true}

            """
        let file = folder.appendingPathComponent("little.yaml")
        try Data(text.utf8).write(to: file)
        let out = folder.appendingPathComponent("little")
        let result = try CartsimBinary.run(["run", file.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try CSVFile(url: out.appendingPathComponent("replications.csv")).rows
        XCTAssertEqual(rows.count, 20)
        let windowDays = 1095.0 - 180
        let differences = rows.map { row in
            let onLists = 2 * CSVFile.number(row, "waitlist_length_mean")
            let listingsPerDay = CSVFile.number(row, "patients_waitlisted") / windowDays
            return (onLists - listingsPerDay * CSVFile.number(row, "waitlist_time_mean_days")) / onLists
        }
        let interval = StudentTInterval(values: differences)
        XCTAssertTrue(interval.lower <= 0 && 0 <= interval.upper, "[\(interval.lower), \(interval.upper)]")
        XCTAssertLessThan(abs(interval.mean), 0.02)
    }
}
