import Foundation
import SimKernel
import SimRandom
import XCTest
import OutputSchema
@testable import ScenarioFile

/// Valid scenarios decode to the expected description: units converted (seconds, per day),
/// calendars built, reverse lanes made, defaults filled in.
final class ScenarioLoaderTests: XCTestCase {
    private let day = Double(Ticks.day), hour = Double(Ticks.hour)

    func testCompleteScenarioDecodes() throws {
        let s = try ScenarioLoader.load(text: ScenarioFixtures.complete, file: "complete.yaml")
        XCTAssertEqual(s.name, "axicel-central-fresh")
        XCTAssertEqual(s.description, "Two centres, one hub, two plants")
        XCTAssertEqual(s.routing, .shortestExpectedWait)
        XCTAssertEqual(s.sourceHash, ContentHash.fnv1a64(ScenarioFixtures.complete.utf8))

        let simulation = s.simulation
        XCTAssertEqual(simulation.startDate, CivilDate(year: 2026, month: 1, day: 5))
        XCTAssertEqual(simulation.horizon, 104 * Ticks.week)
        XCTAssertEqual(simulation.warmup, 13 * Ticks.week)
        XCTAssertEqual(simulation.replications, 20)
        XCTAssertEqual(simulation.seed, 12_345)
        XCTAssertEqual(simulation.veinToVeinTargetDays, 28)

        let origin = simulation.startDate.dayNumber
        XCTAssertEqual(Set(s.calendars.keys), ["always", "office", "weekdays"])
        XCTAssertEqual(s.calendars["always"], .alwaysOpen(originDay: origin))
        let office = try XCTUnwrap(s.calendars["office"])
        XCTAssertEqual(office.originDay, origin)
        XCTAssertEqual(office.weeklyHours?[0], [interval("08:00", "17:00")])
        XCTAssertEqual(office.weeklyHours?[4], [interval("08:00", "17:00")])
        XCTAssertEqual(office.weeklyHours?[5], [interval("09:00", "12:00")])
        XCTAssertEqual(office.weeklyHours?[6], [])
        XCTAssertEqual(office.holidays, [CivilDate(year: 2026, month: 12, day: 25)!.dayNumber,
                                         CivilDate(year: 2027, month: 1, day: 1)!.dayNumber])
        let weekdays = try XCTUnwrap(s.calendars["weekdays"])
        XCTAssertEqual(weekdays.weeklyHours?[2], [interval("06:00", "12:00"), interval("13:00", "22:00")])
        XCTAssertEqual(weekdays.weeklyHours?[5], [])
        XCTAssertEqual(weekdays.holidays, [])

        XCTAssertEqual(s.products.map(\.name), ["axi-cel", "cilta-cel"])
        let axicel = s.products[0]
        XCTAssertEqual(axicel.startingMaterial, .fresh)
        XCTAssertEqual(axicel.freshHoldTime, 48 * Ticks.hour)
        XCTAssertEqual(axicel.manufacturingSteps.map(\.name),
                       ["activation", "transduction", "expansion", "formulation", "cryopreservation"])
        XCTAssertEqual(fixed(axicel.manufacturingSteps[3].duration), 12 * hour)
        XCTAssertEqual(axicel.manufacturingSteps[2].duration.quantile(0.5), 5 * day, accuracy: 1e-6)
        XCTAssertEqual(axicel.manufacturingSteps[2].duration.quantile(0.9), 7 * day, accuracy: 1e-6)
        XCTAssertEqual(fixed(axicel.qcDuration), 14 * day)
        XCTAssertEqual(try XCTUnwrap(fixed(axicel.qaReleaseWork)), 4 * hour, accuracy: 1e-6)
        XCTAssertEqual(axicel.lymphodepletion, 5 * Ticks.day)
        XCTAssertEqual(axicel.yield.cellsCollected.quantile(0.9), 9e9, accuracy: 1)
        XCTAssertEqual(axicel.yield.transductionEfficiency.mean, 0.45, accuracy: 1e-12)
        XCTAssertEqual(axicel.yield.targetDose, 2e8)
        XCTAssertEqual(axicel.yield.residualFailureProbability, 0.01)
        XCTAssertEqual(axicel.outOfSpecification.exceptionInfusionProbability, 0.3)
        XCTAssertEqual(axicel.outOfSpecification.maxAttempts, 3)
        let ciltacel = s.products[1]
        XCTAssertEqual(ciltacel.startingMaterial, .cryopreserved)
        XCTAssertEqual(ciltacel.manufacturingSteps[0].duration, .triangular(min: 8 * day, mode: 10 * day, max: 14 * day))
        XCTAssertEqual(ciltacel.qcDuration, .uniform(min: 7 * day, max: 10 * day))

        XCTAssertEqual(s.indications.map(\.name), ["dlbcl", "mm"])
        XCTAssertEqual(s.indications[0].product, "axi-cel")
        XCTAssertEqual(s.indications[0].timeToDropout, .exponential(mean: 400 * day))
        XCTAssertEqual(s.indications[0].bridgingProbability, 0.5)
        XCTAssertEqual(s.indications[0].bridgingFactor, 1.5)

        XCTAssertEqual(s.centres.map(\.name), ["centre-london", "centre-leeds"])
        let london = s.centres[0]
        XCTAssertEqual(london.referrals.map(\.from), [0])
        XCTAssertEqual(london.referrals[0].perDay, 2.0 / 7, accuracy: 1e-15)
        XCTAssertEqual(london.indicationMix.map(\.indication), ["dlbcl", "mm"])
        XCTAssertEqual(london.indicationMix.map(\.share), [0.8, 0.2])
        XCTAssertEqual(fixed(london.referralToApheresis), 7 * day)
        XCTAssertEqual(london.apheresisChairs, 2)
        XCTAssertEqual(london.apheresisCalendar, "office")
        XCTAssertEqual(london.repeatCollectionProbability, 0.04)
        XCTAssertNil(london.cryopreservationHub)
        XCTAssertEqual(london.freezer?.capacity, 2)
        XCTAssertEqual(london.freezer?.calendar, "office")
        XCTAssertEqual(london.freezer.map { fixed($0.duration) }, day)
        XCTAssertEqual(london.plant, "plant-nl")
        XCTAssertEqual(fixed(london.lymphodepletionScheduling), 2 * day)
        XCTAssertEqual(london.beds, 4)
        XCTAssertEqual(london.postInfusionStay.quantile(0.9), 21 * day, accuracy: 1e-6)
        XCTAssertEqual(london.icuProbability, 0.3)
        XCTAssertEqual(fixed(london.icuStay), 4 * day)
        let leeds = s.centres[1]
        XCTAssertEqual(leeds.referrals.map(\.from), [0, 26 * Ticks.week])
        XCTAssertEqual(leeds.referrals[1].perDay, 3.0 / 7, accuracy: 1e-15)
        XCTAssertEqual(leeds.cryopreservationHub, "hub-central")
        XCTAssertNil(leeds.freezer)
        XCTAssertEqual(leeds.apheresisCalendar, "always")

        XCTAssertEqual(s.hubs.map(\.name), ["hub-central"])
        XCTAssertEqual(s.hubs[0].freezer.capacity, 4)
        XCTAssertEqual(s.hubs[0].freezer.calendar, "office")

        XCTAssertEqual(s.plants.map(\.name), ["plant-nl", "plant-us"])
        let nl = s.plants[0]
        XCTAssertEqual(try XCTUnwrap(fixed(nl.intake)), 6 * hour, accuracy: 1e-6)
        XCTAssertEqual(nl.suites, 10)
        XCTAssertEqual(nl.suiteCalendar, "weekdays")
        XCTAssertEqual(nl.discipline, .earliestReferral)
        XCTAssertEqual(nl.qcCapacity, 40)
        XCTAssertEqual(nl.qcCalendar, "always")
        XCTAssertEqual(nl.qaCalendar, "office")

        XCTAssertEqual(s.lanes.map { "\($0.origin)>\($0.destination)" }, [
            "centre-london>plant-nl", "plant-nl>centre-london", "centre-leeds>hub-central", "hub-central>plant-nl",
            "hub-central>plant-us", "plant-nl>centre-leeds", "plant-us>centre-leeds",
        ])
        let outbound = try XCTUnwrap(s.lane(from: "centre-london", to: "plant-nl"))
        let inbound = try XCTUnwrap(s.lane(from: "plant-nl", to: "centre-london"))
        for lane in [outbound, inbound] {
            XCTAssertEqual(lane.transit.quantile(0), 18 * hour, accuracy: 1e-6)
            XCTAssertEqual(lane.transit.quantile(1), 36 * hour, accuracy: 1e-6)
            XCTAssertEqual(lane.pickupDays, [0, 1, 2, 3, 4])
            XCTAssertEqual(lane.cutoff, 15 * Ticks.hour)
            XCTAssertEqual(lane.lossProbability, 0.002, accuracy: 1e-15)
        }
        XCTAssertEqual(s.lane(from: "centre-leeds", to: "hub-central")?.pickupDays, [0, 1, 2, 3, 4])
        XCTAssertEqual(s.lane(from: "hub-central", to: "plant-nl")?.pickupDays, [0, 1, 2, 3, 4, 5, 6])
        XCTAssertNil(try XCTUnwrap(s.lane(from: "hub-central", to: "plant-nl")).cutoff, "no cut-off: on demand")
        XCTAssertEqual(s.lane(from: "plant-us", to: "centre-leeds")?.pickupDays, [0, 2])
    }

    func testMinimalScenarioTakesTheDefaults() throws {
        let s = try ScenarioLoader.load(text: ScenarioFixtures.minimal, file: "minimal.yaml")
        XCTAssertEqual(s.description, "")
        XCTAssertEqual(s.routing, .assigned)
        XCTAssertEqual(s.simulation.startDate, CivilDate(year: 2026, month: 1, day: 5))
        XCTAssertEqual(s.simulation.horizon, 52 * Ticks.week)
        XCTAssertEqual(s.simulation.warmup, 0)
        XCTAssertEqual(s.simulation.replications, 10)
        XCTAssertEqual(s.simulation.seed, 1)
        XCTAssertNil(s.simulation.veinToVeinTargetDays)
        XCTAssertEqual(s.calendars, ["always": .alwaysOpen(originDay: s.simulation.startDate.dayNumber)])

        let product = s.products[0]
        XCTAssertEqual(product.freshHoldTime, 72 * Ticks.hour)
        XCTAssertEqual(fixed(product.qaReleaseWork), 4 * hour)
        XCTAssertEqual(product.lymphodepletion, 5 * Ticks.day)
        XCTAssertEqual(product.yield.cellsCollected, .fixed(1e9))
        XCTAssertEqual(product.yield.transductionEfficiency, .fixed(1))
        XCTAssertEqual(product.yield.expansionFold, .fixed(1))
        XCTAssertEqual(product.yield.targetDose, 0)
        XCTAssertEqual(product.yield.residualFailureProbability, 0)
        XCTAssertEqual(product.outOfSpecification.remanufactureProbability, 0)
        XCTAssertEqual(product.outOfSpecification.maxAttempts, 2)

        let indication = s.indications[0]
        XCTAssertNil(indication.timeToDropout)
        XCTAssertEqual(indication.bridgingProbability, 0)
        XCTAssertEqual(indication.bridgingFactor, 1)

        let centre = s.centres[0]
        XCTAssertEqual(centre.indicationMix.map(\.indication), ["all"])
        XCTAssertEqual(centre.indicationMix.map(\.share), [1])
        XCTAssertEqual(centre.referrals[0].perDay, 1.0 / 7, accuracy: 1e-15)
        XCTAssertEqual(fixed(centre.referralToApheresis), 0)
        XCTAssertEqual(centre.apheresisCalendar, "always")
        XCTAssertEqual(fixed(centre.apheresisDuration), 4 * hour)
        XCTAssertEqual(centre.repeatCollectionProbability, 0)
        XCTAssertNil(centre.cryopreservationHub)
        XCTAssertNil(centre.freezer)
        XCTAssertEqual(fixed(centre.lymphodepletionScheduling), 0)
        XCTAssertEqual(centre.beds, 1000)
        XCTAssertEqual(fixed(centre.postInfusionStay), 14 * day)
        XCTAssertEqual(centre.icuProbability, 0)
        XCTAssertEqual(fixed(centre.icuStay), 0)

        let plant = s.plants[0]
        XCTAssertEqual(fixed(plant.intake), 0)
        XCTAssertEqual(plant.discipline, .fifo)
        XCTAssertEqual(plant.qcCapacity, 1000)
        XCTAssertEqual([plant.suiteCalendar, plant.qcCalendar, plant.qaCalendar], ["always", "always", "always"])
        XCTAssertTrue(s.hubs.isEmpty)

        XCTAssertEqual(s.lanes.map { "\($0.origin)>\($0.destination)" }, ["centre>plant", "plant>centre"])
        for lane in s.lanes {
            XCTAssertEqual(fixed(lane.transit), day)
            XCTAssertEqual(lane.pickupDays, [0, 1, 2, 3, 4, 5, 6])
            XCTAssertNil(lane.cutoff)
            XCTAssertEqual(lane.lossProbability, 0)
        }
    }

    func testJSONDecodesLikeTheEquivalentYAML() throws {
        let yaml = try ScenarioLoader.load(text: ScenarioFixtures.minimal, file: "minimal.yaml")
        let json = try ScenarioLoader.load(text: ScenarioFixtures.minimalJSON, file: "minimal.json")
        XCTAssertEqual(canonical(json), canonical(yaml))
        XCTAssertEqual(json.calendars, yaml.calendars)
        XCTAssertNotEqual(json.sourceHash, yaml.sourceHash, "the hash is of the bytes, not of the meaning")
    }

    func testLoadsAFileAndHashesItsBytes() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("cartsim-schema-\(ProcessInfo.processInfo.processIdentifier).yaml").path
        try Data(ScenarioFixtures.minimal.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try ScenarioLoader.load(path: path)
        let fromText = try ScenarioLoader.load(text: ScenarioFixtures.minimal, file: path)
        XCTAssertEqual(canonical(fromFile), canonical(fromText))
        XCTAssertEqual(fromFile.sourceHash, fromText.sourceHash)
        XCTAssertEqual(fromFile.sourceHash.count, 16)
    }

    func testAMissingFileIsReportedWithTheSystemsReason() {
        XCTAssertThrowsError(try ScenarioLoader.load(path: "/nonexistent/cartsim.yaml")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/cartsim.yaml:1:1: cannot read the scenario file: No such file or directory")
        }
    }

    func testSourceHashIsFNV1a64() {
        // Reference values of the FNV-1a 64-bit test suite (Fowler, Noll, Vo).
        XCTAssertEqual(ContentHash.fnv1a64("".utf8), "cbf29ce484222325")
        XCTAssertEqual(ContentHash.fnv1a64("a".utf8), "af63dc4c8601ec8c")
        XCTAssertEqual(ContentHash.fnv1a64("foobar".utf8), "85944171f73967e8")
    }

    func testTheHashChangesWithAnyByte() throws {
        let a = try ScenarioLoader.load(text: ScenarioFixtures.minimal, file: "a.yaml").sourceHash
        let b = try ScenarioLoader.load(text: ScenarioFixtures.minimal + "# comment\n", file: "a.yaml").sourceHash
        XCTAssertNotEqual(a, b)
    }

    // MARK: - Helpers

    private func interval(_ open: String, _ close: String) -> WorkCalendar.Interval {
        WorkCalendar.Interval(open: try! Units.timeOfDay(open), close: try! Units.timeOfDay(close))!
    }

    /// The value of a fixed distribution, nil for any other.
    private func fixed(_ distribution: Distribution) -> Double? {
        if case .fixed(let value) = distribution { return value }
        return nil
    }

    /// Everything in a description but its calendars and hash, as comparable text (sets sorted).
    private func canonical(_ s: ScenarioDescription) -> [String] {
        ["\(s.name) | \(s.description) | \(s.routing) | \(s.simulation)"]
            + s.products.map { "\($0)" } + s.indications.map { "\($0)" } + s.centres.map { "\($0)" }
            + s.plants.map { "\($0)" } + s.hubs.map { "\($0)" }
            + s.lanes.map(canonical)
    }

    private func canonical(_ lane: LaneSpec) -> String {
        "\(lane.origin)>\(lane.destination) \(lane.transit) \(lane.pickupDays.sorted()) \(String(describing: lane.cutoff)) "
            + "\(lane.lossProbability)"
    }
}
