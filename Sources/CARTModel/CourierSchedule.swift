import SimKernel
import ScenarioFile

/// When a courier lane picks up: on its pickup weekdays that are not its holidays, at the
/// daily cut-off time, on the origin site's local clock. Material ready at or before the
/// cut-off of a pickup day leaves that day; later material waits for the next pickup day's
/// cut-off. Without a cut-off the courier comes on demand: at once on a pickup day, else at
/// 00:00 of the next pickup day.
struct CourierSchedule {
    let pickupDays: Set<Int>
    let holidays: Set<Int>
    let cutoff: SimTime?
    let originDay: Int
    let clock: ClockShift

    init(lane: LaneSpec, originDay: Int, clock: ClockShift) {
        pickupDays = lane.pickupDays
        holidays = lane.holidays
        cutoff = lane.cutoff
        self.originDay = originDay
        self.clock = clock
    }

    /// The next departure at or after `ready` (seconds). Pickup days are validated non-empty,
    /// so one is found within a week unless holidays close it longer.
    func departure(readyAt ready: SimTime) -> SimTime {
        let local = clock.local(ready)
        var dayStart = local - local.floorModulo(Ticks.day)
        for _ in 0...(7 + holidays.count) {
            let day = originDay + Int(dayStart / Ticks.day)
            if pickupDays.contains(CivilDate.weekday(ofDayNumber: day)) && !holidays.contains(day) {
                guard let cutoff else { return max(clock.simulationTime(dayStart), ready) }
                if dayStart + cutoff >= local { return max(clock.simulationTime(dayStart + cutoff), ready) }
            }
            dayStart += Ticks.day
        }
        preconditionFailure("lane without pickup days")
    }
}
