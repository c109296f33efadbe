import SimKernel
import ScenarioFile

// Suite downtime: cleaning after each batch, planned maintenance windows, random failures
// of suites (a batch in progress resumed, restarted or lost) and contaminated batches (the
// suite, or the whole plant, decontaminated). Suites out of service lower the suite pool's
// capacity: batches already running finish, none starts on a suite out of service.
extension PathwayReplication {
    /// Schedules the maintenance windows within the horizon and starts every suite's failure clock.
    func startDowntime() {
        for (index, plant) in plants.enumerated() {
            guard let downtime = plant.downtime else { continue }
            for window in downtime.spec.maintenance {
                var start = window.window.from
                while start < scenario.simulation.horizon {
                    simulation.schedule(at: start, priority: .capacityChange) { [self] in
                        takeOutOfService(window.suites, at: index)
                        simulation.schedule(after: window.window.length, priority: .capacityChange) { [self] in
                            takeOutOfService(-window.suites, at: index)
                        }
                    }
                    guard let every = window.every else { break }
                    start += every
                }
            }
            for clock in downtime.timeBetweenFailures.indices { scheduleFailure(at: index, clock: clock) }
        }
    }

    /// Takes `count` suites of plant `index` out of service (negative: back in).
    private func takeOutOfService(_ count: Int, at index: Int) {
        let plant = plants[index], downtime = plant.downtime!
        downtime.down += count
        plant.suites.setCapacity(max(0, plant.installedSuites - downtime.down))
    }

    private func scheduleFailure(at index: Int, clock: Int) {
        let downtime = plants[index].downtime!
        simulation.schedule(after: downtime.timeBetweenFailures[clock].ticks(), priority: .capacityChange) { [self] in
            suiteFails(at: index, clock: clock)
        }
    }

    /// A suite of plant `index` fails: it is repaired, and the batch on it (if any) resumed,
    /// restarted or lost once it is back; its clock starts again after the repair.
    private func suiteFails(at index: Int, clock: Int) {
        let plant = plants[index], downtime = plant.downtime!, failures = downtime.spec.failures!
        guard clock < plant.installedSuites else {
            // This suite is not installed now (`capacity_changes`): its clock waits for it.
            scheduleFailure(at: index, clock: clock)
            return
        }
        if inWindow { downtime.failures += 1 }
        let inService = plant.installedSuites - downtime.down
        let hit = inService > 0 ? min(1, Double(downtime.running.count) / Double(inService)) : 0
        let draw = downtime.failureHit.uniform()
        let repair = downtime.repair!.ticks()
        let back: () -> Void = { [self] in scheduleFailure(at: index, clock: clock) }
        guard draw < hit, !downtime.running.isEmpty else {
            takeOutOfService(1, at: index)
            simulation.schedule(after: repair, priority: .capacityChange) { [self] in takeOutOfService(-1, at: index); back() }
            return
        }
        let position = min(downtime.running.count - 1, Int(draw / hit * Double(downtime.running.count)))
        // The batch stops: it is no longer running, so no other failure can hit it.
        let patient = downtime.running.remove(at: position)
        if let event = patient.stepEvent { simulation.cancel(event) }
        patient.stepEvent = nil
        switch failures.batch {
        case .lost:
            plant.suites.release()
            takeOutOfService(1, at: index)
            simulation.schedule(after: repair, priority: .capacityChange) { [self] in takeOutOfService(-1, at: index); back() }
            if inWindow { downtime.batchesLost += 1 }
            notifyScrapped(patient)
            if isActive(patient) { recollectOrEnd(patient, otherwise: .manufacturingFailure) }
        case .resume, .restart:
            let remaining = max(0, patient.pending.stepEnd - simulation.now)
            simulation.schedule(after: repair, priority: .release) { [self] in
                back()
                downtime.running.append(patient)
                if failures.batch == .restart {
                    runStep(0, of: patient)
                } else {
                    scheduleStepEnd(of: patient, after: remaining)
                }
            }
        }
    }

    /// Tells the observers that the patient's batch was scrapped on its suite.
    private func notifyScrapped(_ patient: Patient) {
        notify(PathwayEvent(time: simulation.now, kind: .batchScrapped, patient: patient, stage: .manufacturing,
                            site: siteID(plant: patient.plant), resource: plants[patient.plant].suites))
    }

    /// Schedules the end of the patient's current manufacturing step after `duration`,
    /// cancellable where its suites can fail.
    func scheduleStepEnd(of patient: Patient, after duration: SimTime) {
        patient.pending.stepEnd = simulation.now + duration
        if plants[patient.plant].downtime?.spec.failures != nil {
            patient.stepEvent = simulation.scheduleCancellable(at: simulation.now + duration, priority: .release,
                                                               handler: patient, tag: Resume.stepDone.rawValue)
        } else {
            simulation.schedule(after: duration, priority: .release, handler: patient, tag: Resume.stepDone.rawValue)
        }
    }

    /// A batch whose suite can fail started (or ended): it is (no longer) among the running.
    func batchRuns(_ patient: Patient, _ running: Bool) {
        guard let downtime = plants[patient.plant].downtime, downtime.spec.failures != nil else { return }
        if running { downtime.running.append(patient) } else { downtime.running.removeAll { $0 === patient } }
    }

    /// Frees the patient's suite after its changeover (cleaning), if the plant has one.
    func freeSuite(of patient: Patient) {
        let plant = plants[patient.plant]
        guard let changeover = plant.downtime?.changeover else {
            plant.suites.release()
            return
        }
        let suites = plant.suites
        simulation.schedule(after: changeover.ticks(), priority: .release) { suites.release() }
    }

    /// Whether the batch that just ended is contaminated; if so it is scrapped (the caller
    /// re-collects or ends the pathway) and the suite, or the plant, decontaminated.
    func isContaminated(_ patient: Patient) -> Bool {
        let index = patient.plant, plant = plants[index]
        guard let downtime = plant.downtime, let spec = downtime.spec.contamination,
              downtime.contamination[patient.centre].occurs() else { return false }
        if inWindow {
            downtime.contaminations += 1
            downtime.batchesLost += 1
        }
        notifyScrapped(patient)
        let decontamination = downtime.decontamination!.ticks()
        switch spec.scope {
        case .suite:
            let suites = plant.suites
            simulation.schedule(after: decontamination, priority: .release) { suites.release() }
        case .plant:
            plant.suites.release()
            let installed = plant.installedSuites
            takeOutOfService(installed, at: index)
            simulation.schedule(after: decontamination, priority: .capacityChange) { [self] in
                takeOutOfService(-installed, at: index)
            }
        }
        return true
    }
}
