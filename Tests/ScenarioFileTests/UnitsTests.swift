import XCTest
@testable import ScenarioFile

/// Table-driven tests of every unit parser: accepted spellings and exact error messages.
final class UnitsTests: XCTestCase {
    private func check<T: Equatable>(_ parse: (String) throws(UnitError) -> T, _ cases: [(String, T)],
                                     line: UInt = #line) {
        for (text, expected) in cases {
            do {
                let value = try parse(text)
                XCTAssertEqual(value, expected, "'\(text)'", line: line)
            } catch {
                XCTFail("'\(text)': \(error.message)", line: line)
            }
        }
    }

    private func checkErrors<T>(_ parse: (String) throws(UnitError) -> T, _ cases: [(String, String)],
                                line: UInt = #line) {
        for (text, message) in cases {
            do {
                let value = try parse(text)
                XCTFail("'\(text)' parsed as \(value)", line: line)
            } catch {
                XCTAssertEqual(error.message, message, line: line)
            }
        }
    }

    func testDurations() {
        check(Units.duration, [
            ("45s", 45), ("45 sec", 45), ("1 second", 1), ("90min", 5_400), ("90m", 5_400), ("2 minutes", 120),
            ("36h", 129_600), ("36 hours", 129_600), ("2d", 172_800), ("1 day", 86_400), ("1w", 604_800),
            ("2 weeks", 1_209_600), ("1.5d", 129_600), ("0.5h", 1_800), (".25h", 900), ("36H", 129_600),
            ("0.0001s", 0), ("0.6s", 1), ("0", 0), ("0d", 0), (" 3d ", 259_200),
        ])
        let expectation = "expected a duration with a unit (s, min, h, d, w), e.g. '36h' or '2d'"
        checkErrors(Units.duration, [
            ("3", "\(expectation), got '3'"),
            ("2.5", "\(expectation), got '2.5'"),
            ("3 days later", "\(expectation), got '3 days later'"),
            ("3x", "\(expectation), got '3x'"),
            ("d", "\(expectation), got 'd'"),
            ("", "\(expectation), got ''"),
            ("-3d", "duration must not be negative, got '-3d'"),
            ("99999999999999999999w", "duration must be at most 100 years (36500d), got '99999999999999999999w'"),
            ("36501d", "duration must be at most 100 years (36500d), got '36501d'"),
        ])
    }

    func testTimesOfDay() {
        check(Units.timeOfDay, [("00:00", 0), ("07:30", 27_000), ("7:30", 27_000), ("15:00", 54_000),
                                ("23:59:59", 86_399), ("24:00", 86_400)])
        let expectation = "expected a time of day as HH:MM from 00:00 to 24:00, e.g. '07:30'"
        checkErrors(Units.timeOfDay, [
            ("25:00", "\(expectation), got '25:00'"), ("24:01", "\(expectation), got '24:01'"),
            ("12:60", "\(expectation), got '12:60'"), ("12", "\(expectation), got '12'"),
            ("7.30", "\(expectation), got '7.30'"), ("12:5", "\(expectation), got '12:5'"),
            ("-1:00", "\(expectation), got '-1:00'"),
        ])
    }

    func testWeekdays() {
        check(Units.weekday, [("mon", 0), ("Tue", 1), ("tues", 1), ("WEDNESDAY", 2), ("thu", 3), ("thurs", 3),
                              ("friday", 4), ("sat", 5), ("sun", 6)])
        checkErrors(Units.weekday, [
            ("mnday", "expected a weekday (mon, tue, wed, thu, fri, sat, sun), got 'mnday'; did you mean 'mon'?"),
            ("holiday", "expected a weekday (mon, tue, wed, thu, fri, sat, sun), got 'holiday'"),
        ])
        check(Units.weekdays, [("mon-fri", [0, 1, 2, 3, 4]), ("sat - sun", [5, 6]), ("mon, wed,fri", [0, 2, 4]),
                               ("fri-mon", [0, 4, 5, 6]), ("tue-tue", [1]), ("mon-wed, tue", [0, 1, 2])])
        checkErrors(Units.weekdays, [
            ("mon-tue-wed", "expected a weekday or a range of weekdays such as 'mon-fri', got 'mon-tue-wed'"),
            ("mon-fry", "expected a weekday (mon, tue, wed, thu, fri, sat, sun), got 'fry'; did you mean 'fri'?"),
            (",", "expected weekdays such as 'mon-fri', got ','"),
        ])
    }

    func testDates() {
        check(Units.date, [("1970-01-01", 0), ("2026-01-05", 20_458), ("1969-12-31", -1), ("2000-02-29", 11_016),
                           ("2024-12-31", 20_088), ("0001-01-01", -719_162)])
        checkErrors(Units.date, [
            ("2026-02-30", "invalid date '2026-02-30': 2026-02 has 28 days"),
            ("2100-02-29", "invalid date '2100-02-29': 2100-02 has 28 days"),
            ("2026-04-31", "invalid date '2026-04-31': 2026-04 has 30 days"),
            ("2026-13-01", "invalid date '2026-13-01': the month must be from 01 to 12"),
            ("2026-00-10", "invalid date '2026-00-10': the month must be from 01 to 12"),
            ("2026-1-5", "expected a date as YYYY-MM-DD, e.g. '2026-01-05', got '2026-1-5'"),
            ("05/01/2026", "expected a date as YYYY-MM-DD, e.g. '2026-01-05', got '05/01/2026'"),
            ("0000-01-01", "expected a date as YYYY-MM-DD, e.g. '2026-01-05', got '0000-01-01'"),
        ])
    }

    func testRatesArePerDay() {
        let perDay: [(String, Double)] = [("3/week", 3.0 / 7), ("3 / week", 3.0 / 7), ("2 per week", 2.0 / 7), ("0.5/day", 0.5),
                           ("0.5/d", 0.5), ("150/year", 150.0 / 365), ("12/month", 12 / (365.0 / 12)),
                           ("1/h", 24), ("2 per Week", 2.0 / 7), ("0/day", 0)]
        check(Units.rate, perDay)
        let expectation = "expected a rate with a time unit, e.g. '3/week', '0.5/day', '2 per week' or '150/year'"
        checkErrors(Units.rate, [
            ("3", "\(expectation), got '3'"), ("3/fortnight", "\(expectation), got '3/fortnight'"),
            ("/week", "\(expectation), got '/week'"), ("3 weekly", "\(expectation), got '3 weekly'"),
            ("-1/day", "rate must not be negative, got '-1/day'"),
        ])
    }

    func testProbabilities() {
        check(Units.probability, [("0", 0), ("1", 1), ("0.25", 0.25), ("4%", 0.04), ("4 %", 0.04), ("100%", 1),
                                  ("0%", 0), ("12.5%", 0.125)])
        let expectation = "expected a probability from 0 to 1 or a percentage such as '4%'"
        checkErrors(Units.probability, [
            ("1.5", "\(expectation), got '1.5'"), ("150%", "\(expectation), got '150%'"),
            ("-0.1", "\(expectation), got '-0.1'"), ("high", "\(expectation), got 'high'"),
            ("4%%", "\(expectation), got '4%%'"),
        ])
    }

    func testDecimal() {
        XCTAssertEqual(Units.decimal("1e3"), 1_000)
        XCTAssertEqual(Units.decimal("-.5"), -0.5)
        XCTAssertEqual(Units.decimal("+2."), 2)
        for text in ["", ".", "e3", "1e", "inf", "nan", "0x10", "1e400", "1,5", "1 000"] {
            XCTAssertNil(Units.decimal(Substring(text)), text)
        }
    }
}
