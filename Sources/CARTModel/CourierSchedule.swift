import SimKernel
import ScenarioFile

/// When a courier lane picks up: on its pickup weekdays at the daily cut-off time.
/// Material ready at or before the cut-off of a pickup day leaves that day; later
/// material waits for the next pickup day's cut-off. Without a cut-off the courier comes
/// on demand: at once on a pickup day, else at 00:00 of the next pickup day.
struct CourierSchedule {
    let pickupDays: Set<Int>
    let cutoff: SimTime?
    let originDay: Int

    init(lane: LaneSpec, originDay: Int) {
        pickupDays = lane.pickupDays
        cutoff = lane.cutoff
        self.originDay = originDay
    }

    /// The next departure at or after `ready` (seconds). Pickup days are validated non-empty,
    /// so one is found within a week.
    func departure(readyAt ready: SimTime) -> SimTime {
        var dayStart = ready - ready % Ticks.day
        for _ in 0...7 {
            let weekday = CivilDate.weekday(ofDayNumber: originDay + Int(dayStart / Ticks.day))
            if pickupDays.contains(weekday) {
                guard let cutoff else { return max(dayStart, ready) }
                if dayStart + cutoff >= ready { return dayStart + cutoff }
            }
            dayStart += Ticks.day
        }
        preconditionFailure("lane without pickup days")
    }
}
