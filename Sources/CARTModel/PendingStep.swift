import OutputSchema
import SimKernel

/// Which continuation a patient's timed event resumes (the event's tag).
enum Resume: Int {
    /// A `hold` ended: record the stage, then the next step of the route.
    case holdDone
    /// A manufacturing step ended: record it, then the next step (or QC).
    case stepDone
    /// The courier left: stamp the departure milestone.
    case departed
    /// The courier arrived: record the stage, then the next step of the route.
    case arrived
    /// Progression or death before lymphodepletion.
    case dropout
    /// Fresh material waiting for a suite or a freezer passed its hold time.
    case freshHoldExpired
    /// Claims granted: an apheresis chair, a freezer, a suite, a QC slot, a bed, the units
    /// of a stock item a batch takes.
    case chairGranted, freezerGranted, suiteGranted, qcGranted, bedGranted, stockGranted
    /// The staff of a task were granted (see `PendingStep.staffedWork`).
    case staffGranted
    /// Timed work ended: a collection, a freezing, a QC test, QA release, lymphodepletion,
    /// the post-infusion stay.
    case apheresisDone, frozen, qcDone, released, lymphodepletionDone, discharged
    /// The booked start of lymphodepletion; the booked infusion of a product that came late.
    case lymphodepletionDue, infusionDue
    /// An insufficient collection is repeated the next day.
    case collectAgain
}

/// Where starting material is being frozen.
enum FreezingSite: Equatable {
    case centre
    case hub(Int)
}

/// The task a staff claim is for.
enum StaffedWork {
    /// The manufacturing step `PendingStep.step`.
    case step
    case qcTest
    case release
}

/// The data of the continuation a patient's next timed event resumes. Only one is in
/// flight at a time: a patient is in one stage at a time.
struct PendingStep {
    /// A claim: when it was made, and the wait once granted.
    var claimTime: SimTime = 0
    var waited: SimTime = 0
    /// Timed work: its start and planned length.
    var workStart: SimTime = 0
    var work: SimTime = 0
    /// Freezing: where.
    var freezingSite = FreezingSite.centre
    /// Hold: stage and start.
    var holdStage = Stage.consult
    var holdStart: SimTime = 0
    /// When the batch joined the lines for stock and a suite.
    var batchQueued: SimTime = 0
    /// Staff: the task claimed for, when the claim was made and how long it waited.
    var staffedWork = StaffedWork.step
    var staffClaimTime: SimTime = 0
    var staffWaited: SimTime = 0
    /// Manufacturing: index of the running step and its start.
    var step = 0
    var stepStart: SimTime = 0
    var stepEnd: SimTime = 0
    /// Shipment: stage, origin and destination sites, ready and departure times, transit, loss and milestone.
    var shipStage = Stage.shippingToPlant
    var shipOrigin = 0
    var shipDestination = 0
    var shipReady: SimTime = 0
    var shipDeparture: SimTime = 0
    var shipArrival: SimTime = 0
    var shipLost = false
    var departureMilestone = Milestone.plantDeparture
}
