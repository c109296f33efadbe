import OutputSchema
import SimKernel

/// A patient already in the pathway when the run starts, from a pipeline snapshot
/// (`cartsim run --initial-state pipeline.csv`; columns: `Scenarios/README.md`, "Starting from
/// today's pipeline"). Times are seconds since the start of the run, so they are at most 0.
/// The loader has checked every field against the scenario: names exist, times are in order,
/// the stage is one the patient's product passes through, and what it holds is that stage's.
public struct InitialPatient: Sendable, Equatable {
    /// The planner's id of the patient (unique in the file).
    public var id: String
    public var centre: String
    public var indication: String
    /// The indication's product.
    public var product: String
    /// When the patient was referred (≤ 0).
    public var referral: SimTime
    /// The stage the patient is in now.
    public var stage: Stage
    /// When the stage began (≥ referral, ≤ 0); for a patient holding the stage's resource,
    /// when the work on it began (a running manufacturing step: the step's start).
    public var since: SimTime
    /// Whether the patient holds the stage's resource: a chair (apheresis), a freezer
    /// (freezing), a suite (manufacturing, always), a QC analyst (qc_testing), a slot
    /// (waitlist: allocated, waiting for its date), a bed (storage: booked; lymphodepletion and
    /// post_infusion, always). False: waiting in the stage's queue or hold.
    public var holding: Bool
    /// The plant making the lot (stages from shipping to the plant to shipping back).
    public var plant: String
    /// For `shipping_to_plant`: the material is on its way to the centre's hub to be frozen.
    public var toHub: Bool
    /// For `manufacturing`: the index of the running step in the product's steps.
    public var step: Int
    /// The first collection's start (vein-to-vein counts from it), and the end of the
    /// collection of the material in process; nil before the patient was collected.
    public var apheresisStart: SimTime?
    public var apheresisEnd: SimTime?
    /// The infusion the patient's bed is booked for (storage holding a bed; lymphodepletion).
    public var bookedInfusion: SimTime?
    /// Batches started so far (the current one included) and rounds of starting material sent
    /// towards manufacturing (re-collections included).
    public var manufacturingAttempts: Int
    public var materialRounds: Int
    /// Whether the patient had bridging therapy after collection.
    public var bridged: Bool
    /// The line of the file the patient is on.
    public var line: Int

    public init(id: String, centre: String, indication: String, product: String, referral: SimTime, stage: Stage,
                since: SimTime, holding: Bool, plant: String, toHub: Bool, step: Int, apheresisStart: SimTime?,
                apheresisEnd: SimTime?, bookedInfusion: SimTime?, manufacturingAttempts: Int, materialRounds: Int,
                bridged: Bool, line: Int) {
        self.id = id
        self.centre = centre
        self.indication = indication
        self.product = product
        self.referral = referral
        self.stage = stage
        self.since = since
        self.holding = holding
        self.plant = plant
        self.toHub = toHub
        self.step = step
        self.apheresisStart = apheresisStart
        self.apheresisEnd = apheresisEnd
        self.bookedInfusion = bookedInfusion
        self.manufacturingAttempts = manufacturingAttempts
        self.materialRounds = materialRounds
        self.bridged = bridged
        self.line = line
    }
}
