/// The prices of the cost ledger (the scenario's `costs:` section), in the scenario's
/// currency: every amount is money per unit named by the field (per day, per batch, per
/// shipment). Reference: `Scenarios/README.md`, "Costs".
public struct CostSpec: Sendable, Equatable {
    /// The currency of every amount (a label only: `USD`, `EUR`).
    public var currency: String
    /// Charged for each patient whose pathway ends without an infusion (a trade-off weight).
    public var untreatedPatient: Double
    /// Prices by site, in site-id order (centres, then plants, then hubs, each in file order).
    public var sites: [SiteCosts]
    /// A courier shipment by mode on lanes without prices of their own.
    public var shipments: ShipmentCosts
    /// Lanes with their own prices: origin and destination site names.
    public var lanes: [LaneCosts]

    public init(currency: String, untreatedPatient: Double, sites: [SiteCosts], shipments: ShipmentCosts,
                lanes: [LaneCosts]) {
        self.currency = currency
        self.untreatedPatient = untreatedPatient
        self.sites = sites
        self.shipments = shipments
        self.lanes = lanes
    }

    /// The prices of a shipment from `origin` to `destination` (site names).
    public func shipment(from origin: String, to destination: String) -> ShipmentCosts {
        lanes.first { $0.origin == origin && $0.destination == destination }?.costs ?? shipments
    }
}

/// The prices charged at one site; a field a site's kind has no use for stays 0.
public struct SiteCosts: Sendable, Equatable {
    /// Capital charge and fixed operating cost, per calendar day.
    public var fixedPerDay = 0.0
    /// Each apheresis collection started (centres).
    public var collection = 0.0
    /// Each cryopreservation started (centres and hubs with a freezer).
    public var freezing = 0.0
    /// Each day of a post-infusion stay (centres).
    public var bedDay = 0.0
    /// Each day of an ICU stay, on top of `bedDay` (centres).
    public var icuDay = 0.0
    /// Each manufacturing suite, per calendar day, used or not (plants).
    public var suiteDay = 0.0
    /// Each lot of QC capacity, per calendar day, used or not (plants).
    public var qcCapacityDay = 0.0
    /// Each batch started on a suite (plants).
    public var batchStarted = 0.0
    /// Materials (vector, reagents, consumables) of each batch started (plants).
    public var materialsPerBatch = 0.0
    /// Each person-hour a staff pool is on shift (head count × hours its shift calendar is
    /// open), busy or not (plants with staff).
    public var staffHour = 0.0
    /// Each QC test of a lot, retests included (plants).
    public var qcTest = 0.0
    /// Each lot decided out of specification (plants).
    public var failedLot = 0.0
    /// Each loss of material here: lost in transit to this site, past its fresh hold time,
    /// or a batch scrapped after a suite failure or contamination.
    public var lostMaterial = 0.0

    public init() {}
}

/// The price of one courier shipment by the state of what it carries.
public struct ShipmentCosts: Sendable, Equatable {
    /// Unfrozen starting material.
    public var fresh: Double
    /// Frozen starting material, and every finished product.
    public var cryopreserved: Double

    public init(fresh: Double, cryopreserved: Double) {
        self.fresh = fresh
        self.cryopreserved = cryopreserved
    }
}

/// A lane's own shipment prices.
public struct LaneCosts: Sendable, Equatable {
    public var origin: String
    public var destination: String
    public var costs: ShipmentCosts

    public init(origin: String, destination: String, costs: ShipmentCosts) {
        self.origin = origin
        self.destination = destination
        self.costs = costs
    }
}
