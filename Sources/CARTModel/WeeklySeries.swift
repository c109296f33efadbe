import SimKernel
import ScenarioFile
import OutputSchema

/// A level observed at the end of every week (patients on waitlists, units in stock).
public struct WeeklyLevel: Sendable {
    /// The level's name, the stem of its `timeseries.csv` columns (`waitlist`, `stock_plant_vector`).
    public let name: String
    /// One value per week.
    public internal(set) var values: [Int]

    public init(name: String, values: [Int]) {
        self.name = name
        self.values = values
    }
}

/// Weekly counts of one replication (week 0 starts at the start of the run).
public struct WeeklySeries: Sendable {
    public internal(set) var referrals: [Int]
    public internal(set) var collections: [Int]
    public internal(set) var releases: [Int]
    public internal(set) var infusions: [Int]
    public internal(set) var dropouts: [Int]
    /// Patients in the pathway (referred, not yet infused or ended) at the end of each week.
    public internal(set) var workInProgress: [Int]
    /// Levels observed at the end of each week, in `levelNames` order: patients on the slot
    /// waitlists (`waitlist`, where a plant allocates slots), then the units of each stock
    /// item on hand (`stock_<plant>_<item>`); in a run from a pipeline snapshot, the suites and
    /// QC units busy at each plant (`busy_<plant>_suites`, `busy_<plant>_qc`).
    public internal(set) var levels: [WeeklyLevel] = []

    /// The horizon: events at or after it fall in no week.
    private var end = SimTime.max

    /// An empty series of `weeks` weeks that counts events before `end` (the horizon).
    init(weeks: Int, end: SimTime) {
        self.end = end
        referrals = Array(repeating: 0, count: weeks)
        collections = referrals
        releases = referrals
        infusions = referrals
        dropouts = referrals
        workInProgress = referrals
    }

    /// Recreates a series from its recorded weekly counts (merging shards); all arrays
    /// have one entry per week.
    public init(referrals: [Int], collections: [Int], releases: [Int], infusions: [Int], dropouts: [Int],
                workInProgress: [Int], levels: [WeeklyLevel] = []) {
        self.levels = levels
        self.referrals = referrals
        self.collections = collections
        self.releases = releases
        self.infusions = infusions
        self.dropouts = dropouts
        self.workInProgress = workInProgress
    }

    public var weeks: Int { referrals.count }

    /// The names of the weekly levels a scenario's series carry (see `levels`).
    public static func levelNames(_ scenario: ScenarioDescription) -> [String] {
        (scenario.plants.contains { $0.slots != nil } ? ["waitlist"] : [])
            + scenario.plants.flatMap { plant in
                plant.stock.map { "stock_" + ResourceID.of(site: plant.name, pool: $0.name) }
            }
            + (scenario.initialState.isEmpty ? [] : scenario.plants.flatMap { plant in
                ["suites", "qc"].map { "busy_" + ResourceID.of(site: plant.name, pool: $0) }
            })
    }

    static func week(of time: SimTime) -> Int { Int(time / Ticks.week) }

    /// What `count(_:at:)` counts.
    enum Counted { case referrals, collections, releases, infusions, dropouts }

    /// Counts one event in the week containing `time` (events at or after the horizon fall
    /// in no week).
    mutating func count(_ counted: Counted, at time: SimTime) {
        guard time < end else { return }
        let week = Self.week(of: time)
        switch counted {
        case .referrals: referrals[week] += 1
        case .collections: collections[week] += 1
        case .releases: releases[week] += 1
        case .infusions: infusions[week] += 1
        case .dropouts: dropouts[week] += 1
        }
    }
}
