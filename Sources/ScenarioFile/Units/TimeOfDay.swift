import SimKernel

extension Units {
    /// A time of day `HH:MM` (or `H:MM`, or `HH:MM:SS`) on a 24-hour clock, in **seconds
    /// since midnight** (0 ... 86,400). `24:00` is the end of the day, for closing times.
    public static func timeOfDay(_ text: String) throws(UnitError) -> SimTime {
        let error = UnitError("expected a time of day as HH:MM from 00:00 to 24:00, e.g. '07:30', got '\(text)'")
        let parts = text.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              (1...2).contains(parts[0].count), parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let hours = SimTime(parts[0]), let minutes = SimTime(parts[1]),
              let seconds = parts.count == 3 ? SimTime(parts[2]) : 0,
              minutes < 60, seconds < 60
        else { throw error }
        let total = hours * Ticks.hour + minutes * Ticks.minute + seconds
        guard total <= Ticks.day else { throw error }
        return total
    }
}
