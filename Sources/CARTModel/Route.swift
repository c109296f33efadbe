import OutputSchema
import ScenarioFile

// A patient's whole journey, as data. When a replication is built, each (centre, product)
// pair gets one route: the list of steps its patients take, from referral to the bed they are
// infused in — fresh or cryopreserved, frozen at the centre or at a hub, with or without a
// slot waitlist. One interpreter (`advance`) moves a patient from each step to the next
// when the step's work is done; the loops of the pathway (re-collection, re-manufacture) jump
// back to a step of the same route. What a step does — its stage, resources, timing and
// randomness — is in the file of its kind (Collection, Logistics, Manufacturing, Treatment,
// Slots); the order of the steps is here, and only here.
//
// A typical route, fresh material at a centre without slots:
//   consult → collect → shipToPlant(from: centre) → intake → manufacture → test → release
//   → shipToCentre → receiveAtCentre → bookLymphodepletion
// and lymphodepletion, infusion and the post-infusion stay follow from the booking.

/// One step of a patient's route.
enum RouteStep: Equatable {
    /// The consult before apheresis (a hold at the centre).
    case consult
    /// The centre's (or plant's) slot waitlist, until a slot is allocated.
    case joinWaitlist
    /// The rest of an allocated slot's lead time before apheresis.
    case slotLeadTime
    /// Leukapheresis on a chair; an insufficient collection is repeated inside the step.
    case collect
    /// Fresh material travels to a cryopreservation hub (hub index).
    case shipToHub(Int)
    /// Freezing at the centre or at a hub (arrival at the hub marked first).
    case freeze(FreezingSite)
    /// Starting material travels to a plant (chosen by the routing rule) from a site id.
    case shipToPlant(from: Int)
    /// Receipt and intake at the plant (fresh material past its hold time is lost here).
    case intake
    /// Stock, a suite and the product's manufacturing steps; the lot's results at harvest.
    case manufacture
    /// QC release testing.
    case test
    /// QA/QP release.
    case release
    /// The released product travels back to the centre.
    case shipToCentre
    /// The product is at the centre: storage until lymphodepletion is booked (or a planned
    /// lymphodepletion goes on).
    case receiveAtCentre
    /// A bed is booked for the infusion and lymphodepletion scheduled to end then.
    case bookLymphodepletion
}

/// The routes of one replication, one per (centre, product), compiled when it is built.
struct Routes {
    private let steps: [[RouteStep]]
    private let products: Int

    /// Routes by centre, then product (`routes[centre][product]`).
    init(_ routes: [[[RouteStep]]]) {
        products = routes.first?.count ?? 0
        steps = routes.flatMap { $0 }
    }

    /// The steps of the route `id` (`id(centre:product:)`).
    subscript(_ id: Int) -> [RouteStep] { steps[id] }

    /// The id of the route of a product's patients at a centre.
    func id(centre: Int, product: Int) -> Int { centre * products + product }
}

extension PathwayReplication {
    /// The route of a product's patients at a centre: the slot waitlist where the centre's
    /// plant allocates slots, then collection, the starting material's way to the plant
    /// (fresh, or frozen at the centre, or shipped to a hub and frozen there), manufacturing,
    /// release, the way back and the treatment.
    func compileRoute(product: ProductSpec, centre: Int) -> [RouteStep] {
        var route: [RouteStep] = switch slots?.poolOfCentre[centre]?.spec.waitlistBefore {
        case nil: [.consult]
        case .consult?: [.joinWaitlist, .consult, .slotLeadTime]
        case .apheresis?: [.consult, .joinWaitlist, .slotLeadTime]
        }
        route.append(.collect)
        let site = siteID(centre: centre)
        if product.startingMaterial == .cryopreserved, let hub = centres[centre].hub {
            route += [.shipToHub(hub), .freeze(.hub(hub)), .shipToPlant(from: siteID(hub: hub))]
        } else if product.startingMaterial == .cryopreserved {
            route += [.freeze(.centre), .shipToPlant(from: site)]
        } else {
            route.append(.shipToPlant(from: site))
        }
        route += [.intake, .manufacture, .test, .release, .shipToCentre, .receiveAtCentre, .bookLymphodepletion]
        return route
    }

    /// Starts a new patient on the first step of its route.
    func begin(_ patient: Patient) {
        patient.position = 0
        perform(routes[patient.route][0], patient)
    }

    /// The patient's current step is done: on to the next one.
    func advance(_ patient: Patient) {
        patient.position += 1
        perform(routes[patient.route][patient.position], patient)
    }

    /// Goes back (or on) to `step` of the patient's route and performs it: a re-collection,
    /// a re-manufacture.
    func jump(_ patient: Patient, to step: RouteStep) {
        patient.position = position(of: step, for: patient)
        perform(step, patient)
    }

    /// The step the patient is at.
    func step(of patient: Patient) -> RouteStep { routes[patient.route][patient.position] }

    /// Puts the patient at `step` of its route without performing it (a patient of a
    /// pipeline snapshot, part-way through the step).
    func place(_ patient: Patient, at step: RouteStep) {
        patient.position = position(of: step, for: patient)
    }

    private func position(of step: RouteStep, for patient: Patient) -> Int {
        guard let index = routes[patient.route].firstIndex(of: step) else {
            preconditionFailure("\(step) is not on the route of patient \(patient.id)")
        }
        return index
    }

    /// What each step does: the function of its kind that starts it.
    private func perform(_ step: RouteStep, _ patient: Patient) {
        switch step {
        case .consult: hold(patient, in: .consult, for: centres[patient.centre].consult.ticks())
        case .joinWaitlist: joinWaitlist(patient)
        case .slotLeadTime: waitForSlotDate(patient)
        case .collect: collect(patient)
        case .shipToHub(let hub): shipToHub(patient, hub)
        case .freeze(.centre): freeze(patient, at: .centre)
        case .freeze(.hub(let hub)): freezeAtHub(patient, hub)
        case .shipToPlant(let origin): shipToPlant(patient, from: origin)
        case .intake: receiveAtPlant(patient)
        case .manufacture: manufacture(patient)
        case .test: test(patient)
        case .release: release(patient)
        case .shipToCentre: returnToCentre(patient)
        case .receiveAtCentre: receiveAtCentre(patient)
        case .bookLymphodepletion: bookLymphodepletion(patient)
        }
    }
}
