/// Opening hours: weekly hours per weekday plus closed holidays, or always open.
///
/// A calendar is anchored to the simulation's start: simulation time 0 is midnight at
/// the start of `originDay` (a day number, days since 1970-01-01). All answers are exact
/// integer times. A calendar is read on its site's local clock (`shift`: time zone and
/// daylight-saving time); without a shift a day has 86,400 s.
public struct WorkCalendar: Sendable, Equatable {
    /// An opening interval within a day, in seconds since midnight: `open..<close`,
    /// with 0 ≤ open < close ≤ 86,400 (a close of 86,400 means "until midnight").
    public struct Interval: Sendable, Equatable {
        public let open: SimTime
        public let close: SimTime
        /// Creates an interval; nil unless 0 ≤ open < close ≤ 86,400.
        public init?(open: SimTime, close: SimTime) {
            guard open >= 0, open < close, close <= Ticks.day else { return nil }
            self.open = open
            self.close = close
        }
    }

    /// Opening intervals per weekday (index 0 = Monday), sorted and non-overlapping;
    /// nil for a calendar that is always open.
    public let weeklyHours: [[Interval]]?
    /// Closed days (day numbers).
    public let holidays: Set<Int>
    /// The holidays sorted, for a binary search that is cheaper than hashing on the hot path.
    private let sortedHolidays: [Int]
    /// Day number of simulation time 0.
    public let originDay: Int
    /// The local clock the hours and holidays are read on.
    public private(set) var shift = ClockShift.none

    /// How far ahead (days) searches look for an opening before concluding there is none.
    public static let searchHorizonDays = 3 * 366

    /// A calendar that is always open.
    public static func alwaysOpen(originDay: Int = 0) -> WorkCalendar {
        WorkCalendar(weeklyHours: nil, holidays: [], originDay: originDay)
    }

    /// Creates a calendar from weekly hours (7 lists, Monday first) and holidays.
    /// Intervals of a day are sorted and must not overlap (checked).
    public init(weeklyHours: [[Interval]]?, holidays: Set<Int>, originDay: Int) {
        if let weeklyHours {
            precondition(weeklyHours.count == 7, "weekly hours need 7 days")
            let sorted = weeklyHours.map { $0.sorted { $0.open < $1.open } }
            for day in sorted {
                for (a, b) in zip(day, day.dropFirst()) {
                    precondition(a.close <= b.open, "opening intervals overlap")
                }
            }
            self.weeklyHours = sorted
        } else {
            self.weeklyHours = nil
        }
        self.holidays = holidays
        sortedHolidays = holidays.sorted()
        self.originDay = originDay
    }

    /// The same calendar read on the local clock `shift` (a site's time zone).
    public func shifted(_ shift: ClockShift) -> WorkCalendar {
        var calendar = self
        calendar.shift = shift
        return calendar
    }

    /// Whether day number `day` is a holiday. O(log h).
    private func isHoliday(_ day: Int) -> Bool {
        var low = 0, high = sortedHolidays.count
        while low < high {
            let middle = (low + high) / 2
            if sortedHolidays[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low < sortedHolidays.count && sortedHolidays[low] == day
    }

    /// True when the calendar is always open.
    public var isAlwaysOpen: Bool { weeklyHours == nil && holidays.isEmpty }

    /// The local day number (days since 1970-01-01) that contains simulation time `time`.
    public func dayNumber(at time: SimTime) -> Int { localDayNumber(at: shift.local(time)) }

    private func localDayNumber(at local: SimTime) -> Int {
        originDay + Int(local.floorDivided(by: Ticks.day))
    }

    // The public queries take and give simulation times; the private ones below work on the
    // local clock. Without a shift both are the same.

    /// Whether the calendar is open at `time` (intervals include their opening instant
    /// and exclude their closing instant).
    public func isOpen(at time: SimTime) -> Bool { isOpen(local: shift.local(time)) }

    /// The first instant at or after `time` when the calendar is open; nil when it does
    /// not open within `searchHorizonDays`.
    public func nextOpening(atOrAfter time: SimTime) -> SimTime? {
        nextOpening(local: shift.local(time)).map { Swift.max(shift.simulationTime($0), time) }
    }

    /// The end of the open stretch that contains `time` (following intervals that join
    /// across midnight); `time` itself when closed; nil when it never closes within the
    /// search horizon.
    public func closingTime(after time: SimTime) -> SimTime? {
        guard isOpen(at: time) else { return time }
        return closingTime(local: shift.local(time)).map(shift.simulationTime)
    }

    /// The first instant at or after `time` from which the calendar stays open for `work`
    /// seconds without a break (open stretches that join across midnight count as one);
    /// nil when no stretch within the search horizon is that long.
    public func earliestFit(atOrAfter time: SimTime, work: SimTime) -> SimTime? {
        earliestFit(local: shift.local(time), work: work).map { Swift.max(shift.simulationTime($0), time) }
    }

    /// The time at which `work` seconds of open time, begun at or after `start`, are done:
    /// work waits for the next opening and pauses while closed. nil when the calendar
    /// does not provide that much open time within the search horizon.
    public func finishTime(start: SimTime, work: SimTime) -> SimTime? {
        precondition(work >= 0, "work must not be negative")
        if weeklyHours == nil && holidays.isEmpty { return start + work }
        return finishTime(local: shift.local(start), work: work).map { Swift.max(shift.simulationTime($0), start + work) }
    }

    private func isOpen(local time: SimTime) -> Bool {
        let secondOfDay = time.floorModulo(Ticks.day)
        let day = localDayNumber(at: time)
        if isHoliday(day) { return false }
        guard let weeklyHours else { return true }
        return weeklyHours[CivilDate.weekday(ofDayNumber: day)].contains {
            $0.open <= secondOfDay && secondOfDay < $0.close
        }
    }

    private func nextOpening(local time: SimTime) -> SimTime? {
        currentOrNextInterval(atOrAfter: time).map { Swift.max($0.0, time) }
    }

    private func closingTime(local time: SimTime) -> SimTime? {
        var end = time
        for _ in 0..<Self.searchHorizonDays {
            guard let interval = currentOrNextInterval(atOrAfter: end), interval.0 <= end else { return end }
            end = interval.1
        }
        return nil
    }

    private func earliestFit(local time: SimTime, work: SimTime) -> SimTime? {
        var start = time
        let limit = time + SimTime(Self.searchHorizonDays) * Ticks.day
        while start <= limit {
            guard let first = currentOrNextInterval(atOrAfter: start) else { return nil }
            let opening = Swift.max(first.0, start)
            var end = first.1
            // Follow the stretch across midnight only as far as the work needs.
            while end < opening + work, let next = currentOrNextInterval(atOrAfter: end), next.0 <= end { end = next.1 }
            if opening + work <= end { return opening }
            start = end
        }
        return nil
    }

    private func finishTime(local start: SimTime, work: SimTime) -> SimTime? {
        var remaining = work
        var cursor = start
        let limit = start + SimTime(Self.searchHorizonDays) * Ticks.day
        while cursor <= limit {
            guard let interval = currentOrNextInterval(atOrAfter: cursor) else { return nil }
            let begin = Swift.max(interval.0, cursor)
            if begin + remaining <= interval.1 { return begin + remaining }
            remaining -= interval.1 - begin
            cursor = interval.1
        }
        return nil
    }

    /// The open interval (absolute start, end) containing `time`, or the next one after it.
    private func currentOrNextInterval(atOrAfter time: SimTime) -> (SimTime, SimTime)? {
        var dayStart = time - time.floorModulo(Ticks.day)
        for _ in 0...Self.searchHorizonDays {
            let day = localDayNumber(at: dayStart)
            if !isHoliday(day) {
                guard let weeklyHours else { return (dayStart, dayStart + Ticks.day) }
                for interval in weeklyHours[CivilDate.weekday(ofDayNumber: day)] where dayStart + interval.close > time {
                    return (dayStart + interval.open, dayStart + interval.close)
                }
            }
            dayStart += Ticks.day
        }
        return nil
    }
}

extension WorkCalendar {
    /// Seconds the calendar is open between `start` and `end` (time on shift).
    public func openTime(from start: SimTime, to end: SimTime) -> SimTime {
        var total: SimTime = 0, time = start
        while time < end, let open = nextOpening(atOrAfter: time), open < end {
            let close = min(closingTime(after: open) ?? end, end)
            guard close > open else { break }
            total += close - open
            time = close
        }
        return total
    }
}
