import SimKernel
import SimRandom
import ScenarioFile

extension PathwayReplication {
    /// Schedules the next referral at a centre: a Poisson process whose rate is constant
    /// within each period. An exponential gap that crosses into the next period is
    /// redrawn from the period's start with the new rate, which is exact by memorylessness.
    /// Referrals stop at the horizon.
    func scheduleNextReferral(centre index: Int, from start: SimTime? = nil) {
        let centre = centres[index]
        let periods = centre.spec.referrals
        var time = start ?? simulation.now
        while time < scenario.simulation.horizon {
            let period = periods.lastIndex { $0.from <= time } ?? 0
            let nextBoundary = period + 1 < periods.count ? periods[period + 1].from : SimTime.max
            let perDay = periods[period].perDay
            if perDay > 0 {
                let interval = Distribution.exponential(mean: Double(Ticks.day) / perDay)
                let gap = Ticks.fromSeconds(interval.sample(centre.referralInterval))
                if time + gap >= scenario.simulation.horizon { return }
                if time + gap < nextBoundary {
                    simulation.schedule(at: time + gap, priority: .arrival) { [self] in
                        refer(centre: index)
                        scheduleNextReferral(centre: index)
                    }
                    return
                }
            }
            time = nextBoundary
        }
    }

    /// Schedules the patients of the scenario's `referral_list`, one after another from
    /// `next` (in time order): each is admitted at its time with its own centre and indication.
    func scheduleListedReferral(_ next: Int = 0) {
        let list = scenario.referralList
        guard next < list.count else { return }
        let referral = list[next]
        guard let centre = centres.firstIndex(where: { $0.spec.name == referral.centre }),
              let indication = indications.firstIndex(where: { $0.spec.name == referral.indication }) else {
            preconditionFailure("the referral list's centres and indications were validated")
        }
        simulation.schedule(at: referral.time, priority: .arrival) { [self] in
            admit(centre: centre, indication: indication)
            scheduleListedReferral(next + 1)
        }
    }

    /// A new patient is referred at a centre now.
    func refer(centre index: Int) {
        let centre = centres[index]
        admit(centre: index, indication: Int(centre.indicationChoice.sample(centre.indicationStream))!)
    }

    /// A patient with `indication` enters the pathway at a centre now: a referral, or a
    /// re-referral after dropping out of a slot waitlist, and starts on its route.
    func admit(centre index: Int, indication: Int) {
        let patient = Patient(id: nextPatientID, centre: index, indication: indication,
                              product: indications[indication].product, referral: simulation.now, model: self)
        nextPatientID += 1
        inProcess += 1
        series.count(.referrals, at: simulation.now)
        recorder.referred(patient)
        notify(PathwayEvent(time: simulation.now, kind: .referred, patient: patient, stage: .consult,
                            site: siteID(centre: index)))
        if keepPatients { keptPatients.append(patient) }
        if snapshotTime.map({ simulation.now < $0 }) ?? false { everyPatient.append(patient) }
        if let timeToDropout = indicationDraws[index][indication].timeToDropout {
            patient.dropoutEvent = simulation.scheduleCancellable(at: simulation.now + timeToDropout.ticks(),
                                                                  handler: patient, tag: Resume.dropout.rawValue)
        }
        begin(patient)
    }

    /// Progression or death before lymphodepletion: the pathway ends in the current stage.
    /// A claim waiting for a resource is withdrawn; work in progress is discarded at its
    /// next stage boundary (see `isActive`).
    func dropOut(_ patient: Patient) {
        guard !patient.hasEnded else { return }
        recorder.droppedOut(waitingFor: waitCause(of: patient), at: simulation.now)
        if let claim = patient.waitingClaim { withdraw(claim, of: patient) }
        series.count(.dropouts, at: simulation.now)
        let freed = leaveWaitlist(patient)
        end(patient, .dropout(patient.stage))
        if let freed { allocateSlots(freed) }
    }

    /// Withdraws the patient's waiting claim.
    func withdraw(_ claim: (resource: Resource, request: ResourceRequest), of patient: Patient) {
        claim.resource.cancel(claim.request)
        patient.waitingClaim = nil
        returnReservedStock(of: patient)
        notify(PathwayEvent(time: simulation.now, kind: .withdrawn, patient: patient, stage: patient.stage,
                            site: site(of: patient, in: patient.stage), resource: claim.resource))
    }

    /// Ends a patient's pathway with an outcome.
    func end(_ patient: Patient, _ outcome: Outcome) {
        patient.outcome = outcome
        patient.endTime = simulation.now
        if let event = patient.dropoutEvent { simulation.cancel(event) }
        if let expiry = patient.freshHoldExpiry { simulation.cancel(expiry) }
        cancelLymphodepletionPlan(patient)
        inProcess -= 1
        recorder.ended(patient, at: simulation.now)
        if patient.referral >= scenario.simulation.warmup {
            let infused = outcome == .infused
            breakdowns.ended(patient, veinToVein: infused ? patient.firstApheresisStart.map { Ticks.days(simulation.now - $0) } : nil,
                             referralToInfusion: infused ? Ticks.days(simulation.now - patient.referral) : nil)
        }
        notify(PathwayEvent(time: simulation.now, kind: .ended, patient: patient, stage: patient.stage,
                            site: site(of: patient, in: patient.stage), outcome: outcome))
        if patient.waitlistedAt != nil { slotRecorder.ended(patient) }
        if followingUp && followUpIsOver { simulation.stop() }
    }

    /// Whether the patient's material should go on at a stage boundary.
    func isActive(_ patient: Patient) -> Bool { !patient.hasEnded }
}
