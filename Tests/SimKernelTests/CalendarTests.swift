import XCTest
import SimKernel

final class CalendarTests: XCTestCase {
    private let h = Ticks.hour, d = Ticks.day

    /// Mon–Fri 08:00–17:00, starting on Monday 2026-12-28, with 2027-01-01 (Friday) a holiday.
    private func officeCalendar() -> WorkCalendar {
        let day = [WorkCalendar.Interval(open: 8 * h, close: 17 * h)!]
        let origin = CivilDate(year: 2026, month: 12, day: 28)!
        XCTAssertEqual(origin.weekday, 0, "2026-12-28 is a Monday")
        let holiday = CivilDate(year: 2027, month: 1, day: 1)!.dayNumber
        return WorkCalendar(weeklyHours: [day, day, day, day, day, [], []],
                            holidays: [holiday], originDay: origin.dayNumber)
    }

    func testCivilDatesRoundTripAndKnownWeekdays() {
        for dayNumber in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CivilDate(dayNumber: dayNumber)
            XCTAssertEqual(date.dayNumber, dayNumber)
            XCTAssertEqual(CivilDate(year: date.year, month: date.month, day: date.day), date)
        }
        XCTAssertEqual(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber, 0)
        XCTAssertEqual(CivilDate(year: 2000, month: 3, day: 1)!.dayNumber, 11_017)
        XCTAssertEqual(CivilDate(year: 2024, month: 2, day: 29)!.weekday, 3, "Thursday")
        XCTAssertNil(CivilDate(year: 2026, month: 2, day: 29))
        XCTAssertNil(CivilDate(year: 1900, month: 2, day: 29))
        XCTAssertNotNil(CivilDate(year: 2000, month: 2, day: 29))
        XCTAssertEqual(CivilDate(dayNumber: 20_819).description, "2027-01-01")
    }

    func testOpeningHoursIncludeTheOpeningInstantAndExcludeTheClosingInstant() {
        let calendar = officeCalendar()
        XCTAssertFalse(calendar.isOpen(at: 8 * h - 1))
        XCTAssertTrue(calendar.isOpen(at: 8 * h))
        XCTAssertTrue(calendar.isOpen(at: 17 * h - 1))
        XCTAssertFalse(calendar.isOpen(at: 17 * h))
    }

    func testNextOpeningSkipsTheWeekend() {
        let calendar = officeCalendar()
        // Friday 2027-01-01 is a holiday; Thursday 31 Dec 17:00 → Monday 4 Jan 08:00.
        let thursdayClose = 3 * d + 17 * h
        XCTAssertEqual(calendar.nextOpening(atOrAfter: thursdayClose), 7 * d + 8 * h)
        // Saturday noon of the first week → Monday 08:00 (across the year end).
        XCTAssertEqual(calendar.nextOpening(atOrAfter: 5 * d + 12 * h), 7 * d + 8 * h)
        // Open now → now.
        XCTAssertEqual(calendar.nextOpening(atOrAfter: 9 * h), 9 * h)
    }

    func testHolidayIsClosedAllDay() {
        let calendar = officeCalendar()
        XCTAssertFalse(calendar.isOpen(at: 4 * d + 10 * h), "New Year's Day")
        XCTAssertTrue(calendar.isOpen(at: 3 * d + 10 * h), "New Year's Eve is a Thursday")
    }

    func testFinishTimeOfWorkingHoursPausesOverNightsWeekendsAndHolidays() {
        let calendar = officeCalendar()
        // 4 h started Monday 15:00: 2 h Monday, 2 h Tuesday → Tuesday 10:00.
        XCTAssertEqual(calendar.finishTime(start: 15 * h, work: 4 * h), d + 10 * h)
        // 10 h started Thursday 31 Dec 12:00: 5 h Thursday, then Monday 4 Jan 08:00 + 5 h.
        XCTAssertEqual(calendar.finishTime(start: 3 * d + 12 * h, work: 10 * h), 7 * d + 13 * h)
        // Work that exactly fills a day ends at closing.
        XCTAssertEqual(calendar.finishTime(start: 8 * h, work: 9 * h), 17 * h)
        // Started while closed: waits for opening.
        XCTAssertEqual(calendar.finishTime(start: 2 * h, work: h), 9 * h)
        XCTAssertEqual(calendar.finishTime(start: 2 * h, work: 0), 8 * h)
    }

    /// The first start from which work fits in one open stretch: later the same day if it
    /// still fits, else the next working day (Friday 1 January is a holiday); across
    /// midnight when stretches join; nil when no stretch is long enough.
    func testEarliestFitFindsTheFirstOpenStretchLongEnough() {
        let office = officeCalendar()
        XCTAssertEqual(office.earliestFit(atOrAfter: 10 * h, work: 4 * h), 10 * h)
        XCTAssertEqual(office.earliestFit(atOrAfter: 13 * h, work: 4 * h), 13 * h, "ends exactly at closing")
        XCTAssertEqual(office.earliestFit(atOrAfter: 14 * h, work: 4 * h), d + 8 * h)
        XCTAssertEqual(office.earliestFit(atOrAfter: 3 * d + 15 * h, work: 4 * h), 7 * d + 8 * h,
                       "Thursday afternoon → Monday, past the holiday and the weekend")
        XCTAssertNil(office.earliestFit(atOrAfter: 0, work: 10 * h))
        let night = [WorkCalendar.Interval(open: 20 * h, close: 24 * h)!]
        let morning = [WorkCalendar.Interval(open: 0, close: 6 * h)!]
        let joined = WorkCalendar(weeklyHours: [night, morning, [], [], [], [], []], holidays: [],
                                  originDay: CivilDate(year: 2026, month: 12, day: 28)!.dayNumber)
        XCTAssertEqual(joined.earliestFit(atOrAfter: 0, work: 9 * h), 20 * h)
        XCTAssertEqual(joined.earliestFit(atOrAfter: 22 * h, work: 8 * h), 22 * h)
        XCTAssertEqual(joined.earliestFit(atOrAfter: 23 * h, work: 8 * h), 7 * d + 20 * h)
    }

    func testClosingTimeJoinsIntervalsAcrossMidnight() {
        let night = [WorkCalendar.Interval(open: 20 * h, close: 24 * h)!]
        let morning = [WorkCalendar.Interval(open: 0, close: 6 * h)!]
        let both = [WorkCalendar.Interval(open: 0, close: 6 * h)!, WorkCalendar.Interval(open: 20 * h, close: 24 * h)!]
        let calendar = WorkCalendar(weeklyHours: [night, both, morning, [], [], [], []],
                                    holidays: [], originDay: CivilDate(year: 2026, month: 12, day: 28)!.dayNumber)
        XCTAssertEqual(calendar.closingTime(after: 21 * h), d + 6 * h)
        XCTAssertEqual(calendar.closingTime(after: d + 21 * h), 2 * d + 6 * h)
        XCTAssertEqual(calendar.closingTime(after: 12 * h), 12 * h, "closed: closing time is now")
    }

    func testAlwaysOpenCalendarAndANeverOpenCalendar() {
        let always = WorkCalendar.alwaysOpen()
        XCTAssertTrue(always.isOpen(at: 123_456))
        XCTAssertEqual(always.finishTime(start: 10, work: 5 * d), 10 + 5 * d)
        XCTAssertNil(always.closingTime(after: 0))
        let never = WorkCalendar(weeklyHours: Array(repeating: [], count: 7), holidays: [], originDay: 0)
        XCTAssertNil(never.nextOpening(atOrAfter: 0))
        XCTAssertNil(never.finishTime(start: 0, work: 1))
    }
}
