import OutputSchema
import SimKernel

/// One patient's journey through the pathway, with the timestamps of every stage
/// (seconds since the start of the run; nil when the stage was not reached).
///
/// After a re-collection or re-manufacture the timestamps of the stages that are
/// repeated are overwritten and those after them cleared, so the recorded timestamps are
/// always those of the final attempt and always in pathway order.
///
/// A patient is also the receiver of its own timed events (an `EventHandler`): its
/// continuations — holds, claims, timed work, shipments, dropout — are scheduled as
/// `(patient, Resume)` pairs with their data in `pending`, which costs no allocation,
/// where a capturing closure would allocate one per event.
final class Patient: EventHandler {
    let id: Int
    let centre: Int
    let indication: Int
    let product: Int
    let referral: SimTime
    /// The model moving this patient; it outlives every event it schedules (pending events
    /// are discarded before the model goes away), hence `unowned(unsafe)`.
    unowned(unsafe) let model: PathwayReplication
    /// The patient's route (`PathwayReplication.routes`) and the index of its current step.
    let route: Int
    var position = 0
    /// Data of the continuation in flight.
    var pending = PendingStep()
    /// Whether the patient received bridging therapy.
    var bridged = false
    /// Manufacturing attempts started (first manufacture included).
    var manufacturingAttempts = 0
    /// Collections done (repeats included).
    var collections = 0
    /// Rounds of starting material dispatched towards manufacturing (re-collections included).
    var materialRounds = 0
    /// Whether the infused lot was out of specification (exception release).
    var infusedOutOfSpecification = false
    /// Where the patient stands or how the pathway ended.
    var outcome: Outcome = .inProcess
    /// The stage the patient is in now.
    var stage: Stage = .consult

    var firstApheresisStart: SimTime?
    var timestamps = [SimTime?](repeating: nil, count: Milestone.allCases.count)
    /// The highest milestone index set in `timestamps` (-1: none); those above are all nil.
    private var latestMarked = -1

    /// The end of the running manufacturing step, where its suite can fail (cancelled then).
    var stepEvent: EventHandle?
    /// The pending progression/death event, cancelled at lymphodepletion.
    var dropoutEvent: EventHandle?
    /// When unfrozen starting material expires: the end of collection plus the product's
    /// `fresh_hold_time`, until its batch starts or it is frozen (nil then, and for
    /// material that is re-manufactured from retained stock).
    var freshHoldDeadline: SimTime?
    /// The expiry of fresh material waiting for a suite or a freezer, cancelled when granted.
    var freshHoldExpiry: EventHandle?
    /// The claim waiting for a resource, withdrawn if the patient drops out.
    var waitingClaim: (resource: Resource, request: ResourceRequest)?
    /// Stock items reserved for the next batch (the first ones of the plant's
    /// `stockOfProduct`), used when it starts, returned if it never does.
    var reservedStock = 0
    /// Plant making the product (once routed: `routed`).
    var plant = 0
    /// Whether the starting material has been sent to a plant (`plant` is set).
    var routed = false
    /// The cryopreservation hub the material went through, if any.
    var hub: Int?
    /// When the pathway ended (infusion, dropout, failure, loss).
    var endTime: SimTime?
    /// Draws of the current lot.
    var cellsCollected = 0.0
    /// The current lot's results, drawn at harvest: short of the target dose, failing
    /// another release test.
    var lotShortOfDose = false
    var lotFailsOtherTest = false
    /// The product is at the patient's centre.
    var productAtCentre = false
    /// The last lymphodepletion: its start, and its end once over (nil while it runs).
    var lymphodepletionStart: SimTime?
    var lymphodepletionEnd: SimTime?
    /// Lymphodepletions given (more than one when a product came too late after the first).
    var lymphodepletions = 0
    /// The bed booked for the infusion (an id in the centre's book), its infusion time and
    /// the stay it was booked for (drawn at booking).
    var bedBooking: Int?
    var bookedInfusion: SimTime?
    var bookedStay: SimTime = 0
    /// Repeats of the current lot's QC test after invalid assays.
    var qcRetests = 0
    /// When lymphodepletion could have started had a bed been free (nil when the booked bed
    /// was free at the earliest infusion).
    var bedWaitFrom: SimTime?
    /// The ICU part of `bookedStay` (0 without an ICU stay).
    var bookedICUStay: SimTime = 0
    /// The booked start of lymphodepletion, cancelled with the booking.
    var plannedLymphodepletion: EventHandle?
    /// When the patient, product at the centre, became ready for lymphodepletion (its wait
    /// for a bed is recorded when LD starts).
    var readyForLymphodepletion: SimTime?
    /// When a lymphodepleted patient started waiting for a late product's infusion.
    var waitingSince: SimTime?
    /// Slots: when the patient joined a waitlist and when a slot was allocated (nil: not yet
    /// or never); whether the patient is on a list now.
    var waitlistedAt: SimTime?
    var slotAllocated: SimTime?
    var onWaitlist = false
    /// The patient's row in the pipeline snapshot (`scenario.initialState`), if it came from one.
    var snapshotIndex: Int?
    /// Whether the current lot's specification was already decided (short of dose at
    /// harvest, going on to QC for an exception release).
    var lotDecided = false

    init(id: Int, centre: Int, indication: Int, product: Int, referral: SimTime, model: PathwayReplication) {
        self.model = model
        self.id = id
        self.centre = centre
        self.indication = indication
        self.product = product
        self.referral = referral
        route = model.routes.id(centre: centre, product: product)
    }

    override func handleEvent(tag: Int) { model.resume(self, Resume(rawValue: tag)!) }

    /// The time of a milestone, if reached.
    subscript(_ milestone: Milestone) -> SimTime? { timestamps[milestone.rawValue] }

    /// Records a milestone now and clears every later one (an attempt restarts from here) —
    /// except a lymphodepletion already given, which a product made after it does not undo.
    func mark(_ milestone: Milestone, at time: SimTime) {
        let index = milestone.rawValue
        let keep = lymphodepletionStart != nil ? Milestone.lymphodepletionStart.rawValue : -1
        let latest = latestMarked
        timestamps.withUnsafeMutableBufferPointer { times in
            times[index] = time
            // Only milestones up to the latest one marked can be set.
            var later = index + 1
            while later <= latest {
                if later != keep { times[later] = nil }
                later += 1
            }
        }
        latestMarked = latest > index && keep > index && timestamps[keep] != nil ? keep : index
    }

    /// Whether the pathway has ended (infused, dropped out, failed or lost).
    var hasEnded: Bool { outcome != .inProcess }
}

/// Timestamped milestones of the pathway, in order.
public enum Milestone: Int, CaseIterable, Sendable {
    case apheresisStart, apheresisEnd, hubDeparture, hubArrival, freezingEnd, plantDeparture, plantArrival, suiteStart,
         manufacturingEnd, qcEnd, release, centreDeparture, centreArrival, lymphodepletionStart, infusion, discharge

    /// Column name in `patients.csv` (days since the start of the run).
    public var column: String {
        switch self {
        case .apheresisStart: "apheresis_start_day"
        case .apheresisEnd: "apheresis_end_day"
        case .hubDeparture: "departure_to_hub_day"
        case .hubArrival: "hub_arrival_day"
        case .freezingEnd: "freezing_end_day"
        case .plantDeparture: "departure_to_plant_day"
        case .plantArrival: "plant_arrival_day"
        case .suiteStart: "suite_start_day"
        case .manufacturingEnd: "manufacturing_end_day"
        case .qcEnd: "qc_end_day"
        case .release: "release_day"
        case .centreDeparture: "departure_to_centre_day"
        case .centreArrival: "centre_arrival_day"
        case .lymphodepletionStart: "lymphodepletion_start_day"
        case .infusion: "infusion_day"
        case .discharge: "discharge_day"
        }
    }
}

/// How a patient's pathway ended.
public enum Outcome: Equatable, Sendable {
    /// Still in the pathway at the end of the horizon.
    case inProcess
    /// Infused (possibly out of specification under an exception).
    case infused
    /// Progressed or died before lymphodepletion, in the given stage.
    case dropout(Stage)
    /// No in-specification product and no further attempt possible.
    case manufacturingFailure
    /// Material lost (transit loss or fresh hold time exceeded) with no re-collection possible.
    case materialLost

    /// Label in `patients.csv`.
    public var label: String {
        switch self {
        case .inProcess: "in_process"
        case .infused: "infused"
        case .dropout: "dropout"
        case .manufacturingFailure: "manufacturing_failure"
        case .materialLost: "material_lost"
        }
    }
}
