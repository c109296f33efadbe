import SimKernel
import SimRandom
import ScenarioFile

/// One replication of the vein-to-vein network: builds the resources and random inputs of
/// a scenario, generates referrals until the horizon and moves every patient through the
/// pathway. Time-based statistics (resources, stages, weekly series, event counts) cover the
/// window from the warm-up to the horizon; the patients referred in that window (the cohort)
/// are then followed, with referrals stopped, until each one's pathway has ended, so that
/// every patient KPI counts finished pathways only. Confined to one thread; run replications
/// in parallel with one instance each.
public final class PathwayReplication {
    let scenario: ScenarioDescription
    /// Replication index (0-based); selects the random streams.
    public let replication: Int
    let simulation = Simulation()
    var centres: [CentreRuntime] = []
    var plants: [PlantRuntime] = []
    /// By plant: whether it has staff pools, whether it keeps stock (flags the hot path reads
    /// without touching the plant's object).
    var plantHasStaff: [Bool] = []
    var plantKeepsStock: [Bool] = []
    var hubs: [HubRuntime] = []
    /// Courier lanes by origin and destination site id.
    var laneTable: [[LaneRuntime?]] = []
    var products: [ProductRuntime] = []
    var indications: [IndicationRuntime] = []
    /// Random inputs by centre: `indicationDraws[centre][indication]`, and
    /// `productDraws[centre][2 · product + round]` (round 0 first attempts, 1 repeats; made on first use).
    var indicationDraws: [[IndicationDraws]] = []
    var productDraws: [[ProductDraws?]] = []
    /// Each patient's steps, by centre and product (`Route.swift`).
    var routes = Routes([])
    var stages = StageRecorder()
    var series: WeeklySeries
    var recorder: OutcomeRecorder
    /// The cohort's outcomes by product, indication, centre and plant.
    var breakdowns: BreakdownRecorder
    /// Slot waitlists and their statistics (nil when no plant allocates slots).
    var slots: SlotNetwork?
    var slotRecorder: SlotRecorder
    /// Patients kept for `patients.csv` (only when requested).
    var keptPatients: [Patient] = []
    /// The patients of the pipeline snapshot, in its order (placed at the start).
    var snapshotPatients: [Patient] = []
    /// When to take a snapshot of the patients in flight (`run --snapshot-at`; seconds); nil: never.
    public var snapshotTime: SimTime?
    /// Every patient so far, kept only to take the snapshot.
    var everyPatient: [Patient] = []
    /// The snapshot taken at `snapshotTime`.
    var pipeline: [InitialPatient]?
    let keepPatients: Bool
    var nextPatientID = 0
    var inProcess = 0
    /// Infused patients not yet discharged (the follow-up waits for their stays too).
    var inHospital = 0
    /// Whether the horizon has passed and the run only follows patients already referred.
    var followingUp = false
    /// Told every step of every patient (`attach`).
    var observers: [PathwayObserver] = []
    /// The cost ledger, an observer, when the scenario has prices.
    var costLedger: CostLedger?

    /// Builds the replication. `keepPatients` keeps every patient record for `patients.csv`.
    public init(scenario: ScenarioDescription, replication: Int, keepPatients: Bool) throws {
        self.scenario = scenario
        self.replication = replication
        self.keepPatients = keepPatients
        let weeks = Int((scenario.simulation.horizon + Ticks.week - 1) / Ticks.week)
        series = WeeklySeries(weeks: weeks, end: scenario.simulation.horizon)
        recorder = OutcomeRecorder(warmup: scenario.simulation.warmup, horizon: scenario.simulation.horizon)
        recorder.veinToVeinTarget = scenario.simulation.veinToVeinTargetDays
        breakdowns = BreakdownRecorder(scenario)
        slotRecorder = SlotRecorder(warmup: scenario.simulation.warmup, horizon: scenario.simulation.horizon)
        try build()
    }

    /// A random input of this replication: a distribution on the named input's stream.
    func input(_ distribution: Distribution, _ name: String) -> RandomInput {
        RandomInput(distribution, name: name, seed: scenario.simulation.seed, replication: replication)
    }

    /// A yes/no input of this replication.
    func event(_ probability: Double, _ name: String) -> RandomEvent {
        RandomEvent(probability: probability, name: name, seed: scenario.simulation.seed, replication: replication)
    }

    /// The calendar `name` read on the local clock of site `site`.
    func calendar(_ name: String, at site: String) -> WorkCalendar {
        (scenario.calendars[name] ?? .alwaysOpen(originDay: scenario.simulation.startDate.dayNumber))
            .shifted(scenario.clockShift(site: site))
    }

    func siteID(centre index: Int) -> Int { index }
    func siteID(plant index: Int) -> Int { centres.count + index }
    func siteID(hub index: Int) -> Int { centres.count + plants.count + index }

    /// The lane between two sites (ids), validated to exist by the scenario loader.
    func lane(_ origin: Int, _ destination: Int) -> LaneRuntime {
        guard let lane = laneTable[origin][destination] else {
            preconditionFailure("a lane from site \(origin) to site \(destination) was validated to exist")
        }
        return lane
    }

    /// Runs the replication to the horizon, follows the patients in process until their
    /// pathways end, and summarises it.
    public func run() -> ReplicationResult {
        let settings = scenario.simulation
        for index in centres.indices { scheduleNextReferral(centre: index) }
        scheduleListedReferral()
        startDowntime()
        startStock()
        scheduleCapacityChanges()
        scheduleSlotPeriods()
        placeInitialPatients()
        simulation.schedule(at: settings.warmup, priority: .observation) { [self] in endWarmup() }
        if let snapshotTime {
            simulation.schedule(at: snapshotTime, priority: .observation) { [self] in
                pipeline = everyPatient.compactMap(snapshotRow)
                everyPatient = []
            }
        }
        let stock = plants.flatMap(\.stock)
        series.levels = WeeklySeries.levelNames(scenario).map {
            WeeklyLevel(name: $0, values: Array(repeating: 0, count: series.weeks))
        }
        for week in 0..<series.weeks {
            let end = min(SimTime(week + 1) * Ticks.week, settings.horizon)
            simulation.schedule(at: end, priority: .observation) { [self] in
                series.workInProgress[week] = inProcess
                var level = 0
                if let slots {
                    series.levels[0].values[week] = slots.pools.reduce(0) { $0 + $1.waiting.count }
                    level = 1
                }
                for item in stock {
                    series.levels[level].values[week] = item.units.capacity
                    level += 1
                }
                if !scenario.initialState.isEmpty {
                    for plant in plants {
                        series.levels[level].values[week] = plant.suites.busy
                        series.levels[level + 1].values[week] = plant.qcLab.busy
                        level += 2
                    }
                }
            }
        }
        simulation.run(until: settings.horizon)
        let atHorizon = observeHorizon()
        followingUp = true
        if !followUpIsOver { simulation.run() }
        let result = summarise(atHorizon)
        // Pending events and waiting claims are closures that capture this replication.
        simulation.discardPendingEvents()
        for resource in allResources { resource.discardWaitingClaims() }
        return result
    }

    /// Whether now is in the statistics window, from the warm-up to the horizon.
    var inWindow: Bool { simulation.now >= scenario.simulation.warmup && simulation.now < scenario.simulation.horizon }

    /// Whether every patient's pathway and stay has ended, so the follow-up may stop.
    var followUpIsOver: Bool { inProcess == 0 && inHospital == 0 }

    private func endWarmup() {
        for resource in allResources { resource.resetStatistics() }
        for centre in centres { centre.bedBookingWaits = Tally() }
        for plant in plants { for stock in plant.stock { stock.units.resetStatistics() } }
        stages = StageRecorder(registering: stages)
        recorder.startWindow(inProcess: inProcess, at: simulation.now)
        if let slots { for centre in slots.levels.indices { slots.levels[centre].reset(at: simulation.now) } }
    }

    var allResources: [Resource] {
        centres.flatMap { [$0.chairs] + ($0.freezer.map { [$0] } ?? []) }
            + hubs.map(\.freezer)
            + plants.flatMap { [$0.suites, $0.qcLab] + ($0.staff?.pools ?? []) }
            + centres.map(\.beds)
    }
}
