/// The time a whole-number level (a waitlist's length) spends at each value: its exact
/// distribution over time, for time-averages and quantiles over time. Call
/// `record(_:at:)` whenever the level changes.
public struct LevelDurations: Sendable {
    /// The current level (≥ 0).
    public private(set) var current: Int
    /// Seconds spent at each level since the start or last reset (index = level), not
    /// counting the time since the last change.
    private var seconds: [SimTime]
    private var lastChange: SimTime

    /// Starts observing at `start` with level `initial` (≥ 0).
    public init(initial: Int = 0, start: SimTime = 0) {
        precondition(initial >= 0, "a level must not be negative")
        current = initial
        seconds = Array(repeating: 0, count: initial + 1)
        lastChange = start
    }

    /// The level changes to `level` (≥ 0) at `time` (non-decreasing times).
    public mutating func record(_ level: Int, at time: SimTime) {
        precondition(level >= 0, "a level must not be negative")
        seconds[current] += time - lastChange
        lastChange = time
        current = level
        if seconds.count <= level { seconds += Array(repeating: 0, count: level + 1 - seconds.count) }
    }

    /// Forgets the history (end of warm-up): observation restarts at `time` at the current level.
    public mutating func reset(at time: SimTime) {
        seconds = Array(repeating: 0, count: seconds.count)
        lastChange = time
    }

    /// Seconds spent at each level (index = level) from the start or last reset to `time`.
    public func durations(until time: SimTime) -> [SimTime] {
        var durations = seconds
        durations[current] += time - lastChange
        return durations
    }

    /// The time-average of a level whose durations at each value are `durations`; NaN when no time passed.
    public static func mean(of durations: [SimTime]) -> Double {
        let total = durations.reduce(0, +)
        guard total > 0 else { return .nan }
        var area = 0.0
        for (level, time) in durations.enumerated() { area += Double(level) * Double(time) }
        return area / Double(total)
    }

    /// The p-quantile over time (0 < p ≤ 1) of a level whose durations at each value are
    /// `durations`: the smallest level at or below which it spent at least the share p of the
    /// time (the inverse of its distribution function over time); NaN when no time passed.
    public static func quantile(_ p: Double, of durations: [SimTime]) -> Double {
        let total = durations.reduce(0, +)
        guard total > 0 else { return .nan }
        var below: SimTime = 0
        for (level, time) in durations.enumerated() {
            below += time
            if Double(below) >= p * Double(total) { return Double(level) }
        }
        return Double(durations.count - 1)
    }

    /// The durations of several levels pooled (index-wise sums): the distribution over time
    /// of one level drawn from them at random.
    public static func pooled(_ all: [[SimTime]]) -> [SimTime] {
        var pooled = [SimTime](repeating: 0, count: all.map(\.count).max() ?? 0)
        for durations in all {
            for (level, time) in durations.enumerated() { pooled[level] += time }
        }
        return pooled
    }
}
