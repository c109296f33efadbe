import SimKernel

/// Weekly counts of one replication (week 0 starts at the start of the run).
public struct WeeklySeries: Sendable {
    public internal(set) var referrals: [Int]
    public internal(set) var collections: [Int]
    public internal(set) var releases: [Int]
    public internal(set) var infusions: [Int]
    public internal(set) var dropouts: [Int]
    /// Patients in the pathway (referred, not yet infused or ended) at the end of each week.
    public internal(set) var workInProgress: [Int]

    init(weeks: Int) {
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
                workInProgress: [Int]) {
        self.referrals = referrals
        self.collections = collections
        self.releases = releases
        self.infusions = infusions
        self.dropouts = dropouts
        self.workInProgress = workInProgress
    }

    public var weeks: Int { referrals.count }

    static func week(of time: SimTime) -> Int { Int(time / Ticks.week) }

    mutating func count(_ keyPath: WritableKeyPath<WeeklySeries, [Int]>, at time: SimTime) {
        let week = Self.week(of: time)
        if week < self[keyPath: keyPath].count { self[keyPath: keyPath][week] += 1 }
    }
}
