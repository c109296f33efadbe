import SimKernel
import SimRandom
import ScenarioFile

/// Scenarios built in code for model tests: every stage is zero time and never fails
/// unless a test sets it, so the model can be reduced to a single queue.
enum ScenarioFixtures {
    static let day = Double(Ticks.day)

    /// A one-centre, one-plant network where only the manufacturing suites take time:
    /// Poisson referrals (rate per day) and one manufacturing step with `service` (seconds).
    static func singleSuiteQueue(referralsPerDay: Double, suites: Int, service: Distribution,
                                 horizonDays: Int, warmupDays: Int, seed: UInt64 = 1) -> ScenarioDescription {
        let product = ProductSpec(
            name: "car-t", startingMaterial: .fresh, freshHoldTime: 1_000 * Ticks.day,
            manufacturingSteps: [ProcessStep(name: "manufacture", duration: service)],
            qcDuration: .fixed(0), qaReleaseWork: .fixed(0),
            yield: YieldSpec(cellsCollected: .fixed(1), transductionEfficiency: .fixed(1), expansionFold: .fixed(1),
                             targetDose: 0, residualFailureProbability: 0),
            outOfSpecification: OutOfSpecPolicy(exceptionInfusionProbability: 0, remanufactureProbability: 0,
                                                recollectProbability: 0, maxAttempts: 1),
            lymphodepletion: 0)
        let indication = IndicationSpec(name: "dlbcl", product: "car-t", timeToDropout: nil, bridgingProbability: 0,
                                        bridgingFactor: 1)
        let centre = CentreSpec(
            name: "centre", referrals: [RatePeriod(from: 0, perDay: referralsPerDay)],
            indicationMix: [(indication: "dlbcl", share: 1)], referralToApheresis: .fixed(0),
            apheresisChairs: 1_000_000, apheresisCalendar: "always", apheresisDuration: .fixed(0),
            repeatCollectionProbability: 0, cryopreservationHub: nil, freezer: nil, plant: "plant",
            lymphodepletionScheduling: .fixed(0), beds: 1_000_000, postInfusionStay: .fixed(0), icuProbability: 0,
            icuStay: .fixed(0))
        let plant = PlantSpec(name: "plant", intake: .fixed(0), suites: suites, suiteCalendar: "always",
                              discipline: .fifo, qcCapacity: 1_000_000, qcCalendar: "always", qaCalendar: "always")
        let allDays = Set(0..<7)
        let lanes = [("centre", "plant"), ("plant", "centre")].map {
            LaneSpec(origin: $0.0, destination: $0.1, transit: .fixed(0), pickupDays: allDays, cutoff: nil,
                     lossProbability: 0)
        }
        let start = CivilDate(year: 2026, month: 1, day: 5)!
        return ScenarioDescription(
            name: "single-suite-queue", description: "M/G/c through the full model",
            simulation: SimulationSettings(startDate: start, horizon: SimTime(horizonDays) * Ticks.day,
                                           warmup: SimTime(warmupDays) * Ticks.day, replications: 1, seed: seed,
                                           veinToVeinTargetDays: nil),
            calendars: ["always": .alwaysOpen(originDay: start.dayNumber)], products: [product],
            indications: [indication], centres: [centre], plants: [plant], hubs: [], lanes: lanes,
            routing: .assigned, sourceHash: "test")
    }

    /// Mon–Fri `open`–`close` (hours) with no holidays, anchored at the scenario start.
    static func weekdays(_ open: Int, _ close: Int, origin: CivilDate) -> WorkCalendar {
        let day = [WorkCalendar.Interval(open: SimTime(open) * Ticks.hour, close: SimTime(close) * Ticks.hour)!]
        return WorkCalendar(weeklyHours: [day, day, day, day, day, [], []], holidays: [], originDay: origin.dayNumber)
    }
}
