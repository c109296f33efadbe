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
    /// Patients on the slot waitlists at the end of each week; empty where no plant allocates slots.
    public internal(set) var waitlist: [Int] = []

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
    /// have one entry per week (`waitlist` none, where there are no slots).
    public init(referrals: [Int], collections: [Int], releases: [Int], infusions: [Int], dropouts: [Int],
                workInProgress: [Int], waitlist: [Int] = []) {
        self.waitlist = waitlist
        self.referrals = referrals
        self.collections = collections
        self.releases = releases
        self.infusions = infusions
        self.dropouts = dropouts
        self.workInProgress = workInProgress
    }

    public var weeks: Int { referrals.count }

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
