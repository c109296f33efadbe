import SimKernel
import SimRandom

/// A CAR-T product and its process: starting material, manufacturing steps, yield,
/// release testing and the policy for out-of-specification lots.
public struct ProductSpec: Sendable {
    public var name: String
    /// Fresh or cryopreserved starting material.
    public var startingMaterial: StartingMaterial
    /// Fresh material must reach the plant (intake) within this time after collection,
    /// else it is lost and the patient must be re-collected (seconds).
    public var freshHoldTime: SimTime
    /// Steps done while the batch holds a manufacturing suite, in order.
    public var manufacturingSteps: [ProcessStep]
    /// QC release testing: lab time per lot (seconds), e.g. 14-day sterility.
    public var qcDuration: Distribution
    /// QA/QP release: working time on the plant's QA calendar (seconds).
    public var qaReleaseWork: Distribution
    /// Yield chain compared with the target dose.
    public var yield: YieldSpec
    /// What happens to an out-of-specification lot.
    public var outOfSpecification: OutOfSpecPolicy
    /// Lymphodepleting chemotherapy before infusion (seconds, e.g. 5 days).
    public var lymphodepletion: SimTime
    /// When lymphodepletion is scheduled: once the product is at the centre, or ahead, for
    /// the planned arrival of the product.
    public var lymphodepletionPlan: LymphodepletionPlan
    /// The longest time from the end of lymphodepletion to infusion (seconds); a product
    /// later than that means lymphodepletion is given again.
    public var infusionWindow: SimTime

    public init(name: String, startingMaterial: StartingMaterial, freshHoldTime: SimTime,
                manufacturingSteps: [ProcessStep], qcDuration: Distribution, qaReleaseWork: Distribution,
                yield: YieldSpec, outOfSpecification: OutOfSpecPolicy, lymphodepletion: SimTime,
                lymphodepletionPlan: LymphodepletionPlan = .onArrival, infusionWindow: SimTime = 14 * Ticks.day) {
        self.lymphodepletionPlan = lymphodepletionPlan
        self.infusionWindow = infusionWindow
        self.name = name
        self.startingMaterial = startingMaterial
        self.freshHoldTime = freshHoldTime
        self.manufacturingSteps = manufacturingSteps
        self.qcDuration = qcDuration
        self.qaReleaseWork = qaReleaseWork
        self.yield = yield
        self.outOfSpecification = outOfSpecification
        self.lymphodepletion = lymphodepletion
    }
}

/// When a patient's lymphodepletion is scheduled (always against a bed booked for the
/// infusion day and the stay).
public enum LymphodepletionPlan: String, Sendable, CaseIterable {
    /// When the product has arrived at the centre (and the centre's scheduling delay passed).
    case onArrival = "on_arrival"
    /// When the batch starts, for the planned arrival of the product (point-of-care, some
    /// central networks): infusion may then wait for a late product.
    case aheadOfRelease = "ahead_of_release"
}

/// Fresh or cryopreserved starting material.
public enum StartingMaterial: String, Sendable, CaseIterable {
    /// Shipped fresh; must reach the plant within the product's hold time.
    case fresh
    /// Frozen after collection (at the centre or a hub); waits for pickup without limit.
    case cryopreserved
}

/// One named manufacturing step (activation, transduction, expansion, formulation,
/// cryopreservation) with its duration in seconds.
public struct ProcessStep: Sendable {
    public var name: String
    public var duration: Distribution
    public init(name: String, duration: Distribution) {
        self.name = name
        self.duration = duration
    }
}

/// The yield chain: cells collected × transduction efficiency × expansion fold, compared
/// with the target dose (all unit-less counts or fractions).
public struct YieldSpec: Sendable {
    /// Viable T cells collected at leukapheresis (cells).
    public var cellsCollected: Distribution
    /// Fraction of cells transduced (0–1).
    public var transductionEfficiency: Distribution
    /// Fold expansion during culture.
    public var expansionFold: Distribution
    /// Minimum CAR+ cells for a dose (cells).
    public var targetDose: Double
    /// Probability that a lot fails another release test (sterility, potency...) whatever its yield.
    public var residualFailureProbability: Double
    /// Where a lot short of the target dose is found: at the end of QC, or at harvest by an
    /// in-process cell count (the lot then skips QC unless it is infused under an exception).
    public var doseCheckedAt: DoseCheck

    public init(cellsCollected: Distribution, transductionEfficiency: Distribution, expansionFold: Distribution,
                targetDose: Double, residualFailureProbability: Double, doseCheckedAt: DoseCheck = .qc) {
        self.doseCheckedAt = doseCheckedAt
        self.cellsCollected = cellsCollected
        self.transductionEfficiency = transductionEfficiency
        self.expansionFold = expansionFold
        self.targetDose = targetDose
        self.residualFailureProbability = residualFailureProbability
    }
}

/// Where the dose of a lot is checked against the target.
public enum DoseCheck: String, Sendable, CaseIterable {
    /// With the other release tests, at the end of QC.
    case qc
    /// At harvest (end of manufacturing), by an in-process cell count.
    case harvest
}

/// The policy for an out-of-specification lot, tried in this order: infuse under an
/// exception (probability), re-manufacture from retained material (probability that
/// material remains), re-collect from the patient (probability the patient is fit for it);
/// otherwise the patient is not treated. `maxAttempts` caps manufacturing attempts.
public struct OutOfSpecPolicy: Sendable {
    public var exceptionInfusionProbability: Double
    public var remanufactureProbability: Double
    public var recollectProbability: Double
    public var maxAttempts: Int

    public init(exceptionInfusionProbability: Double, remanufactureProbability: Double,
                recollectProbability: Double, maxAttempts: Int) {
        self.exceptionInfusionProbability = exceptionInfusionProbability
        self.remanufactureProbability = remanufactureProbability
        self.recollectProbability = recollectProbability
        self.maxAttempts = maxAttempts
    }
}

/// An indication (disease) with its product and its time to progression or death.
public struct IndicationSpec: Sendable {
    public var name: String
    /// Product given for this indication.
    public var product: String
    /// Time from referral to progression or death that ends the pathway if it comes
    /// before lymphodepletion (seconds); nil means no dropout.
    public var timeToDropout: Distribution?
    /// Probability that a patient receives bridging therapy after collection.
    public var bridgingProbability: Double
    /// Factor (≥ 1) by which bridging lengthens the remaining time to dropout.
    public var bridgingFactor: Double

    public init(name: String, product: String, timeToDropout: Distribution?, bridgingProbability: Double,
                bridgingFactor: Double) {
        self.name = name
        self.product = product
        self.timeToDropout = timeToDropout
        self.bridgingProbability = bridgingProbability
        self.bridgingFactor = bridgingFactor
    }
}
