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

    /// Converts a duration in (possibly fractional) seconds to ticks, rounding to the
    /// nearest second (halves up) and clamping negative values to zero.
    @inlinable
    public static func fromSeconds(_ seconds: Double) -> SimTime {
        guard seconds > 0 else { return 0 }
        guard seconds < 9.0e18 else { return SimTime.max / 4 }
        return SimTime(seconds + 0.5)  // truncating a positive value: cheaper than calling round()
    }

    /// Converts ticks to (fractional) days.
    @inlinable
    public static func days(_ ticks: SimTime) -> Double { Double(ticks) / Double(day) }
}
