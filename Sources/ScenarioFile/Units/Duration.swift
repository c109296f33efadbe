import SimKernel

extension Units {
    /// What a duration looks like; starts every duration error.
    public static let durationExpectation = "expected a duration with a unit (s, min, h, d, w), e.g. '36h' or '2d'"

    /// The longest duration a scenario may write, 100 years of 365 days (36,500 d), in
    /// **seconds**: far beyond any supply chain's horizon, and far below what the 64-bit
    /// clock holds, so that no sum of a run's times can overflow it.
    public static let longestDuration: SimTime = 36_500 * Ticks.day

    /// Seconds in one of each accepted duration unit spelling.
    static let secondsPerDurationUnit: [String: SimTime] = {
        let spellings: [(SimTime, [String])] = [
            (Ticks.second, ["s", "sec", "secs", "second", "seconds"]),
            (Ticks.minute, ["m", "min", "mins", "minute", "minutes"]),
            (Ticks.hour, ["h", "hr", "hrs", "hour", "hours"]),
            (Ticks.day, ["d", "day", "days"]),
            (Ticks.week, ["w", "wk", "wks", "week", "weeks"]),
        ]
        return Dictionary(uniqueKeysWithValues: spellings.flatMap { seconds, names in names.map { ($0, seconds) } })
    }()

    /// A duration such as `36h`, `2d`, `1w`, `90min`, `90m`, `45s` or `1.5d`, in **seconds**
    /// (simulation ticks).
    ///
    /// The number may have a fraction; the result is rounded to the nearest second, and may
    /// be at most ``longestDuration`` (100 years). A space
    /// between number and unit is allowed, and units are case-insensitive. `0` needs no unit;
    /// any other bare number is an error, because "3" could mean hours or days.
    public static func duration(_ text: String) throws(UnitError) -> SimTime {
        let (numberText, unitText) = splitQuantity(text)
        let got = ", got '\(text)'"
        guard let number = decimal(numberText) else { throw UnitError(durationExpectation + got) }
        if number < 0 { throw UnitError("duration must not be negative" + got) }
        if unitText.isEmpty, number == 0 { return 0 }
        guard let unit = secondsPerDurationUnit[unitText.lowercased()] else {
            throw UnitError(durationExpectation + got)
        }
        let seconds = (number * Double(unit)).rounded()
        guard seconds <= Double(longestDuration) else {
            throw UnitError("duration must be at most 100 years (36500d)" + got)
        }
        return SimTime(seconds)
    }
}
