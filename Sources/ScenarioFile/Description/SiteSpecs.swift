import SimKernel
import SimRandom

/// Referral rate for a period starting at `from` (seconds since start), per day.
public struct RatePeriod: Sendable {
    public var from: SimTime
    public var perDay: Double
    public init(from: SimTime, perDay: Double) {
        self.from = from
        self.perDay = perDay
    }
}

/// A treatment centre: referrals, leukapheresis, optional freezer, beds.
public struct CentreSpec: Sendable {
    public var name: String
    /// Referral rates by period (sorted by `from`, first at 0).
    public var referrals: [RatePeriod]
    /// Indication shares at this centre (names and weights summing to 1).
    public var indicationMix: [(indication: String, share: Double)]
    /// Referral → apheresis: consult, eligibility, slot booking (seconds).
    public var referralToApheresis: Distribution
    /// Apheresis chairs.
    public var apheresisChairs: Int
    /// Chairs that change over time, in time order (`apheresisChairs` holds until the first).
    public var capacityChanges: [CapacityChange] = []
    /// Calendar of the apheresis unit: procedures start while it is open and, unless
    /// `apheresisMayRunOver`, only when they end before it closes.
    public var apheresisCalendar: String
    /// Whether a collection may run past the unit's closing time.
    public var apheresisMayRunOver = false
    /// Procedure time (seconds).
    public var apheresisDuration: Distribution
    /// Probability that a collection must be repeated (insufficient cells), next opening day.
    public var repeatCollectionProbability: Double
    /// Where cryopreserved material is frozen: nil = at this centre, else a hub's name.
    public var cryopreservationHub: String?
    /// Freezer at the centre (used when the product is cryopreserved and no hub is named).
    public var freezer: FreezerSpec?
    /// Assigned manufacturing plant.
    public var plant: String
    /// Products made at another plant than `plant`, by product name (`plant_by_product`).
    public var plantByProduct: [String: String] = [:]

    /// The plant assigned to make `product` for this centre.
    public func plant(for product: String) -> String { plantByProduct[product] ?? plant }
    /// Time from product arrival to the start of lymphodepletion (seconds).
    public var lymphodepletionScheduling: Distribution
    /// Beds for infusion and post-infusion stay.
    public var beds: Int
    /// Post-infusion stay in a bed (seconds).
    public var postInfusionStay: Distribution
    /// Share of infused patients who need ICU.
    public var icuProbability: Double
    /// ICU stay, added to the bed stay (seconds).
    public var icuStay: Distribution

    public init(name: String, referrals: [RatePeriod], indicationMix: [(indication: String, share: Double)],
                referralToApheresis: Distribution, apheresisChairs: Int, apheresisCalendar: String,
                apheresisDuration: Distribution, repeatCollectionProbability: Double, cryopreservationHub: String?,
                freezer: FreezerSpec?, plant: String, lymphodepletionScheduling: Distribution, beds: Int,
                postInfusionStay: Distribution, icuProbability: Double, icuStay: Distribution) {
        self.name = name
        self.referrals = referrals
        self.indicationMix = indicationMix
        self.referralToApheresis = referralToApheresis
        self.apheresisChairs = apheresisChairs
        self.apheresisCalendar = apheresisCalendar
        self.apheresisDuration = apheresisDuration
        self.repeatCollectionProbability = repeatCollectionProbability
        self.cryopreservationHub = cryopreservationHub
        self.freezer = freezer
        self.plant = plant
        self.lymphodepletionScheduling = lymphodepletionScheduling
        self.beds = beds
        self.postInfusionStay = postInfusionStay
        self.icuProbability = icuProbability
        self.icuStay = icuStay
    }
}

/// Controlled-rate freezers for starting material.
public struct FreezerSpec: Sendable {
    public var capacity: Int
    public var calendar: String
    /// Freezing time per bag (seconds).
    public var duration: Distribution
    /// Whether freezing may run past the calendar's closing time (otherwise it starts only
    /// when it can end before closing).
    public var mayRunOver: Bool
    public init(capacity: Int, calendar: String, duration: Distribution, mayRunOver: Bool = false) {
        self.capacity = capacity
        self.calendar = calendar
        self.duration = duration
        self.mayRunOver = mayRunOver
    }
}

/// A cryopreservation hub that freezes fresh material from centres before it goes on.
public struct HubSpec: Sendable {
    public var name: String
    public var freezer: FreezerSpec
    public init(name: String, freezer: FreezerSpec) {
        self.name = name
        self.freezer = freezer
    }
}

/// Order in which a plant's suites take waiting lots.
public enum SuiteDiscipline: String, Sendable, CaseIterable {
    /// First come, first served.
    case fifo
    /// The patient referred earliest goes first.
    case earliestReferral = "earliest_referral"
}

/// A manufacturing plant.
public struct PlantSpec: Sendable {
    public var name: String
    /// Receipt and inspection of incoming material (seconds).
    public var intake: Distribution
    /// Manufacturing suites (one batch each).
    public var suites: Int
    /// Calendar on which a batch may start.
    public var suiteCalendar: String
    public var discipline: SuiteDiscipline
    /// Concurrent lots the QC lab can test.
    public var qcCapacity: Int
    /// Calendar on which QC testing of a lot may start.
    public var qcCalendar: String
    /// Calendar of QA/QP release work.
    public var qaCalendar: String
    /// The manufacturer's slots at this plant, if its capacity is allocated to centres.
    public var slots: SlotSpec?
    /// Cleaning, maintenance, failures and contamination of the suites, if any.
    public var downtime: SuiteDowntimeSpec?
    /// QC tests invalid for lab reasons and repeated, if any.
    public var qcRetests: QCRetestSpec?
    /// Suites and QC capacity that change over time, in time order (`suites` and
    /// `qcCapacity` hold until the first).
    public var capacityChanges: [CapacityChange] = []
    /// The products the plant makes (`products`); nil: every product.
    public var products: [String]?
    /// QC testing time of every lot tested here (seconds), replacing its product's; nil: the product's.
    public var qcDuration: Distribution?

    /// Whether the plant makes `product`.
    public func makes(_ product: String) -> Bool { products?.contains(product) ?? true }
    /// Staff pools on shifts and the tasks they do, in file order; none: work needs no staff.
    public var staff: [StaffPoolSpec] = []
    /// Consumables batches take, in file order; none: batches need no stock.
    public var stock: [StockItemSpec] = []

    public init(name: String, intake: Distribution, suites: Int, suiteCalendar: String, discipline: SuiteDiscipline,
                qcCapacity: Int, qcCalendar: String, qaCalendar: String) {
        self.name = name
        self.intake = intake
        self.suites = suites
        self.suiteCalendar = suiteCalendar
        self.discipline = discipline
        self.qcCapacity = qcCapacity
        self.qcCalendar = qcCalendar
        self.qaCalendar = qaCalendar
    }
}

/// A courier lane from one site to another.
public struct LaneSpec: Sendable {
    public var origin: String
    public var destination: String
    /// Door-to-door transit time (seconds).
    public var transit: Distribution
    /// Weekdays with a pickup (0 = Monday).
    public var pickupDays: Set<Int>
    /// Daily cut-off (seconds after midnight): material ready by it leaves at the cut-off,
    /// later material waits for the next pickup day. nil = courier on demand: material leaves
    /// as soon as it is ready on a pickup day (at 00:00 of the next pickup day otherwise).
    public var cutoff: SimTime?
    /// Days without pickups (day numbers, on the origin site's clock).
    public var holidays: Set<Int>
    /// Probability that a shipment is lost or has a temperature excursion.
    public var lossProbability: Double

    public init(origin: String, destination: String, transit: Distribution, pickupDays: Set<Int>, cutoff: SimTime?,
                holidays: Set<Int> = [], lossProbability: Double) {
        self.holidays = holidays
        self.origin = origin
        self.destination = destination
        self.transit = transit
        self.pickupDays = pickupDays
        self.cutoff = cutoff
        self.lossProbability = lossProbability
    }
}
