import SimKernel
import SimRandom

/// A validated scenario: the network, its capacities, calendars and demand, ready to be
/// simulated. Produced by `ScenarioLoader`; every reference in it has been resolved and
/// checked. Durations are in seconds (`SimTime`, or `Distribution`s of seconds); rates
/// are per day; probabilities in [0, 1].
public struct ScenarioDescription: Sendable {
    /// Short name; results go to `Results/<name>/`.
    public var name: String
    /// Free text shown in reports.
    public var description: String
    /// Run settings.
    public var simulation: SimulationSettings
    /// Named calendars (the built-in `always` included).
    public var calendars: [String: WorkCalendar]
    /// Products (CD19, BCMA CAR-T...) by name, in file order.
    public var products: [ProductSpec]
    /// Indications (DLBCL, MM...) by name, in file order.
    public var indications: [IndicationSpec]
    /// Treatment centres, in file order.
    public var centres: [CentreSpec]
    /// Manufacturing plants, in file order.
    public var plants: [PlantSpec]
    /// Cryopreservation hubs, in file order.
    public var hubs: [HubSpec]
    /// Courier lanes between sites.
    public var lanes: [LaneSpec]
    /// How centres choose a plant.
    public var routing: RoutingPolicy
    /// SHA-256-free content hash (FNV-1a 64, hex) of the scenario file's bytes, for run.json.
    public var sourceHash: String
    /// Each site's local clock where it is not the simulation clock (time zone, daylight saving).
    public var clockShifts: [String: ClockShift] = [:]
    /// The cost ledger's prices, if the scenario has a `costs` section.
    public var costs: CostSpec?
    /// Patients referred on given dates (`referral_list`), in time order, replayed on top of
    /// the centres' Poisson referrals; empty without a list.
    public var referralList: [ListedReferral] = []
    /// The patients already in the pipeline when the run starts (`--initial-state`), in the
    /// snapshot's order; empty for a run that starts empty.
    public var initialState: [InitialPatient] = []

    public init(name: String, description: String, simulation: SimulationSettings,
                calendars: [String: WorkCalendar], products: [ProductSpec], indications: [IndicationSpec],
                centres: [CentreSpec], plants: [PlantSpec], hubs: [HubSpec], lanes: [LaneSpec],
                routing: RoutingPolicy, sourceHash: String) {
        self.name = name
        self.description = description
        self.simulation = simulation
        self.calendars = calendars
        self.products = products
        self.indications = indications
        self.centres = centres
        self.plants = plants
        self.hubs = hubs
        self.lanes = lanes
        self.routing = routing
        self.sourceHash = sourceHash
    }

    /// The local clock of site `name`.
    public func clockShift(site name: String) -> ClockShift { clockShifts[name] ?? .none }

    /// The lane from one site to another, if the scenario defines it.
    public func lane(from origin: String, to destination: String) -> LaneSpec? {
        lanes.first { $0.origin == origin && $0.destination == destination }
    }
}

/// Run settings: horizon, warm-up, replications, seed, calendar origin.
public struct SimulationSettings: Sendable {
    /// First simulated day (simulation time 0 is its midnight).
    public var startDate: CivilDate
    /// Simulated length in seconds, warm-up included.
    public var horizon: SimTime
    /// Initial period (seconds) excluded from statistics.
    public var warmup: SimTime
    /// Number of independent replications.
    public var replications: Int
    /// Scenario seed; stream seeds derive from (seed, replication, input name).
    public var seed: UInt64
    /// Optional target for p90 vein-to-vein, in days (shown in reports).
    public var veinToVeinTargetDays: Double?
    /// The time zone (IANA name) of the simulation clock and of every site that names none.
    public var timeZone: String

    public init(startDate: CivilDate, horizon: SimTime, warmup: SimTime, replications: Int, seed: UInt64,
                veinToVeinTargetDays: Double?, timeZone: String = "UTC") {
        self.timeZone = timeZone
        self.startDate = startDate
        self.horizon = horizon
        self.warmup = warmup
        self.replications = replications
        self.seed = seed
        self.veinToVeinTargetDays = veinToVeinTargetDays
    }
}

/// How a centre's material is routed to a plant.
public enum RoutingPolicy: String, Sendable, CaseIterable {
    /// Each centre uses its `plant`.
    case assigned
    /// Each collection goes to the plant whose suites have the shortest expected wait
    /// (work waiting or in process per suite, plus transit), among plants reachable by lane.
    case shortestExpectedWait = "shortest_expected_wait"
}
