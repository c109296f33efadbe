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
