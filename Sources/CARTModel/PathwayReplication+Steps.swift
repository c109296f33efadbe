import SimKernel

extension PathwayReplication {
    /// Claims a unit of `resource` for the patient; `then` runs once it is granted, with
    /// the time spent waiting. A patient who drops out while waiting never gets it.
    func seize(_ resource: Resource, for patient: Patient, rank: Double = 0,
               then: @escaping (_ waited: SimTime) -> Void) {
        let requested = simulation.now
        var granted = false
        let request = resource.request(rank: rank) { [self] in
            granted = true
            patient.waitingClaim = nil
            then(simulation.now - requested)
        }
        if !granted { patient.waitingClaim = (resource, request) }
    }

    /// Keeps the patient in `stage` for `duration` (recorded as working time), then goes on
    /// with `next` unless the pathway ended meanwhile.
    func hold(_ patient: Patient, in stage: Stage, for duration: SimTime, then next: AfterHold) {
        patient.stage = stage
        patient.pending.holdStage = stage
        patient.pending.holdStart = simulation.now
        patient.pending.afterHold = next
        simulation.schedule(after: duration, handler: patient, tag: Resume.holdDone.rawValue)
    }

    /// Resumes a patient's timed continuation (see `Resume`).
    func resume(_ patient: Patient, _ step: Resume) {
        let p = patient.pending
        switch step {
        case .holdDone:
            stages.record(p.holdStage, waiting: 0, working: simulation.now - p.holdStart)
            guard isActive(patient) else { return }
            switch p.afterHold {
            case .collect: collect(patient)
            case .manufacture: manufacture(patient)
            case .lymphodeplete: lymphodeplete(patient)
            }
        case .stepDone: finishStep(of: patient)
        case .departed:
            if isActive(patient) { patient.mark(p.departureMilestone, at: simulation.now) }
        case .arrived: arrive(patient)
        }
    }
}
