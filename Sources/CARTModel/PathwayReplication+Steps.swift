import OutputSchema
import SimKernel

extension PathwayReplication {
    /// Claims a unit of `resource` for the patient; `granted` resumes once it is granted,
    /// with the wait in `pending.waited`. A patient who drops out while waiting never gets it.
    /// - Parameter work: how long the unit will be held, when it must fit the resource's
    ///   opening hours (seconds; 0 when only the start is gated).
    /// - Parameter units: how many units are claimed together (a stock item's `per_batch`).
    /// - Returns: the claim while it waits; nil when it was granted at once.
    @discardableResult
    func seize(_ resource: Resource, for patient: Patient, rank: Double = 0, work: SimTime = 0, units: Int = 1,
               then granted: Resume) -> ResourceRequest? {
        patient.pending.claimTime = simulation.now
        let request = resource.request(rank: rank, work: work, units: units, handler: patient, tag: granted.rawValue)
        if let request, request.state == .waiting {
            patient.waitingClaim = (resource, request)
            notify(PathwayEvent(time: simulation.now, kind: .queued, patient: patient, stage: patient.stage,
                                site: site(of: patient, in: patient.stage), resource: resource))
        }
        return request
    }

    /// Schedules the end of `work` seconds of timed work (recorded from `pending.workStart`).
    func work(_ patient: Patient, for work: SimTime, priority: EventPriority = .release, then done: Resume) {
        patient.pending.workStart = simulation.now
        patient.pending.work = work
        notify(PathwayEvent(time: simulation.now, kind: .started, patient: patient, stage: patient.stage,
                            site: site(of: patient, in: patient.stage), duration: work,
                            icuDuration: patient.stage == .postInfusion ? patient.bookedICUStay : nil))
        simulation.schedule(after: work, priority: priority, handler: patient, tag: done.rawValue)
    }

    /// Keeps the patient in `stage` for `duration` (recorded as working time), then goes on
    /// to the next step of its route unless the pathway ended meanwhile. A hold of no time
    /// schedules no event: the patient goes on at once.
    func hold(_ patient: Patient, in stage: Stage, for duration: SimTime) {
        patient.stage = stage
        patient.pending.holdStage = stage
        patient.pending.holdStart = simulation.now
        notify(PathwayEvent(time: simulation.now, kind: .started, patient: patient, stage: stage,
                            site: site(of: patient, in: stage), duration: duration))
        if duration == 0 {
            finishHold(patient)
        } else {
            simulation.schedule(after: duration, handler: patient, tag: Resume.holdDone.rawValue)
        }
    }

    private func finishHold(_ patient: Patient) {
        let p = patient.pending
        stages.recordWorking(p.holdStage, simulation.now - p.holdStart)
        notify(PathwayEvent(time: simulation.now, kind: .finished, patient: patient, stage: p.holdStage,
                            site: site(of: patient, in: p.holdStage)))
        guard isActive(patient) else { return }
        advance(patient)
    }

    /// Resumes a patient's timed continuation (see `Resume`).
    func resume(_ patient: Patient, _ step: Resume) {
        let p = patient.pending
        switch step {
        case .holdDone: finishHold(patient)
        case .stepDone: finishStep(of: patient)
        case .departed: depart(patient)
        case .arrived: arrive(patient)
        case .dropout: dropOut(patient)
        case .freshHoldExpired: expireFreshMaterial(patient)
        case .staffGranted: staffGranted(patient)
        case .chairGranted, .freezerGranted, .suiteGranted, .qcGranted, .bedGranted, .stockGranted:
            patient.waitingClaim = nil
            if let expiry = patient.freshHoldExpiry {
                simulation.cancel(expiry)
                patient.freshHoldExpiry = nil
            }
            patient.pending.waited = simulation.now - p.claimTime
            notify(PathwayEvent(time: simulation.now, kind: .granted, patient: patient, stage: patient.stage,
                                site: site(of: patient, in: patient.stage), resource: claimed(by: patient, step)))
            granted(patient, step)
        case .apheresisDone: finishCollection(patient)
        case .frozen: finishFreezing(patient)
        case .qcDone: finishTest(patient)
        case .released: finishRelease(patient)
        case .lymphodepletionDone: finishLymphodepletion(patient)
        case .lymphodepletionDue: lymphodeplete(patient)
        case .infusionDue: if isActive(patient) { infuse(patient) }
        case .discharged: discharge(patient)
        case .collectAgain: collect(patient)
        }
    }

    /// A claim was granted: start the work it was for.
    private func granted(_ patient: Patient, _ step: Resume) {
        switch step {
        case .chairGranted: startCollection(patient)
        case .freezerGranted: startFreezing(patient)
        case .suiteGranted: startManufacturing(patient)
        case .qcGranted: startTest(patient)
        case .bedGranted: startInfusion(patient)
        case .stockGranted: stockReserved(patient)
        default: preconditionFailure("\(step) is not a grant")
        }
    }

    /// The resource whose grant `step` resumes.
    private func claimed(by patient: Patient, _ step: Resume) -> Resource? {
        switch step {
        case .chairGranted: centres[patient.centre].chairs
        case .freezerGranted:
            if case .hub(let hub) = patient.pending.freezingSite { hubs[hub].freezer } else { centres[patient.centre].freezer }
        case .suiteGranted: plants[patient.plant].suites
        case .qcGranted: plants[patient.plant].qcLab
        case .bedGranted: centres[patient.centre].beds
        case .stockGranted: nextStock(of: patient)?.units
        default: nil
        }
    }
}
