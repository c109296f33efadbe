/// How far a site's local wall clock is ahead of the simulation clock, in seconds, as it
/// changes at daylight-saving transitions (and, for a site in another time zone than the
/// scenario, by the zones' difference). The simulation clock counts uniform seconds from
/// the start date's midnight in the scenario's time zone; a site's calendars and courier
/// cut-offs are read on its local clock.
public struct ClockShift: Sendable, Equatable {
    /// Simulation times at which the shift changes, ascending, and the shift from each on;
    /// `initial` holds before the first.
    private let times: [SimTime]
    private let shifts: [SimTime]
    private let initial: SimTime

    /// No shift: the site keeps the simulation clock.
    public static let none = ClockShift(initial: 0, changes: [])

    /// A shift of `initial` seconds that becomes `changes[i].shift` at `changes[i].at`
    /// (times ascending).
    public init(initial: SimTime, changes: [(at: SimTime, shift: SimTime)]) {
        self.initial = initial
        times = changes.map(\.at)
        shifts = changes.map(\.shift)
    }

    public var isNone: Bool { initial == 0 && times.isEmpty }

    /// The shift in force at simulation time `time`.
    public func shift(at time: SimTime) -> SimTime {
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] <= time { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initial : shifts[low - 1]
    }

    /// Local wall-clock time (seconds from the start date's local midnight) at simulation time `time`.
    public func local(_ time: SimTime) -> SimTime { time + shift(at: time) }

    /// The simulation time at which the local clock reads `local` (in the hour a clock is
    /// put forward, the time just after the jump; in the hour it repeats, the first).
    public func simulationTime(_ local: SimTime) -> SimTime {
        let first = local - shift(at: local - shift(at: local))
        return first + (self.local(first) == local ? 0 : local - self.local(first))
    }
}
