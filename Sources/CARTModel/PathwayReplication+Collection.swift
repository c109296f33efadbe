import OutputSchema
import SimKernel
import ScenarioFile

extension PathwayReplication {
    /// Leukapheresis on an apheresis chair, started while the unit's calendar is open and
    /// (unless the unit may run over) only when it ends before closing; with the repeat
    /// probability the collection is insufficient and repeated the next day. Then the
    /// starting material goes on along the route, fresh or to a freezer. The procedure's length is drawn when
    /// the chair is claimed, so that it can be fitted into the opening hours.
    func collect(_ patient: Patient) {
        guard isActive(patient) else { return }
        patient.stage = .apheresis
        let centre = centres[patient.centre]
        let duration = centre.apheresis.ticks()
        patient.pending.work = duration
        seize(centre.chairs, for: patient, work: duration, then: .chairGranted)
    }

    func startCollection(_ patient: Patient) {
        let start = simulation.now
        if patient.firstApheresisStart == nil {
            patient.firstApheresisStart = start
            if let listed = patient.waitlistedAt { slotRecorder.collected(patient, listed: listed, at: start) }
        }
        patient.mark(.apheresisStart, at: start)
        work(patient, for: patient.pending.work, then: .apheresisDone)
    }

    func finishCollection(_ patient: Patient) {
        let centre = centres[patient.centre]
        centre.chairs.release()
        stages.record(Stage.apheresis, waiting: patient.pending.waited, working: patient.pending.work)
        notify(PathwayEvent(time: simulation.now, kind: .finished, patient: patient, stage: .apheresis,
                            site: siteID(centre: patient.centre), resource: centre.chairs))
        guard isActive(patient) else { return }
        patient.collections += 1
        series.count(.collections, at: simulation.now)
        recorder.collected(patient)
        if centre.repeatCollection.occurs() {
            simulation.schedule(after: Ticks.day, handler: patient, tag: Resume.collectAgain.rawValue)
            return
        }
        patient.mark(.apheresisEnd, at: simulation.now)
        patient.freshHoldDeadline = simulation.now + products[patient.product].spec.freshHoldTime
        patient.cellsCollected = draws(for: patient, collecting: true).cellsCollected.value()
        startBridging(patient)
        patient.materialRounds += 1
        advance(patient)
    }

    /// Bridging therapy after collection lengthens the remaining time to progression.
    private func startBridging(_ patient: Patient) {
        let indication = indications[patient.indication]
        guard !patient.bridged, indicationDraws[patient.centre][patient.indication].bridging.occurs() else { return }
        patient.bridged = true
        guard let event = patient.dropoutEvent, event.state == .pending else { return }
        let remaining = Double(event.time - simulation.now) * indication.spec.bridgingFactor
        simulation.cancel(event)
        // Truncated to whole seconds, and no longer than any drawn duration, so it cannot overflow the clock.
        let lengthened = SimTime(min(remaining, Double(Ticks.durationLimit)))
        patient.dropoutEvent = simulation.scheduleCancellable(at: simulation.now + lengthened, handler: patient,
                                                              tag: Resume.dropout.rawValue)
    }

    /// Cryopreserved material of a centre with a hub ships fresh to the hub.
    func shipToHub(_ patient: Patient, _ hub: Int) {
        patient.hub = hub
        ship(patient, lane: lane(siteID(centre: patient.centre), siteID(hub: hub)), stage: .shippingToPlant,
             departure: .hubDeparture)
    }

    /// Fresh material reached its hub: frozen there if still within its hold time, then
    /// shipped on to a plant.
    func freezeAtHub(_ patient: Patient, _ hub: Int) {
        patient.mark(.hubArrival, at: simulation.now)
        guard withinFreshHold(patient) else { return }
        freeze(patient, at: .hub(hub))
    }

    /// Waits for a freezer at the centre or hub; the material expires if its hold time
    /// passes before a freezer is free.
    func freeze(_ patient: Patient, at site: FreezingSite) {
        guard isActive(patient) else { return }
        patient.stage = .freezing
        patient.pending.freezingSite = site
        let duration = switch site {
        case .centre: centres[patient.centre].freezing!
        case .hub: centres[patient.centre].hubFreezing!
        }
        patient.pending.work = duration.ticks()
        seizeBeforeFreshHoldExpires(freezer(at: site, for: patient), for: patient, work: patient.pending.work,
                                    then: .freezerGranted)
    }

    func freezer(at site: FreezingSite, for patient: Patient) -> Resource {
        switch site {
        case .centre: centres[patient.centre].freezer!
        case .hub(let hub): hubs[hub].freezer
        }
    }

    func startFreezing(_ patient: Patient) {
        patient.freshHoldDeadline = nil
        work(patient, for: patient.pending.work, then: .frozen)
    }

    /// Frozen: the material ships on from where it was frozen.
    func finishFreezing(_ patient: Patient) {
        let site = patient.pending.freezingSite
        let freezer = freezer(at: site, for: patient)
        freezer.release()
        stages.record(Stage.freezing, waiting: patient.pending.waited, working: patient.pending.work)
        notify(PathwayEvent(time: simulation.now, kind: .finished, patient: patient, stage: .freezing,
                            site: self.site(of: patient, in: .freezing), resource: freezer))
        guard isActive(patient) else { return }
        patient.mark(.freezingEnd, at: simulation.now)
        advance(patient)
    }

    /// Unfrozen starting material must start its batch (or be frozen) within the product's
    /// hold time from the end of collection; otherwise it is lost and the patient is
    /// re-collected (or, past the attempt limit, not treated).
    func withinFreshHold(_ patient: Patient) -> Bool {
        guard let deadline = patient.freshHoldDeadline, simulation.now > deadline else { return true }
        loseFreshMaterial(patient)
        return false
    }

    /// Claims `resource` for unfrozen material; if it is not granted by the material's
    /// deadline, the claim is withdrawn and the material lost then.
    func seizeBeforeFreshHoldExpires(_ resource: Resource, for patient: Patient, rank: Double = 0,
                                     work: SimTime = 0, units: Int = 1, then granted: Resume) {
        guard withinFreshHold(patient) else { return }
        let request = seize(resource, for: patient, rank: rank, work: work, units: units, then: granted)
        // A claim granted at once may have gone straight on to the next claim, which set its own expiry.
        guard let request, request.state == .waiting, let deadline = patient.freshHoldDeadline else { return }
        patient.freshHoldExpiry = simulation.scheduleCancellable(
            at: deadline + 1, handler: patient, tag: Resume.freshHoldExpired.rawValue)
    }

    /// The hold time of material waiting for a suite or a freezer ran out.
    func expireFreshMaterial(_ patient: Patient) {
        patient.freshHoldExpiry = nil
        guard isActive(patient), let claim = patient.waitingClaim else { return }
        withdraw(claim, of: patient)
        loseFreshMaterial(patient)
    }

    private func loseFreshMaterial(_ patient: Patient) {
        patient.freshHoldDeadline = nil
        returnReservedStock(of: patient)
        loseMaterial(patient, in: patient.stage, at: site(of: patient, in: patient.stage))
    }

    /// The patient's starting material was lost in `stage` at site `site`: re-collect, or end.
    func loseMaterial(_ patient: Patient, in stage: Stage, at site: Int) {
        recorder.lostMaterial(at: simulation.now)
        notify(PathwayEvent(time: simulation.now, kind: .materialLost, patient: patient, stage: stage, site: site))
        recollectOrEnd(patient, otherwise: .materialLost)
    }

    /// Starts a new collection if the product's attempt limit allows — fewer manufacturing
    /// attempts (batches started) and fewer rounds of starting material than `max_attempts`
    /// so far — else ends the pathway with `outcome`.
    func recollectOrEnd(_ patient: Patient, otherwise outcome: Outcome) {
        let policy = products[patient.product].spec.outOfSpecification
        cancelLymphodepletionPlan(patient)
        if patient.materialRounds < policy.maxAttempts && patient.manufacturingAttempts < policy.maxAttempts {
            recorder.recollection(at: simulation.now)
            jump(patient, to: .collect)
        } else {
            end(patient, outcome)
        }
    }
}
