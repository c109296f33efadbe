import SimKernel

/// A stretch of the run: from `from` (seconds since the start) for `length` seconds,
/// written `{from: 300d, for: 60d}` in a scenario.
public struct TimeWindow: Sendable, Equatable {
    public var from: SimTime
    public var length: SimTime
    /// The end of the window (exclusive).
    public var end: SimTime { from + length }

    public init(from: SimTime, length: SimTime) {
        self.from = from
        self.length = length
    }

    /// Whether `time` falls inside the window.
    public func contains(_ time: SimTime) -> Bool { time >= from && time < end }
}
