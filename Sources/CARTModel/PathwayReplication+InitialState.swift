import OutputSchema
import SimKernel
import ScenarioFile

// Starting from a pipeline snapshot (`--initial-state`). At time 0, before the first event,
// every patient of `scenario.initialState` is put where the snapshot says: those holding a
// unit first (chairs, freezers, suites, QC, beds), taking it whatever its calendar, then the
// others, in the order their stages began, joining queues and holds as if they had just
// arrived there — so queues keep the snapshot's order. A stage under way has its remaining
// time drawn conditioned on how long it has lasted (`remainingTicks`), and so has the time to
// dropout of a patient still at risk (given the referral, and bridging if given). From then
// on each patient follows the pathway like any other. Snapshot patients are not part of the
// cohort (they were referred before the run): their outcomes go to `forecast.csv`.
//
// Approximations, documented in Scenarios/README.md: a running step or test does not hold its
// staff; stock, slot periods, suite failures and maintenance start afresh at time 0; a lot in
// QC has its results drawn as at harvest; an `ahead_of_release` product's batch under way
// books its lymphodepletion from the start of the run.
extension PathwayReplication {
    /// Places the snapshot's patients (at time 0, before any event runs).
    func placeInitialPatients() {
        let snapshot = scenario.initialState
        guard !snapshot.isEmpty else { return }
        let order = snapshot.indices.sorted { a, b in
            let (x, y) = (snapshot[a], snapshot[b])
            return (x.holding ? 0 : 1, x.since, a) < (y.holding ? 0 : 1, y.since, b)
        }
        for index in order { place(snapshot[index], index: index) }
        snapshotPatients.sort { $0.snapshotIndex! < $1.snapshotIndex! }
    }

    private func place(_ spec: InitialPatient, index: Int) {
        guard let centre = centres.firstIndex(where: { $0.spec.name == spec.centre }),
              let indication = indications.firstIndex(where: { $0.spec.name == spec.indication }),
              let plant = plants.firstIndex(where: { $0.spec.name == spec.plant }) else {
            preconditionFailure("the snapshot's names were validated")
        }
        let patient = Patient(id: nextPatientID, centre: centre, indication: indication,
                              product: indications[indication].product, referral: spec.referral, model: self)
        nextPatientID += 1
        patient.snapshotIndex = index
        snapshotPatients.append(patient)
        patient.stage = spec.stage
        patient.manufacturingAttempts = spec.manufacturingAttempts
        patient.materialRounds = spec.materialRounds
        patient.collections = spec.materialRounds
        patient.bridged = spec.bridged
        if spec.stage.rawValue >= Stage.shippingToPlant.rawValue {
            patient.plant = plant
            patient.routed = true
        }
        if let start = spec.apheresisStart {
            patient.firstApheresisStart = start
            patient.mark(.apheresisStart, at: start)
        }
        if let end = spec.apheresisEnd {
            patient.mark(.apheresisEnd, at: end)
            patient.cellsCollected = draws(for: patient).cellsCollected.value()
            let product = products[patient.product].spec
            let frozen = spec.stage.rawValue > Stage.freezing.rawValue && !spec.toHub
            if spec.stage.rawValue < Stage.manufacturing.rawValue && (product.startingMaterial == .fresh || !frozen) {
                patient.freshHoldDeadline = end + product.freshHoldTime
            }
            if product.startingMaterial == .cryopreserved, centres[centre].hub != nil { patient.hub = centres[centre].hub }
        }
        if keepPatients { keptPatients.append(patient) }
        if snapshotTime != nil { everyPatient.append(patient) }
        notify(PathwayEvent(time: simulation.now, kind: .placed, patient: patient, stage: spec.stage,
                            site: site(of: patient, in: spec.stage)))
        if spec.stage == .postInfusion {
            placeInHospital(patient, since: spec.since)
            return
        }
        inProcess += 1
        recorder.placed(at: simulation.now)
        if spec.stage.rawValue < Stage.lymphodepletion.rawValue { scheduleRemainingDropout(patient, spec) }
        placeInStage(patient, spec)
    }

    /// The time to dropout of a patient still at risk, given that it has not happened yet:
    /// referral + d without bridging; with bridging at the end of collection a, the time left
    /// then stretched by the factor f, which leaves the patient at risk now when
    /// d > (a − referral) + (−a)/f — and the dropout then comes (d − that) · f from now.
    private func scheduleRemainingDropout(_ patient: Patient, _ spec: InitialPatient) {
        guard let timeToDropout = indicationDraws[patient.centre][patient.indication].timeToDropout else { return }
        let now = simulation.now, factor = indications[patient.indication].spec.bridgingFactor
        var remaining: SimTime
        if spec.bridged, let collected = spec.apheresisEnd, factor > 0 {
            let threshold = (collected - spec.referral) + SimTime((Double(now - collected) / factor).rounded())
            remaining = SimTime(min(Double(timeToDropout.remainingTicks(after: threshold)) * factor, Double(Ticks.durationLimit)))
        } else {
            remaining = timeToDropout.remainingTicks(after: now - spec.referral)
        }
        remaining = max(remaining, 1)
        patient.dropoutEvent = simulation.scheduleCancellable(at: now + remaining, handler: patient,
                                                              tag: Resume.dropout.rawValue)
    }

    private func placeInStage(_ patient: Patient, _ spec: InitialPatient) {
        let now = simulation.now, elapsed = now - spec.since
        let centre = centres[patient.centre], product = products[patient.product].spec
        switch spec.stage {
        case .consult:
            if slots?.poolOfCentre[patient.centre]?.spec.waitlistBefore == .consult {
                // Listed and given a slot before the consult.
                patient.waitlistedAt = spec.since
                patient.slotAllocated = spec.since
            }
            place(patient, at: .consult)
            hold(patient, in: .consult, for: centre.consult.remainingTicks(after: elapsed))
        case .waitlist:
            if spec.holding, slots?.poolOfCentre[patient.centre] != nil {
                patient.waitlistedAt = spec.since
                patient.slotAllocated = spec.since
                jump(patient, to: .slotLeadTime)
            } else {
                jump(patient, to: .joinWaitlist)
            }
        case .apheresis:
            guard spec.holding else {
                jump(patient, to: .collect)
                return
            }
            place(patient, at: .collect)
            centre.chairs.occupy()
            patient.pending.waited = 0
            patient.mark(.apheresisStart, at: spec.since)
            if patient.firstApheresisStart == nil { patient.firstApheresisStart = spec.since }
            work(patient, for: centre.apheresis.remainingTicks(after: elapsed), then: .apheresisDone)
        case .freezing:
            let site: FreezingSite = centre.hub.map { .hub($0) } ?? .centre
            if centre.hub != nil { patient.mark(.hubArrival, at: spec.since) }
            place(patient, at: .freeze(site))
            guard spec.holding else {
                freeze(patient, at: site)
                return
            }
            patient.pending.freezingSite = site
            freezer(at: site, for: patient).occupy()
            patient.pending.waited = 0
            patient.freshHoldDeadline = nil
            let duration = centre.hub == nil ? centre.freezing! : centre.hubFreezing!
            work(patient, for: duration.remainingTicks(after: elapsed), then: .frozen)
        case .shippingToPlant:
            let centreSite = siteID(centre: patient.centre)
            if spec.toHub, let hub = centre.hub {
                place(patient, at: .shipToHub(hub))
                send(patient, lane: lane(centreSite, siteID(hub: hub)), stage: .shippingToPlant, departure: .hubDeparture,
                     readyAt: spec.since)
            } else {
                let origin = product.startingMaterial == .cryopreserved ? centre.hub.map { siteID(hub: $0) } ?? centreSite
                    : centreSite
                place(patient, at: .shipToPlant(from: origin))
                send(patient, lane: lane(origin, siteID(plant: patient.plant)), stage: .shippingToPlant,
                     departure: .plantDeparture, readyAt: spec.since)
            }
        case .intake:
            patient.mark(.plantArrival, at: spec.since)
            place(patient, at: .intake)
            hold(patient, in: .intake, for: plants[patient.plant].intake.remainingTicks(after: elapsed))
        case .suiteQueue:
            jump(patient, to: .manufacture)
        case .manufacturing:
            place(patient, at: .manufacture)
            plants[patient.plant].suites.occupy()
            patient.freshHoldDeadline = nil
            patient.mark(.suiteStart, at: spec.since)
            planLymphodepletionAhead(patient)
            batchRuns(patient, true)
            patient.pending.step = spec.step
            patient.pending.stepStart = spec.since
            notify(PathwayEvent(time: now, kind: .started, patient: patient, stage: .manufacturing, step: spec.step,
                                site: siteID(plant: patient.plant)))
            scheduleStepEnd(of: patient, after: draws(for: patient).steps[spec.step].remainingTicks(after: elapsed))
        case .qcTesting:
            patient.mark(.manufacturingEnd, at: spec.since)
            drawLotResults(patient)
            if patient.lotShortOfDose && product.yield.doseCheckedAt == .harvest {
                patient.lotDecided = true
                patient.infusedOutOfSpecification = true
            }
            guard spec.holding else {
                jump(patient, to: .test)
                return
            }
            place(patient, at: .test)
            plants[patient.plant].qcLab.occupy()
            patient.pending.waited = 0
            patient.pending.staffWaited = 0
            let qc = plants[patient.plant].qc?[patient.centre] ?? draws(for: patient).qc
            work(patient, for: qc.remainingTicks(after: elapsed), then: .qcDone)
        case .qaRelease:
            patient.mark(.qcEnd, at: spec.since)
            place(patient, at: .release)
            placeInRelease(patient, since: spec.since)
        case .shippingToCentre:
            patient.mark(.release, at: spec.since)
            place(patient, at: .shipToCentre)
            send(patient, lane: lane(siteID(plant: patient.plant), siteID(centre: patient.centre)), stage: .shippingToCentre,
                 departure: .centreDeparture, readyAt: spec.since)
        case .storage:
            patient.mark(.centreArrival, at: spec.since)
            patient.productAtCentre = true
            place(patient, at: .receiveAtCentre)
            guard spec.holding, let booked = spec.bookedInfusion else {
                hold(patient, in: .storage, for: centre.lymphodepletionScheduling.remainingTicks(after: elapsed))
                return
            }
            bookBed(for: patient, at: booked)
            patient.readyForLymphodepletion = now
            patient.plannedLymphodepletion = simulation.scheduleCancellable(
                at: booked - product.lymphodepletion, handler: patient, tag: Resume.lymphodepletionDue.rawValue)
        case .lymphodepletion:
            place(patient, at: .bookLymphodepletion)
            patient.productAtCentre = true
            patient.lymphodepletionStart = spec.since
            patient.lymphodepletions = 1
            patient.mark(.lymphodepletionStart, at: spec.since)
            let end = spec.since + product.lymphodepletion
            bookBed(for: patient, at: spec.bookedInfusion ?? end)
            if end > now {
                simulation.schedule(at: end, priority: .normal, handler: patient, tag: Resume.lymphodepletionDone.rawValue)
            } else {
                // Lymphodepletion is over; the patient waits for the booked infusion.
                patient.lymphodepletionEnd = end
                patient.waitingSince = end
                simulation.schedule(at: patient.bookedInfusion!, handler: patient, tag: Resume.infusionDue.rawValue)
            }
        case .infusion, .postInfusion:
            preconditionFailure("infused patients are placed in hospital; 'infusion' was refused by the loader")
        }
    }

    /// QA release under way since `since`: the working time it has had on the QA calendar
    /// is done, and the rest of a release that lasts longer than that is left.
    private func placeInRelease(_ patient: Patient, since: SimTime) {
        let now = simulation.now, calendar = plants[patient.plant].qaCalendar
        let done = calendar.openTime(from: since, to: now)
        let left = draws(for: patient).qaWork.remainingTicks(after: done)
        patient.pending.workStart = since
        patient.pending.work = done + left
        patient.pending.staffWaited = 0
        let finish = calendar.finishTime(start: now, work: left) ?? max(scenario.simulation.horizon + 1, now + left)
        notify(PathwayEvent(time: now, kind: .started, patient: patient, stage: .qaRelease,
                            site: siteID(plant: patient.plant), duration: left))
        simulation.schedule(at: finish, handler: patient, tag: Resume.released.rawValue)
    }

    /// Books the patient's bed for an infusion at `infusion` (or the first time after it the
    /// centre's beds allow) and the stay drawn now.
    private func bookBed(for patient: Patient, at infusion: SimTime) {
        let centre = centres[patient.centre]
        drawStay(for: patient, at: centre)
        let start = centre.bedBook.earliestStart(notBefore: infusion, length: patient.bookedStay) ?? infusion
        patient.bedBooking = centre.bedBook.book(start: start, length: patient.bookedStay)
        patient.bookedInfusion = start
    }

    /// An infused patient in hospital since `since`: a bed held for the rest of a stay (with
    /// its ICU part) longer than the time already spent.
    private func placeInHospital(_ patient: Patient, since: SimTime) {
        let centre = centres[patient.centre], now = simulation.now
        var left: SimTime = 0
        for _ in 0..<1_000 {
            drawStay(for: patient, at: centre)
            if patient.bookedStay > now - since {
                left = patient.bookedStay - (now - since)
                break
            }
        }
        centre.beds.occupy()
        _ = centre.bedBook.book(start: now, length: left)
        patient.mark(.infusion, at: since)
        patient.stage = .postInfusion
        patient.outcome = .infused
        patient.endTime = since
        inHospital += 1
        work(patient, for: left, then: .discharged)
    }
}
