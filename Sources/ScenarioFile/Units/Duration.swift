import SimKernel

extension Units {
    /// What a duration looks like; starts every duration error.
    public static let durationExpectation = "expected a duration with a unit (s, min, h, d, w), e.g. '36h' or '2d'"

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
    /// The number may have a fraction; the result is rounded to the nearest second. A space
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
        guard seconds < 9e18 else { throw UnitError("duration is too long" + got) }
        return SimTime(seconds)
    }
}
