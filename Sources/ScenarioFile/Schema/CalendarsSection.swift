import SimKernel

/// The `calendars` section: named opening hours and holidays that sites refer to.
///
/// ```yaml
/// calendars:
///   office:
///     hours: {mon-fri: "08:00-17:00"}
///     holidays: [2026-12-25]
/// ```
/// A calendar without `hours` is open around the clock except on its holidays. The
/// built-in calendar `always` (open around the clock) cannot be redefined.
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
        let holidays = calendar.optional("holidays")?.list { $0.date() } ?? []
        var weeklyHours: [[WorkCalendar.Interval]]?
        if let hours = calendar.optional("hours") {
            guard let week = OpeningHours.read(hours) else { return nil }
            weeklyHours = week
        }
        return WorkCalendar(weeklyHours: weeklyHours, holidays: Set(holidays), originDay: originDay)
    }
}

extension WorkCalendar {
    /// Whether the calendar has weekly hours but none of them is open: nothing could ever
    /// start on it.
    var isNeverOpen: Bool {
        weeklyHours?.allSatisfy(\.isEmpty) ?? false
    }
}
