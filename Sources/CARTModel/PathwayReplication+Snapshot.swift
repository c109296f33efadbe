import OutputSchema
import SimKernel
import ScenarioFile

// Taking a pipeline snapshot (`run --snapshot-at`): at `snapshotTime` every patient in flight
// is written down as a row of the snapshot format that `--initial-state` reads, with its
// times relative to the snapshot, so that a run starting then continues this one.
extension PathwayReplication {
    /// The patient's row in a snapshot taken now; nil for a patient not in flight (its pathway
    /// and stay are over) or at an instant the format has no row for (a bed being seized).
    func snapshotRow(_ patient: Patient) -> InitialPatient? {
        let now = simulation.now, p = patient.pending
        var stage = patient.stage, since: SimTime, holding = false, toHub = false
        var booked: SimTime?
        if patient.hasEnded {
            guard patient.outcome == .infused, let infusion = patient[.infusion], patient[.discharge] == nil else { return nil }
            stage = .postInfusion
            since = infusion
            holding = true
        } else {
            let waiting = patient.waitingClaim != nil
            switch patient.stage {
            case .consult, .intake: since = p.holdStart
            case .waitlist:
                if patient.onWaitlist {
                    since = patient.waitlistedAt ?? p.holdStart
                } else {
                    holding = true
                    since = patient.slotAllocated ?? p.holdStart
                }
            case .apheresis, .freezing, .qcTesting:
                // Waiting for the unit, at work on it, or (apheresis) waiting a day to collect again.
                holding = !waiting && p.workStart + p.work > now
                since = waiting ? p.claimTime : holding ? p.workStart : now
            case .shippingToPlant, .shippingToCentre:
                since = p.shipReady
                if case .shipToHub = step(of: patient) { toHub = true }
            case .suiteQueue: since = p.batchQueued
            case .manufacturing: since = p.stepStart
            case .qaRelease: since = p.workStart
            case .storage:
                if patient.plannedLymphodepletion != nil, let infusion = patient.bookedInfusion {
                    holding = true
                    booked = infusion
                    since = patient[.centreArrival] ?? now
                } else {
                    since = p.holdStart
                }
            case .lymphodepletion:
                guard let start = patient.lymphodepletionStart else { return nil }
                holding = true
                since = start
                booked = patient.bookedInfusion
            case .infusion, .postInfusion: return nil
            }
        }
        let collected = stage.rawValue > Stage.apheresis.rawValue
        let routed = stage.rawValue >= Stage.shippingToPlant.rawValue
        let manufactured = stage.rawValue >= Stage.manufacturing.rawValue
        return InitialPatient(
            id: String(patient.id), centre: centres[patient.centre].spec.name,
            indication: indications[patient.indication].spec.name, product: products[patient.product].spec.name,
            referral: patient.referral - now, stage: stage, since: since - now, holding: holding,
            plant: routed ? plants[patient.plant].spec.name : "", toHub: toHub,
            step: stage == .manufacturing ? p.step : 0,
            apheresisStart: (collected || stage == .apheresis) ? patient.firstApheresisStart.map { $0 - now } : nil,
            apheresisEnd: collected ? patient[.apheresisEnd].map { $0 - now } : nil,
            bookedInfusion: booked.map { $0 - now },
            manufacturingAttempts: manufactured ? max(patient.manufacturingAttempts, 1) : patient.manufacturingAttempts,
            materialRounds: collected ? max(patient.materialRounds, 1) : patient.materialRounds,
            bridged: collected && patient.bridged, line: 0)
    }
}
