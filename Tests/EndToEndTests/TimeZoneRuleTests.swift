import Foundation
import XCTest

/// Sites keep their own wall clocks: a centre in Amsterdam with a 16:00 courier cut-off and a
/// plant in California whose QA works 09:00–17:00 mean what they say on each local clock,
/// daylight-saving time included; a holiday written `12-25` closes that day every year.
/// The simulation clock is UTC (the default), so patients.csv days count UTC from the start.
final class TimeZoneRuleTests: FolderTestCase {
    private static let scenario = """
        name: zones
        simulation: {start_date: 2026-01-05, horizon: 104w, warmup: 0d, replications: 1, seed: 5}
        calendars:
          office:
            hours: {mon-fri: "09:00-17:00"}
          clinic:
            hours: {mon-fri: "08:00-16:00"}
            holidays: ["12-25"]
        products:
          car-t:
            starting_material: cryopreserved
            manufacturing:
              - expansion: {uniform: [5d, 9d]}
            qc: {uniform: [1d, 3d]}
            qa_release: 2h
            lymphodepletion: 1d
        indications:
          dlbcl: {product: car-t}
        sites:
          centre-amsterdam:
            kind: centre
            time_zone: Europe/Amsterdam
            referrals: 3/week
            apheresis: {chairs: 2, duration: 3h, calendar: clinic}
            cryopreservation: {freezers: 2, duration: 2h}
            plant: plant-california
            beds: 20
          plant-california:
            kind: plant
            time_zone: America/Los_Angeles
            suites: 20
            qa_calendar: office
        lanes:
          - {from: centre-amsterdam, to: plant-california, transit: 30h, cutoff: "16:00", holidays: ["12-25", "01-01"]}
          - {from: plant-california, to: centre-amsterdam, transit: 30h, cutoff: "17:00"}

        """

    /// The local wall-clock date and hour of a day of the run in `zone`.
    private func local(_ day: Double, in zone: String) -> DateComponents {
        let start = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                   year: 2026, month: 1, day: 5).date!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar.dateComponents([.month, .day, .hour, .minute, .second, .weekday],
                                       from: start.addingTimeInterval((day * 86_400).rounded()))
    }

    func testCalendarsAndCutOffsReadOnEachSitesLocalClock() throws {
        let file = folder.appendingPathComponent("zones.yaml")
        try Data(Self.scenario.utf8).write(to: file)
        let out = folder.appendingPathComponent("out")
        let run = try CartsimBinary.run(["run", file.path, "--patients", "all", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let patients = try CSVFile(url: out.appendingPathComponent("patients.csv")).rows
        var checked = (collections: 0, departures: 0, releases: 0, summerDepartures: 0)
        for patient in patients {
            if let text = patient["apheresis_start_day"], let day = Double(text) {
                let start = local(day, in: "Europe/Amsterdam")
                XCTAssertTrue((8..<16).contains(start.hour!), "collection at \(start.hour!):00 Amsterdam time")
                XCTAssertFalse(start.month == 12 && start.day == 25, "no collection on 25 December, any year")
                checked.collections += 1
            }
            if let text = patient["departure_to_plant_day"], let day = Double(text) {
                let departure = local(day, in: "Europe/Amsterdam")
                XCTAssertEqual([departure.hour!, departure.minute!], [16, 0], "pickup at the 16:00 cut-off, local")
                XCTAssertFalse(departure.month == 12 && departure.day == 25 || departure.month == 1 && departure.day == 1)
                if (4...9).contains(departure.month!) { checked.summerDepartures += 1 }
                checked.departures += 1
            }
            if let text = patient["release_day"], let day = Double(text) {
                let release = local(day, in: "America/Los_Angeles")
                let minutes = release.hour! * 60 + release.minute!
                XCTAssertTrue((9 * 60 + 1...17 * 60).contains(minutes), "QA release at \(release.hour!):\(release.minute!) California time")
                XCTAssertTrue((2...6).contains(release.weekday!), "QA release on a weekday in California")
                checked.releases += 1
            }
        }
        XCTAssertGreaterThan(checked.collections, 250)
        XCTAssertGreaterThan(checked.departures, 250)
        XCTAssertGreaterThan(checked.summerDepartures, 50, "summer time (UTC+2) is covered as well as winter")
        XCTAssertGreaterThan(checked.releases, 250)
    }

    func testAnUnknownTimeZoneIsAnErrorWithASuggestion() throws {
        let file = folder.appendingPathComponent("bad.yaml")
        try Data(Self.scenario.replacingOccurrences(of: "Europe/Amsterdam", with: "Europe/Amsterdm").utf8).write(to: file)
        let result = try CartsimBinary.run(["validate", file.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "\(file.path):22:16: sites.centre-amsterdam.time_zone: unknown time zone "
                       + "'Europe/Amsterdm'; did you mean 'Europe/Amsterdam'?\n")
    }
}
