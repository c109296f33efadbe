import SimKernel

extension Units {
    /// An ISO 8601 calendar date `YYYY-MM-DD` (years 0001 … 9999, proleptic Gregorian), as
    /// **days since 1970-01-01** (negative before it). Month and day are checked, leap years
    /// included.
    public static func date(_ text: String) throws(UnitError) -> Int {
        let parts = text.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, zip(parts, [4, 2, 2]).allSatisfy({ part, width in
                  part.count == width && part.allSatisfy { $0.isASCII && $0.isNumber }
              }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), year >= 1
        else { throw UnitError("expected a date as YYYY-MM-DD, e.g. '2026-01-05', got '\(text)'") }
        guard (1...12).contains(month) else {
            throw UnitError("invalid date '\(text)': the month must be from 01 to 12")
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            let length = CivilDate.daysIn(month: month, year: year)
            throw UnitError("invalid date '\(text)': \(parts[0])-\(parts[1]) has \(length) days")
        }
        return date.dayNumber
    }
}

/// A closed day: one date, or a month and day every year.
public enum Holiday: Equatable, Sendable {
    case date(dayNumber: Int)
    case everyYear(month: Int, day: Int)

    /// The day numbers it closes in the years `years` (29 February only in leap years).
    func dayNumbers(in years: ClosedRange<Int>) -> [Int] {
        switch self {
        case .date(let day): [day]
        case .everyYear(let month, let day): years.compactMap { CivilDate(year: $0, month: month, day: day)?.dayNumber }
        }
    }
}

extension Units {
    /// A holiday: `YYYY-MM-DD` for that day, `MM-DD` for that day every year.
    public static func holiday(_ text: String) throws(UnitError) -> Holiday {
        let parts = text.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .date(dayNumber: try date(text)) }
        guard parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[0]), let day = Int(parts[1])
        else {
            throw UnitError("expected a holiday as YYYY-MM-DD (that day) or MM-DD (every year), e.g. '2026-12-25' "
                            + "or '12-25', got '\(text)'")
        }
        guard (1...12).contains(month) else { throw UnitError("invalid holiday '\(text)': the month must be from 01 to 12") }
        guard day >= 1, day <= CivilDate.daysIn(month: month, year: 2024) else {
            throw UnitError("invalid holiday '\(text)': month \(parts[0]) has \(CivilDate.daysIn(month: month, year: 2024)) days")
        }
        return .everyYear(month: month, day: day)
    }
}
