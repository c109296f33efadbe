import OutputSchema
import SimKernel

/// Counts and lead times of one replication. Patient KPIs cover the cohort — patients
/// referred in the window from the warm-up to the horizon, followed until their pathways
/// end; event counts (collections, infusions, lots) cover events in that window.
struct OutcomeRecorder {
    let warmup: SimTime
    let horizon: SimTime
    private(set) var windowStart: SimTime = 0

    // Patients of the cohort, by how their pathway ended.
    private(set) var referred = 0
    private(set) var infused = 0
    private(set) var infusedOutOfSpecification = 0
    private(set) var manufacturingFailures = 0
    private(set) var materialLost = 0
    private(set) var dropoutsByStage: [Stage: Int] = [:]
    /// Patients of the cohort whose pathway has not ended (kept separately from the outcome
    /// counts, so that conservation is a check, not an identity).
    private(set) var stillInProcess = 0

    // Events in the window.
    private(set) var collections = 0
    private(set) var infusionEvents = 0
    private(set) var releases = 0
    private(set) var lotsDecided = 0
    private(set) var lotsShortOfDose = 0
    private(set) var lotsFailingOtherTests = 0
    private(set) var lossEvents = 0
    private(set) var recollections = 0
    /// Dropouts in the window by what the patient was waiting for.
    private(set) var dropoutsWaiting: [WaitCause: Int] = [:]

    // Lead times (days) of the cohort.
    private(set) var veinToVein = Tally()
    private(set) var apheresisToRelease = Tally()
    private(set) var referralToInfusion = Tally()
    /// Start of the (last) lymphodepletion to infusion, days.
    private(set) var lymphodepletionToInfusion = Tally()
    /// Patients of the cohort given lymphodepletion more than once.
    private(set) var lymphodepletionRepeated = 0
    /// Patients of the cohort who were collected at least once, and those of them not infused.
    private(set) var collected = 0
    private(set) var collectedNotInfused = 0
    /// Infusion to discharge of the cohort's infused patients, days.
    private(set) var postInfusionStay = Tally()
    /// Infused patients of the cohort whose vein-to-vein time met the scenario's target.
    private(set) var infusedWithinTarget = 0
    /// The scenario's vein-to-vein target (days), if any.
    var veinToVeinTarget: Double?
    /// Referral to end of pathway (infusion or other end), days.
    private(set) var timeInPathway = Tally()
    /// Patients in the pathway over time (referred, not ended).
    private(set) var workInProgress = TimeWeightedLevel()

    init(warmup: SimTime, horizon: SimTime) {
        self.warmup = warmup
        self.horizon = horizon
        windowStart = warmup
    }

    /// Whether the patient belongs to the cohort (referrals stop at the horizon).
    private func inWindow(_ patient: Patient) -> Bool { patient.referral >= warmup }
    /// Whether an event at `time` falls in the window.
    private func inWindow(_ time: SimTime) -> Bool { time >= warmup && time < horizon }

    mutating func startWindow(inProcess: Int, at time: SimTime) {
        windowStart = time
        workInProgress.reset(at: time)
    }

    mutating func droppedOut(waitingFor cause: WaitCause?, at time: SimTime) {
        if let cause, inWindow(time) { dropoutsWaiting[cause, default: 0] += 1 }
    }

    mutating func referred(_ patient: Patient) {
        workInProgress.add(1, at: patient.referral)
        if inWindow(patient) {
            referred += 1
            stillInProcess += 1
        }
    }

    /// A patient of the pipeline snapshot enters the pathway at the start of the run (not
    /// part of the cohort: it was referred before the run).
    mutating func placed(at time: SimTime) {
        workInProgress.add(1, at: time)
    }

    mutating func collected(_ patient: Patient) {
        if inWindow(patient[.apheresisStart] ?? 0) { collections += 1 }
    }

    mutating func released(_ patient: Patient) {
        if inWindow(patient[.release] ?? 0) { releases += 1 }
    }

    mutating func lotDecided(_ result: LotResult, at time: SimTime) {
        guard inWindow(time) else { return }
        lotsDecided += 1
        switch result {
        case .inSpecification: break
        case .shortOfDose: lotsShortOfDose += 1
        case .failedOtherTest: lotsFailingOtherTests += 1
        }
    }

    /// A cohort patient's post-infusion stay ended.
    mutating func discharged(_ patient: Patient, stay: SimTime) {
        if inWindow(patient) { postInfusionStay.add(Ticks.days(stay)) }
    }

    mutating func lostMaterial(at time: SimTime) { if inWindow(time) { lossEvents += 1 } }
    mutating func recollection(at time: SimTime) { if inWindow(time) { recollections += 1 } }

    mutating func ended(_ patient: Patient, at time: SimTime) {
        workInProgress.add(-1, at: time)
        if patient.outcome == .infused && inWindow(time) { infusionEvents += 1 }
        guard inWindow(patient) else { return }
        stillInProcess -= 1
        timeInPathway.add(Ticks.days(time - patient.referral))
        if patient.lymphodepletions > 1 { lymphodepletionRepeated += 1 }
        if patient.firstApheresisStart != nil {
            collected += 1
            if patient.outcome != .infused { collectedNotInfused += 1 }
        }
        switch patient.outcome {
        case .infused:
            infused += 1
            if patient.infusedOutOfSpecification { infusedOutOfSpecification += 1 }
            if let start = patient.firstApheresisStart {
                let days = Ticks.days(time - start)
                veinToVein.add(days)
                if let target = veinToVeinTarget, days <= target { infusedWithinTarget += 1 }
            }
            if let start = patient[.lymphodepletionStart] { lymphodepletionToInfusion.add(Ticks.days(time - start)) }
            if let start = patient.firstApheresisStart, let release = patient[.release] {
                apheresisToRelease.add(Ticks.days(release - start))
            }
            referralToInfusion.add(Ticks.days(time - patient.referral))
        case .dropout(let stage): dropoutsByStage[stage, default: 0] += 1
        case .manufacturingFailure: manufacturingFailures += 1
        case .materialLost: materialLost += 1
        case .inProcess: preconditionFailure("ended without an outcome")
        }
    }
}
