import SimKernel

/// The `hours` of a calendar: a mapping from days to opening intervals.
///
/// ```yaml
/// hours:
///   daily: "07:00-19:00"             # every day
///   mon-fri: "08:00-17:00"           # a range of weekdays (later keys override earlier ones)
///   sat: ["09:00-12:00", "13:00-15:00"]
///   sun: closed                      # or []
/// ```
/// Days not named are closed. Times are on a 24-hour clock, `24:00` closes at midnight; an
/// interval cannot cross midnight.
enum OpeningHours {
    /// The key that names every day of the week.
    static let daily = "daily"
    /// The value of a day that is closed.
    static let closed = "closed"

    /// Opening intervals per weekday (7 lists, Monday first); nil after reporting.
    static func read(_ reader: NodeReader) -> [[WorkCalendar.Interval]]? {
        guard let entries = reader.namedEntries() else { return nil }
        var week = Array(repeating: [WorkCalendar.Interval](), count: 7)
        var valid = true
        for entry in entries {
            let days = self.days(entry, in: reader)
            let intervals = self.intervals(entry.value)
            guard let days, let intervals else {
                valid = false
                continue
            }
            for day in days { week[day] = intervals }
        }
        return valid ? week : nil
    }

    /// The days (0 = Monday) a key of `hours` names: `daily`, a weekday, a range or a
    /// comma-separated list of them. Problems are reported at the key.
    private static func days(_ entry: NamedEntry, in hours: NodeReader) -> [Int]? {
        if entry.name == daily { return Array(0..<7) }
        do {
            return try Units.weekdays(entry.name)
        } catch {
            hours.sink.report("\(error.message) (or '\(daily)')", at: entry.nameLocation, path: hours.path)
            return nil
        }
    }

    /// The intervals of one day: `"08:00-17:00"`, a list of such strings, `closed` or `[]`.
    /// Intervals of a day must not overlap.
    private static func intervals(_ reader: NodeReader) -> [WorkCalendar.Interval]? {
        if case .sequence = reader.node.kind {
            guard let items = reader.list(),
                  let intervals = items.map({ item in interval(item).map { (item, $0) } }).allOrNone()
            else { return nil }
            let sorted = intervals.sorted { $0.1.open < $1.1.open }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.1.close > later.1.open {
                later.0.report("opening hours \(later.0.node.summary) overlap \(earlier.0.node.summary)")
                return nil
            }
            return sorted.map(\.1)
        }
        if reader.node.scalar == closed { return [] }
        return interval(reader).map { [$0] }
    }

    /// One interval `HH:MM-HH:MM` that closes after it opens.
    private static func interval(_ reader: NodeReader) -> WorkCalendar.Interval? {
        reader.scalar(expected: "opening hours such as '08:00-17:00' (or '\(closed)')") { text throws(UnitError) in
            let ends = text.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2 else {
                throw UnitError("expected opening hours as HH:MM-HH:MM, e.g. '08:00-17:00' (or '\(closed)'), "
                    + "got \(reader.node.summary)")
            }
            let open = try Units.timeOfDay(String(ends[0]))
            let close = try Units.timeOfDay(String(ends[1]))
            guard let interval = WorkCalendar.Interval(open: open, close: close) else {
                throw UnitError("opening hours \(reader.node.summary) must close after they open; "
                    + "split a night at midnight, e.g. '20:00-24:00' and '00:00-06:00' the next day")
            }
            return interval
        }
    }
}
