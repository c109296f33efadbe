/// Simulation time: an exact integer count of seconds since the start of the run.
///
/// Durations and instants share this type. Days and hours exist only at the edges
/// (scenario parsing and output); inside the engine every boundary — a shift start,
/// Friday 17:00, a holiday — is an exact integer and is hit exactly.
public typealias SimTime = Int64

/// Tick counts of the common time units (one tick is one second).
public enum Ticks {
    /// One second.
    public static let second: SimTime = 1
    /// One minute, 60 s.
    public static let minute: SimTime = 60
    /// One hour, 3,600 s.
    public static let hour: SimTime = 3_600
    /// One day, 86,400 s (the engine has no daylight-saving time).
    public static let day: SimTime = 86_400
    /// One week, 604,800 s.
    public static let week: SimTime = 604_800

    /// The longest duration ``fromSeconds(_:)`` gives, 10,000 years of 365 days (about
    /// 3.2 × 10¹¹ s): a drawn duration longer than that (a heavy tail, an infinite value) is
    /// never reached within any horizon a model uses, and the clock stays exact and far from
    /// overflow (2⁶³ s) after millions of such durations are added up.
    public static let durationLimit: SimTime = 10_000 * 365 * day

    /// Converts a duration in (possibly fractional) seconds to ticks, rounding to the
    /// nearest second (halves up), clamping negative values and NaN to zero and values above
    /// ``durationLimit`` (infinity included) to it.
    @inlinable
    public static func fromSeconds(_ seconds: Double) -> SimTime {
        guard seconds > 0 else { return 0 }
        guard seconds < Double(durationLimit) else { return durationLimit }
        return SimTime(seconds + 0.5)  // truncating a positive value: cheaper than calling round()
    }

    /// Converts ticks to (fractional) days.
    @inlinable
    public static func days(_ ticks: SimTime) -> Double { Double(ticks) / Double(day) }
}

extension SimTime {
    /// Floor division (rounds towards −∞), for times before the origin.
    @inlinable
    public func floorDivided(by divisor: SimTime) -> SimTime {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }

    /// Non-negative remainder of floor division.
    @inlinable
    public func floorModulo(_ divisor: SimTime) -> SimTime {
        let r = self % divisor
        return r < 0 ? r + divisor : r
    }
}
