import SimKernel

/// Counts and waits of the slot waitlists in one replication, with the populations of
/// `OutcomeRecorder`: the cohort (patients referred in the window, followed to the end of
/// their pathways) and events in the window.
struct SlotRecorder {
    let warmup: SimTime
    let horizon: SimTime

    // Cohort.
    /// Cohort patients who joined a waitlist.
    private(set) var waitlisted = 0
    /// Cohort patients allocated a slot.
    private(set) var granted = 0
    /// Cohort patients who joined a waitlist and were infused.
    private(set) var waitlistedInfused = 0
    /// Listing → slot of the cohort's patients allocated a slot (days).
    private(set) var slotWait = Tally()
    /// Listing → leaving the list (for a slot, or by dropout) of the cohort's waitlisted patients (days).
    private(set) var timeOnList = Tally()
    /// Listing → first apheresis start of the cohort's waitlisted patients who were collected (days).
    private(set) var listToApheresis = Tally()

    // Window events.
    private(set) var issued = 0
    private(set) var allocated = 0
    private(set) var expired = 0
    private(set) var forfeited = 0
    private(set) var returned = 0
    private(set) var reReferrals = 0

    init(warmup: SimTime, horizon: SimTime) {
        self.warmup = warmup
        self.horizon = horizon
    }

    private func inCohort(_ patient: Patient) -> Bool { patient.referral >= warmup }
    private func inWindow(_ time: SimTime) -> Bool { time >= warmup && time < horizon }

    mutating func listed(_ patient: Patient) { if inCohort(patient) { waitlisted += 1 } }

    /// A patient left the list after `time` on it (a slot, or a dropout).
    mutating func leftList(_ patient: Patient, after time: SimTime) {
        if inCohort(patient) { timeOnList.add(Ticks.days(time)) }
    }

    mutating func granted(_ patient: Patient, wait: SimTime, at time: SimTime) {
        if inWindow(time) { allocated += 1 }
        guard inCohort(patient) else { return }
        granted += 1
        slotWait.add(Ticks.days(wait))
    }

    /// A waitlisted patient's first collection starts at `time`.
    mutating func collected(_ patient: Patient, listed: SimTime, at time: SimTime) {
        if inCohort(patient) { listToApheresis.add(Ticks.days(time - listed)) }
    }

    mutating func issued(_ slots: Int, at time: SimTime) { if inWindow(time) { issued += slots } }
    mutating func expired(_ slots: Int, at time: SimTime) { if inWindow(time) { expired += slots } }
    mutating func forfeited(at time: SimTime) { if inWindow(time) { forfeited += 1 } }
    mutating func returned(at time: SimTime) { if inWindow(time) { returned += 1 } }
    mutating func reReferred(at time: SimTime) { if inWindow(time) { reReferrals += 1 } }

    /// A waitlisted patient's pathway ended.
    mutating func ended(_ patient: Patient) {
        if inCohort(patient) && patient.outcome == .infused { waitlistedInfused += 1 }
    }
}
