extension Units {
    /// What a rate looks like; starts rate errors.
    public static let rateExpectation = "expected a rate with a time unit, e.g. '3/week', '0.5/day', '2 per week' or '150/year'"

    /// Days in one of each accepted rate period spelling. A year is 365 days and a month a
    /// twelfth of it.
    static let daysPerRatePeriod: [String: Double] = {
        let spellings: [(Double, [String])] = [
            (1.0 / 24, ["h", "hr", "hour"]),
            (1, ["d", "day"]),
            (7, ["w", "wk", "week"]),
            (365.0 / 12, ["mo", "month"]),
            (365, ["y", "yr", "year"]),
        ]
        return Dictionary(uniqueKeysWithValues: spellings.flatMap { days, names in names.map { ($0, days) } })
    }()

    /// A rate of events such as `3/week`, `0.5/day`, `2 per week`, `10/month` or `150/year`,
    /// in **events per day**. A bare number is an error: its period would be a guess.
    public static func rate(_ text: String) throws(UnitError) -> Double {
        let (numberText, rest) = splitQuantity(text)
        let got = ", got '\(text)'"
        let period: Substring
        if rest.hasPrefix("/") {
            period = rest.dropFirst().trimmingSpaces
        } else if rest.lowercased().hasPrefix("per ") {
            period = rest.dropFirst(4).trimmingSpaces
        } else {
            throw UnitError(rateExpectation + got)
        }
        guard let number = decimal(numberText), let days = daysPerRatePeriod[period.lowercased()] else {
            throw UnitError(rateExpectation + got)
        }
        guard number >= 0 else { throw UnitError("rate must not be negative" + got) }
        return number / days
    }
}
