import SimKernel

/// Which continuation a patient's timed event resumes (the event's tag).
enum Resume: Int {
    /// A `hold` ended: record the stage, then `PendingStep.afterHold`.
    case holdDone
    /// A manufacturing step ended: record it, then the next step (or QC).
    case stepDone
    /// The courier left: stamp the departure milestone.
    case departed
    /// The courier arrived: record the stage, then `PendingStep.afterShipment`.
    case arrived
}

/// What follows a hold.
enum AfterHold {
    case collect, manufacture, lymphodeplete
}

/// Where a shipment was going.
enum AfterShipment {
    /// Fresh material reached a hub for freezing (hub index).
    case hub(Int)
    /// Starting material reached its plant.
    case plant
    /// The product reached the patient's centre.
    case centre
}

/// The data of the continuation a patient's next timed event resumes. Only one is in
/// flight at a time: a patient is in one stage at a time.
struct PendingStep {
    /// Hold: stage, start, continuation.
    var holdStage = Stage.consult
    var holdStart: SimTime = 0
    var afterHold = AfterHold.collect
    /// Manufacturing: index of the running step and its start.
    var step = 0
    var stepStart: SimTime = 0
    /// Shipment: stage, ready and departure times, transit, loss, milestone and destination.
    var shipStage = Stage.shippingToPlant
    var shipReady: SimTime = 0
    var shipDeparture: SimTime = 0
    var shipLost = false
    var departureMilestone = Milestone.plantDeparture
    var afterShipment = AfterShipment.plant
}
