import Foundation
import SimKernel

/// Time zones (IANA names, e.g. `Europe/Amsterdam`): the simulation clock counts uniform
/// seconds from the start date's midnight in `simulation.time_zone`; each site's calendars
/// and courier cut-offs are read on its own zone's wall clock, daylight-saving time included.
enum ClockShifts {
    /// Years after the start for which daylight-saving transitions are tabulated (beyond the
    /// horizon, for the follow-up of the last patients and calendar searches).
    static let spareYears = 10

    /// The clock shift of every site whose local clock differs from the simulation clock.
    static func make(scenarioZone: String, siteZones: [String: String], settings: SimulationSettings) -> [String: ClockShift] {
        guard let reference = TimeZone(identifier: scenarioZone) else { return [:] }
        let startMidnight = Double(settings.startDate.dayNumber) * 86_400
        // Simulation time 0 is the start date's midnight on the scenario zone's clock.
        let origin = startMidnight - Double(reference.secondsFromGMT(for: Date(timeIntervalSince1970: startMidnight)))
        let originShift = reference.secondsFromGMT(for: Date(timeIntervalSince1970: origin))
        let end = origin + Double(settings.horizon) + Double(spareYears) * 366 * 86_400
        var shifts: [String: ClockShift] = [:]
        for (site, name) in siteZones {
            guard let zone = TimeZone(identifier: name) else { continue }
            func shift(at instant: Double) -> SimTime {
                SimTime(zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant)) - originShift)
            }
            var changes: [(at: SimTime, shift: SimTime)] = []
            var cursor = Date(timeIntervalSince1970: origin)
            while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next.timeIntervalSince1970 < end {
                changes.append((at: SimTime(next.timeIntervalSince1970 - origin), shift: shift(at: next.timeIntervalSince1970)))
                cursor = next
            }
            let clock = ClockShift(initial: shift(at: origin), changes: changes)
            if !clock.isNone { shifts[site] = clock }
        }
        return shifts
    }
}

extension NodeReader {
    /// An IANA time zone name known to the system's time zone data, e.g. `Europe/Amsterdam`.
    func timeZoneName() -> String? {
        guard let text = node.scalar, !node.isNull else {
            reportMismatch(expected: "a time zone name such as 'Europe/Amsterdam'")
            return nil
        }
        guard TimeZone(identifier: text) != nil else {
            let hint = Suggestion.closest(to: text, among: TimeZone.knownTimeZoneIdentifiers).map { "; did you mean '\($0)'?" }
            report("unknown time zone '\(text)'" + (hint ?? "; expected an IANA name such as 'Europe/Amsterdam' or 'UTC'"))
            return nil
        }
        return text
    }
}
