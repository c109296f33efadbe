import SimKernel

// Staff: a task (a manufacturing step, a QC test, QA release) that needs people claims them
// from its plant's pool when it is due, and starts once they are granted; they are busy for
// the task's hands-on time. A patient who dropped out meanwhile gives them back at once, and
// the batch or lot is discarded then.
extension PathwayReplication {
    /// Starts the patient's `work` now, or, where it needs staff, once they are granted.
    func startStaffed(_ work: StaffedWork, of patient: Patient) {
        if plantHasStaff[patient.plant], let need = staffNeed(of: patient, for: work) {
            if work == .step { batchRuns(patient, false) }
            claimStaff(need, for: patient, then: work)
        } else {
            start(work, of: patient, handsOn: 0)
        }
    }

    /// Whether the patient's `work` needs staff at its plant.
    func isStaffed(_ work: StaffedWork, of patient: Patient) -> Bool {
        plantHasStaff[patient.plant] && staffNeed(of: patient, for: work) != nil
    }

    private func start(_ work: StaffedWork, of patient: Patient, handsOn: SimTime) {
        switch work {
        case .step: startStep(of: patient, handsOn: handsOn)
        case .qcTest: startTest(of: patient, handsOn: handsOn)
        case .release: startRelease(of: patient, handsOn: handsOn)
        }
    }

    /// Claims the staff of `need` for the patient's `work`; `staffGranted` resumes.
    private func claimStaff(_ need: StaffNeed, for patient: Patient, then work: StaffedWork) {
        patient.pending.staffedWork = work
        patient.pending.staffClaimTime = simulation.now
        let request = need.pool.request(work: need.handsOn, units: need.count, handler: patient,
                                        tag: Resume.staffGranted.rawValue)
        if let request, request.state == .waiting {
            notify(PathwayEvent(time: simulation.now, kind: .queued, patient: patient, stage: patient.stage,
                                step: work == .step ? patient.pending.step : nil,
                                site: siteID(plant: patient.plant), resource: need.pool))
        }
    }

    /// The staff claimed for the patient's task were granted: they work its hands-on time,
    /// and the task starts now.
    func staffGranted(_ patient: Patient) {
        let p = patient.pending
        guard let need = staffNeed(of: patient, for: p.staffedWork) else {
            preconditionFailure("a staff claim is made only for a task that needs staff")
        }
        patient.pending.staffWaited = simulation.now - p.staffClaimTime
        notify(PathwayEvent(time: simulation.now, kind: .granted, patient: patient, stage: patient.stage,
                            step: p.staffedWork == .step ? p.step : nil, site: siteID(plant: patient.plant),
                            resource: need.pool))
        guard isActive(patient) else {
            need.pool.release(need.count)
            abandonStaffedWork(of: patient)
            return
        }
        let pool = need.pool, count = need.count
        simulation.schedule(after: need.handsOn, priority: .release) { pool.release(count) }
        if p.staffedWork == .step { batchRuns(patient, true) }
        start(p.staffedWork, of: patient, handsOn: need.handsOn)
    }

    private func staffNeed(of patient: Patient, for work: StaffedWork) -> StaffNeed? {
        guard let staff = plants[patient.plant].staff else { return nil }
        switch work {
        case .step: return staff.steps[patient.product][patient.pending.step]
        case .qcTest: return staff.qc
        case .release: return staff.release
        }
    }

    /// The patient dropped out while its task waited for staff: the batch frees its suite,
    /// the lot its QC capacity.
    private func abandonStaffedWork(of patient: Patient) {
        let plant = plants[patient.plant]
        switch patient.pending.staffedWork {
        case .step:
            freeSuite(of: patient)
            notify(PathwayEvent(time: simulation.now, kind: .finished, patient: patient, stage: .manufacturing,
                                site: siteID(plant: patient.plant), resource: plant.suites))
        case .qcTest:
            plant.qcLab.release()
            notify(PathwayEvent(time: simulation.now, kind: .finished, patient: patient, stage: .qcTesting,
                                site: siteID(plant: patient.plant), resource: plant.qcLab))
        case .release: break
        }
    }
}
