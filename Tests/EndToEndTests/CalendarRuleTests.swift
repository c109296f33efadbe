import Foundation
import XCTest

/// Calendar rules seen in the axi-cel-like example's patients.csv (all patients of three
/// replications). The rules restate that scenario's calendars and lanes:
/// apheresis Mon–Thu 08:00–17:00 except holidays (start and end), batch starts Mon–Sat 06:00–22:00,
/// courier departures to the plant at the 16:00 cut-off Mon–Fri, back to centres at 17:00,
/// never on 25 December or 1 January (the lanes' holidays every year; 0.2.0 had 77–131
/// pickups on 25 December per run).
/// The run starts on Monday 2026-01-05, so day d has weekday ⌊d⌋ mod 7 (0 = Monday).
final class CalendarRuleTests: XCTestCase {
    private let holidays: Set<Int> = {
        let start = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                   year: 2026, month: 1, day: 5).date!
        let dates = ["2026-05-25", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25", "2027-01-01",
                     "2027-05-31", "2027-07-05"]
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return Set(dates.map { Int(formatter.date(from: $0)!.timeIntervalSince(start) / 86_400) })
    }()

    /// 25 December 2026–2028 and 1 January 2027–2028, as days of the run.
    private let courierHolidays: Set<Int> = [354, 361, 719, 726, 1085]

    /// Seconds-resolution tolerance: patients.csv writes days with 6 decimals (0.0864 s).
    private let slack = 0.5

    func testNoApheresisOutsideOpeningHoursNoPickupAfterCutoffNoBatchOnAClosedDay() throws {
        let out = CartsimBinary.temporaryPath("calendar")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let run = try CartsimBinary.run(["run", "Scenarios/axicel-central-fresh.yaml", "--replications", "3",
                                         "--patients", "all", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let patients = try CSVFile(url: out.appendingPathComponent("patients.csv"))
        var checked = (apheresis: 0, batches: 0, departures: 0)
        for row in patients.rows {
            if let day = value(row, "apheresis_start_day") {
                let (weekday, second) = split(day)
                XCTAssertTrue((0...3).contains(weekday), "apheresis on weekday \(weekday)")
                XCTAssertFalse(holidays.contains(Int(day.rounded(.down))), "apheresis on a holiday")
                XCTAssertTrue(second >= 8 * 3_600 - slack && second < 17 * 3_600 + slack, "apheresis at \(second) s")
                // The collection also ends inside opening hours (0.2.0: 13–17 % ended after 17:00).
                if let end = value(row, "apheresis_end_day") {
                    XCTAssertEqual(end.rounded(.down), day.rounded(.down), "collection ends on the day it started")
                    XCTAssertLessThanOrEqual(split(end).second, 17 * 3_600 + slack, "collection ends after closing")
                }
                checked.apheresis += 1
            }
            if let day = value(row, "suite_start_day") {
                let (weekday, second) = split(day)
                XCTAssertTrue((0...5).contains(weekday), "batch started on weekday \(weekday)")
                XCTAssertTrue(second >= 6 * 3_600 - slack && second < 22 * 3_600 + slack, "batch at \(second) s")
                checked.batches += 1
            }
            for (column, cutoff) in [("departure_to_plant_day", 16), ("departure_to_centre_day", 17)] {
                guard let day = value(row, column) else { continue }
                let (weekday, second) = split(day)
                XCTAssertTrue((0...4).contains(weekday), "\(column) on weekday \(weekday)")
                XCTAssertEqual(second, Double(cutoff * 3_600), accuracy: slack, "\(column) leaves at the cut-off")
                XCTAssertFalse(courierHolidays.contains(Int(day.rounded(.down))), "\(column) on a courier holiday")
                checked.departures += 1
            }
        }
        XCTAssertGreaterThan(checked.apheresis, 1_000)
        XCTAssertGreaterThan(checked.batches, 1_000)
        XCTAssertGreaterThan(checked.departures, 2_000)
    }

    private func value(_ row: [String: String], _ column: String) -> Double? {
        row[column].flatMap { $0.isEmpty ? nil : Double($0) }
    }

    private func split(_ day: Double) -> (weekday: Int, second: Double) {
        let whole = day.rounded(.down)
        var second = (day - whole) * 86_400
        var dayIndex = Int(whole)
        if second > 86_400 - slack { second -= 86_400; dayIndex += 1 }  // rounding just below midnight
        return (dayIndex % 7, second)
    }
}
