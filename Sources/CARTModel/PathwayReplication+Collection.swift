import SimKernel
import ScenarioFile

extension PathwayReplication {
    /// Leukapheresis on an apheresis chair (starting only while the unit's calendar is
    /// open); with the repeat probability the collection is insufficient and repeated the
    /// next day. Then the starting material goes fresh or to a freezer.
    func collect(_ patient: Patient) {
        guard isActive(patient) else { return }
        let centre = centres[patient.centre]
        patient.stage = .apheresis
        seize(centre.chairs, for: patient) { [self] waited in
            let start = simulation.now
            if patient.firstApheresisStart == nil { patient.firstApheresisStart = start }
            patient.mark(.apheresisStart, at: start)
            let duration = centre.apheresis.ticks()
            simulation.schedule(after: duration, priority: .release) { [self] in
                centre.chairs.release()
                stages.record(Stage.apheresis, waiting: waited, working: duration)
                guard isActive(patient) else { return }
                patient.collections += 1
                series.count(\.collections, at: simulation.now)
                recorder.collected(patient)
                if centre.repeatCollection.occurs() {
                    simulation.schedule(after: Ticks.day) { [self] in collect(patient) }
                    return
                }
                patient.mark(.apheresisEnd, at: simulation.now)
                patient.cellsCollected = products[patient.product].cellsCollected.value()
                startBridging(patient)
                dispatchStartingMaterial(patient)
            }
        }
    }

    /// Bridging therapy after collection lengthens the remaining time to progression.
    private func startBridging(_ patient: Patient) {
        let indication = indications[patient.indication]
        guard !patient.bridged, indication.bridging.occurs() else { return }
        patient.bridged = true
        guard let event = patient.dropoutEvent, event.state == .pending else { return }
        let remaining = Double(event.time - simulation.now) * indication.spec.bridgingFactor
        simulation.cancel(event)
        patient.dropoutEvent = simulation.scheduleCancellable(at: simulation.now + SimTime(remaining)) {
            [self] in dropOut(patient)
        }
    }

    /// Fresh material ships straight to a plant; cryopreserved material is frozen at the
    /// centre, or shipped fresh to a hub and frozen there, before it ships to a plant.
    func dispatchStartingMaterial(_ patient: Patient) {
        let centre = centres[patient.centre]
        let product = products[patient.product].spec
        patient.materialRounds += 1
        guard product.startingMaterial == .cryopreserved else {
            shipToPlant(patient, from: siteID(centre: patient.centre))
            return
        }
        let centreSite = siteID(centre: patient.centre)
        if let hub = centre.hub {
            ship(patient, lane: lane(centreSite, siteID(hub: hub)), stage: .shippingToPlant,
                 departure: .plantDeparture, to: .hub(hub))
        } else if let freezer = centre.freezer, let freezing = centre.freezing {
            freeze(patient, on: freezer, duration: freezing) { [self] in
                shipToPlant(patient, from: centreSite)
            }
        } else {
            preconditionFailure("cryopreserved product at a centre without freezer or hub (validated)")
        }
    }

    /// Fresh material reached its hub: frozen there if still within its hold time, then
    /// shipped on to a plant.
    func freezeAtHub(_ patient: Patient, _ hub: Int) {
        guard withinFreshHold(patient) else { return }
        freeze(patient, on: hubs[hub].freezer, duration: hubs[hub].freezing) { [self] in
            shipToPlant(patient, from: siteID(hub: hub))
        }
    }

    private func freeze(_ patient: Patient, on freezer: Resource, duration: RandomInput,
                        then next: @escaping () -> Void) {
        guard isActive(patient) else { return }
        patient.stage = .freezing
        seize(freezer, for: patient) { [self] waited in
            let working = duration.ticks()
            simulation.schedule(after: working, priority: .release) { [self] in
                freezer.release()
                stages.record(Stage.freezing, waiting: waited, working: working)
                guard isActive(patient) else { return }
                patient.mark(.freezingEnd, at: simulation.now)
                next()
            }
        }
    }

    /// Fresh starting material must be at its destination within the product's hold time
    /// from the end of collection; otherwise it is lost and the patient is re-collected.
    func withinFreshHold(_ patient: Patient) -> Bool {
        let product = products[patient.product].spec
        guard let collected = patient[.apheresisEnd],
              simulation.now - collected > product.freshHoldTime else { return true }
        recorder.lostMaterial(at: simulation.now)
        recollectOrEnd(patient, otherwise: .materialLost)
        return false
    }

    /// Starts a new collection if the product's attempt limit (rounds of starting material
    /// sent to manufacturing) allows, else ends the pathway with `outcome`.
    func recollectOrEnd(_ patient: Patient, otherwise outcome: Outcome) {
        let policy = products[patient.product].spec.outOfSpecification
        if patient.materialRounds < policy.maxAttempts {
            recorder.recollection(at: simulation.now)
            collect(patient)
        } else {
            end(patient, outcome)
        }
    }
}
