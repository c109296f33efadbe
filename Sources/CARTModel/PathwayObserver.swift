import OutputSchema
import SimKernel
import ScenarioFile

/// An observer of the pathway: it is told every step of every patient as it happens, in
/// the order the simulation executes them, and keeps what it needs (a cost ledger, an
/// event trace). Observers are attached to one replication before it runs
/// (`PathwayReplication.attach`); a replication without observers builds no events.
public protocol PathwayObserver: AnyObject {
    /// One step of one patient, at `event.time`.
    func observe(_ event: PathwayEvent)
}

/// What happened at a step of the pathway (its raw value is the `kind` of `events.csv`).
public enum PathwayEventKind: String, CaseIterable, Sendable {
    /// A patient was referred at a centre (`site`).
    case referred
    /// A patient of the pipeline snapshot (`--initial-state`) was put in `stage` at the start of the run.
    case placed
    /// The patient joined the centre's waitlist for a manufacturing slot.
    case waitlisted
    /// A manufacturing slot was allocated to the patient (apheresis follows its lead time).
    case slotAllocated = "slot_allocated"
    /// A claim on `resource` had to wait (`queueLength` includes it).
    case queued
    /// A claim on `resource` was granted (`queueLength`: claims still waiting).
    case granted
    /// A waiting claim on `resource` was withdrawn: the patient dropped out, or unfrozen
    /// material passed its hold time.
    case withdrawn
    /// Work of `stage` started (`step` for a manufacturing step); holds, collections,
    /// freezing, manufacturing, QC, QA release, lymphodepletion and the post-infusion stay.
    case started
    /// Work of `stage` ended.
    case finished
    /// A courier left `site` for `destination` with the patient's material (`stage`
    /// `shippingToPlant` or `shippingToCentre`).
    case departed
    /// The courier reached `destination` (or lost the material: a `materialLost` follows).
    case arrived
    /// A batch was scrapped on its suite: lost to a suite failure, or contaminated.
    case batchScrapped = "batch_scrapped"
    /// A lot's specification was decided (`lot`).
    case lotDecided = "lot_decided"
    /// Starting material was lost (transit loss, or fresh hold time exceeded).
    case materialLost = "material_lost"
    /// The patient's pathway ended (`outcome`): infused, dropped out, failed, lost.
    case ended
    /// The patient left hospital after the post-infusion stay.
    case discharged
}

/// How a lot's release testing ended.
public enum LotResult: String, Sendable {
    case inSpecification = "in_specification"
    /// Fewer CAR+ cells than the target dose (poor expansion, low transduction, few cells).
    case shortOfDose = "short_of_dose"
    /// Enough cells, but another release test failed (sterility, viability, purity, potency).
    case failedOtherTest = "failed_other_test"
}

/// One step of one patient. Sites are ids: centres first, then plants, then hubs, in file
/// order (`PathwaySites` names them).
public struct PathwayEvent {
    /// When (seconds since the start of the run).
    public let time: SimTime
    public let kind: PathwayEventKind
    /// The patient's id (order of referral, from 0) and attributes (indices into the scenario's lists).
    public let patient: Int
    public let centre: Int
    public let product: Int
    public let indication: Int
    /// The stage the step belongs to.
    public let stage: Stage
    /// The manufacturing step (index in the product's `manufacturing_steps`) while `stage` is `.manufacturing`.
    public let step: Int?
    /// Where it happens (site id); a shipment's origin.
    public let site: Int
    /// A shipment's destination (site id).
    public let destination: Int?
    /// The resource claimed, granted, held or freed.
    public let resource: Resource?
    /// Claims waiting at `resource` just after the step.
    public let queueLength: Int?
    /// How long the work started will take (seconds), for `started` events of timed work.
    public let duration: SimTime?
    /// The ICU part of `duration`, for the `started` event of a post-infusion stay.
    public let icuDuration: SimTime?
    public let lot: LotResult?
    public let outcome: Outcome?

    init(time: SimTime, kind: PathwayEventKind, patient: Patient, stage: Stage, step: Int? = nil, site: Int,
         destination: Int? = nil, resource: Resource? = nil, duration: SimTime? = nil, icuDuration: SimTime? = nil,
         lot: LotResult? = nil, outcome: Outcome? = nil) {
        self.time = time
        self.kind = kind
        self.patient = patient.id
        self.centre = patient.centre
        self.product = patient.product
        self.indication = patient.indication
        self.stage = stage
        self.step = step
        self.site = site
        self.destination = destination
        self.resource = resource
        self.queueLength = resource?.waitingCount
        self.duration = duration
        self.icuDuration = icuDuration
        self.lot = lot
        self.outcome = outcome
    }
}

/// The names of a scenario's sites by site id (centres, then plants, then hubs), for observers.
public struct PathwaySites: Sendable {
    public let names: [String]
    /// The number of centres and plants (site ids below `centres` are centres; then plants; then hubs).
    public let centres: Int
    public let plants: Int

    public init(_ scenario: ScenarioDescription) {
        names = scenario.centres.map(\.name) + scenario.plants.map(\.name) + scenario.hubs.map(\.name)
        centres = scenario.centres.count
        plants = scenario.plants.count
    }
}

extension PathwayReplication {
    /// Attaches an observer: it will be told every step of this replication's patients.
    public func attach(_ observer: PathwayObserver) {
        observers.append(observer)
    }

    /// Tells the observers of a step; the event is built only when there are observers.
    @inline(__always)
    func notify(_ event: @autoclosure () -> PathwayEvent) {
        guard !observers.isEmpty else { return }
        let made = event()
        for observer in observers { observer.observe(made) }
    }

    /// The site id where a patient is at a stage that happens at one site.
    func site(of patient: Patient, in stage: Stage) -> Int {
        switch stage {
        case .consult, .waitlist, .apheresis, .storage, .lymphodepletion, .infusion, .postInfusion, .shippingToPlant:
            siteID(centre: patient.centre)
        case .freezing:
            if case .hub(let hub) = patient.pending.freezingSite { siteID(hub: hub) } else { siteID(centre: patient.centre) }
        case .intake, .suiteQueue, .manufacturing, .qcTesting, .qaRelease, .shippingToCentre:
            siteID(plant: patient.plant)
        }
    }
}
