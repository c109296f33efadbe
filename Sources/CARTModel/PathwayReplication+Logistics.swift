import OutputSchema
import SimKernel
import ScenarioFile

extension PathwayReplication {
    /// Ships a patient's material on a lane: it waits for the lane's next pickup (pickup
    /// day, cut-off), travels, and with the lane's loss probability is lost on the way
    /// (the patient is then re-collected or, past the attempt limit, not treated).
    /// `departure` is the milestone stamped when the courier leaves (at once, with no event,
    /// when it leaves at once); on arrival the patient goes on to the next step of its route.
    func ship(_ patient: Patient, lane: LaneRuntime, stage: Stage, departure milestone: Milestone) {
        guard isActive(patient) else { return }
        send(patient, lane: lane, stage: stage, departure: milestone, readyAt: simulation.now)
    }

    /// Hands material ready at `ready` (now, or earlier for a shipment of a pipeline snapshot)
    /// to the lane's courier: it leaves at the first pickup from `ready` and arrives a transit
    /// later. A courier that left before now is on its way: it arrives after the rest of a
    /// transit that has lasted since it left.
    func send(_ patient: Patient, lane: LaneRuntime, stage: Stage, departure milestone: Milestone,
              readyAt ready: SimTime) {
        let now = simulation.now
        patient.stage = stage
        let departure = lane.schedule.departure(readyAt: ready)
        patient.pending.shipStage = stage
        patient.pending.shipReady = ready
        patient.pending.shipDeparture = departure
        patient.pending.departureMilestone = milestone
        patient.pending.shipOrigin = lane.origin
        patient.pending.shipDestination = lane.destination
        let arrival = departure >= now ? departure + lane.transit.ticks()
            : now + lane.transit.remainingTicks(after: now - departure)
        patient.pending.shipArrival = arrival
        patient.pending.shipLost = lane.loss.occurs()
        if departure == now {
            depart(patient)
        } else if departure > now {
            simulation.schedule(at: departure, handler: patient, tag: Resume.departed.rawValue)
        } else {
            patient.mark(milestone, at: departure)
        }
        simulation.schedule(at: arrival, handler: patient, tag: Resume.arrived.rawValue)
    }

    /// The courier leaves with the patient's material.
    func depart(_ patient: Patient) {
        let p = patient.pending
        notify(PathwayEvent(time: simulation.now, kind: .departed, patient: patient, stage: p.shipStage,
                            site: p.shipOrigin, destination: p.shipDestination,
                            duration: p.shipArrival - simulation.now))
        if isActive(patient) { patient.mark(p.departureMilestone, at: simulation.now) }
    }

    /// A shipment arrived (or was lost on the way).
    func arrive(_ patient: Patient) {
        let p = patient.pending
        stages.record(p.shipStage, waiting: p.shipDeparture - p.shipReady, working: simulation.now - p.shipDeparture)
        notify(PathwayEvent(time: simulation.now, kind: .arrived, patient: patient, stage: p.shipStage,
                            site: p.shipOrigin, destination: p.shipDestination))
        guard isActive(patient) else { return }
        if p.shipLost {
            loseMaterial(patient, in: p.shipStage, at: p.shipDestination)
            return
        }
        advance(patient)
    }

    /// Chooses a plant (routing policy) and ships the starting material there from site `origin`.
    func shipToPlant(_ patient: Patient, from origin: Int) {
        guard isActive(patient) else { return }
        let plant = choosePlant(for: patient, from: origin)
        patient.plant = plant
        patient.routed = true
        ship(patient, lane: lane(origin, siteID(plant: plant)), stage: .shippingToPlant, departure: .plantDeparture)
    }

    /// The assigned plant, or the reachable plant with the least expected wait: lots in or
    /// waiting for its suites, per suite, times the mean suite time, plus mean transit.
    private func choosePlant(for patient: Patient, from origin: Int) -> Int {
        let assigned = centres[patient.centre].plantOfProduct[patient.product]
        guard scenario.routing == .shortestExpectedWait else { return assigned }
        let product = products[patient.product].spec.name
        let suiteSeconds = products[patient.product].spec.manufacturingSteps.reduce(0) { $0 + $1.duration.mean }
        var best = assigned
        var bestScore = Double.infinity
        for (index, plant) in plants.enumerated() {
            guard plant.spec.makes(product), let lane = laneTable[origin][siteID(plant: index)] else { continue }
            let backlog = Double(plant.suites.busy + plant.suites.waitingCount) / Double(max(plant.suites.capacity, 1))
            let score = backlog * suiteSeconds + lane.transit.distribution.mean
            if score < bestScore {
                best = index
                bestScore = score
            }
        }
        return best
    }

    /// Receipt at the plant: fresh material beyond its hold time is lost; otherwise intake,
    /// then the lot joins the suite queue (where its hold time keeps running).
    func receiveAtPlant(_ patient: Patient) {
        let plant = plants[patient.plant]
        guard withinFreshHold(patient) else { return }
        patient.mark(.plantArrival, at: simulation.now)
        hold(patient, in: .intake, for: plant.intake.ticks())
    }
}
