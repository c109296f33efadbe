/// The time-weighted average of a piecewise-constant level (queue length, busy servers,
/// work in progress). Call `record(_:at:)` whenever the level changes.
public struct TimeWeightedLevel: Sendable {
    /// The current level.
    public private(set) var current: Double
    /// The highest level seen since the last reset.
    public private(set) var maximum: Double
    private var area = 0.0
    private var lastChange: SimTime
    private var start: SimTime

    /// Starts observing at time `start` with level `initial`.
    public init(initial: Double = 0, start: SimTime = 0) {
        current = initial
        maximum = initial
        lastChange = start
        self.start = start
    }

    /// The level changes to `level` at time `time` (non-decreasing times).
    public mutating func record(_ level: Double, at time: SimTime) {
        area += current * Double(time - lastChange)
        lastChange = time
        current = level
        maximum = Swift.max(maximum, level)
    }

    /// Adds `delta` to the level at time `time`.
    public mutating func add(_ delta: Double, at time: SimTime) { record(current + delta, at: time) }

    /// The integral of the level from the start (or last reset) to `time`, in level·seconds.
    public func integral(until time: SimTime) -> Double {
        area + current * Double(time - lastChange)
    }

    /// The time-average of the level from the start (or last reset) to `time`;
    /// the current level if no time has passed.
    public func average(until time: SimTime) -> Double {
        time > start ? integral(until: time) / Double(time - start) : current
    }

    /// Forgets the history (end of warm-up): averages restart at `time` from the current level.
    public mutating func reset(at time: SimTime) {
        area = 0
        lastChange = time
        start = time
        maximum = current
    }
}
