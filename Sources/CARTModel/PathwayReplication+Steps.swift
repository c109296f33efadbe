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
    func hold(_ patient: Patient, in stage: Stage, for duration: SimTime, then next: @escaping () -> Void) {
        patient.stage = stage
        simulation.schedule(after: duration) { [self] in
            stages.record(stage, waiting: 0, working: duration)
            guard isActive(patient) else { return }
            next()
        }
    }
}
