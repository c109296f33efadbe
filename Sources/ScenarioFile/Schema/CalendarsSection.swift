import SimKernel

/// The `calendars` section: named opening hours and holidays that sites refer to.
///
/// ```yaml
/// calendars:
///   office:
///     hours: {mon-fri: "08:00-17:00"}
///     holidays: [2026-12-25]
/// ```
/// A calendar without `hours` is open around the clock except on its holidays. Holidays
/// are dates or days every year (`12-25`). The built-in calendar `always` (open around the
/// clock) cannot be redefined.
enum CalendarsSection {
    static let keys = ["hours", "holidays"]

    /// Every calendar that decoded, by name, `always` included. Each is anchored at
    /// `originDay` (the day number of the simulation's start date).
    static func read(_ reader: NodeReader?, originDay: Int) -> [String: WorkCalendar] {
        var calendars = [NameTable.builtInCalendar: WorkCalendar.alwaysOpen(originDay: originDay)]
        for entry in reader?.namedEntries() ?? [] {
            if entry.name == NameTable.builtInCalendar {
                entry.report("'\(NameTable.builtInCalendar)' is the built-in calendar that is always open; "
                    + "it cannot be redefined")
            } else if let calendar = read(entry, originDay: originDay) {
                calendars[entry.name] = calendar
            }
        }
        return calendars
    }

    private static func read(_ entry: NamedEntry, originDay: Int) -> WorkCalendar? {
        guard let calendar = entry.value.mapping(allowedKeys: keys) else { return nil }
        let holidays = calendar.optional("holidays").map { readHolidays($0, originDay: originDay) } ?? []
        var weeklyHours: [[WorkCalendar.Interval]]?
        if let hours = calendar.optional("hours") {
            guard let week = OpeningHours.read(hours) else { return nil }
            weeklyHours = week
        }
        guard let holidays else { return nil }
        return WorkCalendar(weeklyHours: weeklyHours, holidays: holidays, originDay: originDay)
    }

    /// Years around the start for which days closed every year are listed.
    static let recurringYears = -1...120

    /// A list of holidays as day numbers: dates, and days every year (`12-25`) in the years
    /// `recurringYears` from the start's year. Calendars and courier lanes share it.
    static func readHolidays(_ reader: NodeReader, originDay: Int) -> Set<Int>? {
        let startYear = CivilDate(dayNumber: originDay).year
        let years = (startYear + recurringYears.lowerBound)...(startYear + recurringYears.upperBound)
        return reader.list { $0.holiday() }.map { Set($0.flatMap { $0.dayNumbers(in: years) }) }
    }
}

extension WorkCalendar {
    /// Whether the calendar has weekly hours but none of them is open: nothing could ever
    /// start on it.
    var isNeverOpen: Bool {
        weeklyHours?.allSatisfy(\.isEmpty) ?? false
    }
}
