import SimKernel
import SimRandom
import ScenarioFile

// The runtime side of each scenario element during one replication: its resources and
// random inputs. Classes, so that the pathway's closures share one instance instead of
// copying a dozen references per event.

/// A treatment centre during one replication.
final class CentreRuntime {
    let spec: CentreSpec
    let chairs: Resource
    let freezer: Resource?
    let beds: Resource
    /// Beds booked ahead for infusions and their stays.
    var bedBook: ReservationBook
    /// How long bookings put infusion off for want of a bed (seconds), since the warm-up.
    var bedBookingWaits = Tally()
    let referralInterval: RandomStream
    let indicationChoice: WeightedChoice
    let indicationStream: RandomStream
    let consult: RandomInput
    let apheresis: RandomInput
    let repeatCollection: RandomEvent
    let freezing: RandomInput?
    /// The freezing time of this centre's material at its hub (the hub's distribution, on
    /// this centre's stream).
    let hubFreezing: RandomInput?
    let lymphodepletionScheduling: RandomInput
    let postInfusionStay: RandomInput
    let icu: RandomEvent
    let icuStay: RandomInput
    /// Index of the plant assigned to make each product (by product index).
    let plantOfProduct: [Int]
    /// Index of the hub that freezes this centre's material, if any.
    let hub: Int?

    init(_ spec: CentreSpec, in model: PathwayReplication) throws {
        let c = "centre.\(spec.name)"
        self.spec = spec
        chairs = Resource(name: "\(spec.name).apheresis_chairs", capacity: spec.apheresisChairs,
                          gate: model.calendar(spec.apheresisCalendar, at: spec.name), workFitsGate: !spec.apheresisMayRunOver,
                          in: model.simulation)
        freezer = spec.freezer.map {
            Resource(name: "\(spec.name).freezer", capacity: $0.capacity, gate: model.calendar($0.calendar, at: spec.name),
                     workFitsGate: !$0.mayRunOver, in: model.simulation)
        }
        beds = Resource(name: "\(spec.name).beds", capacity: spec.beds, in: model.simulation)
        // The book knows every change before the horizon, so bookings ahead see the beds to come.
        bedBook = ReservationBook(capacity: spec.beds, changes: spec.capacityChanges.filter {
            $0.pool == .beds && $0.from < model.scenario.simulation.horizon
        }.map { ($0.from, $0.capacity) })
        referralInterval = model.stream("\(c).referrals")
        let mixIndices = spec.indicationMix.map { entry in
            model.scenario.indications.firstIndex { $0.name == entry.indication }!
        }
        indicationChoice = try WeightedChoice(labels: mixIndices.map(String.init), weights: spec.indicationMix.map(\.share))
        indicationStream = model.stream("\(c).indication")
        consult = model.input(spec.referralToApheresis, "\(c).referral_to_apheresis")
        apheresis = model.input(spec.apheresisDuration, "\(c).apheresis")
        repeatCollection = model.event(spec.repeatCollectionProbability, "\(c).repeat_collection")
        freezing = spec.freezer.map { model.input($0.duration, "\(c).freezing") }
        lymphodepletionScheduling = model.input(spec.lymphodepletionScheduling, "\(c).lymphodepletion_scheduling")
        postInfusionStay = model.input(spec.postInfusionStay, "\(c).post_infusion_stay")
        icu = model.event(spec.icuProbability, "\(c).icu")
        icuStay = model.input(spec.icuStay, "\(c).icu_stay")
        plantOfProduct = model.scenario.products.map { product in
            model.scenario.plants.firstIndex { $0.name == spec.plant(for: product.name) }!
        }
        hub = spec.cryopreservationHub.flatMap { name in model.scenario.hubs.firstIndex { $0.name == name } }
        hubFreezing = hub.map { model.input(model.scenario.hubs[$0].freezer.duration, "\(c).hub_freezing") }
    }
}

/// A manufacturing plant during one replication.
final class PlantRuntime {
    let spec: PlantSpec
    let suites: Resource
    let qcLab: Resource
    let qaCalendar: WorkCalendar
    let intake: RandomInput
    /// Cleaning, maintenance, failures and contamination of the suites, if the plant has any.
    let downtime: SuiteDowntime?
    /// The plant's own QC testing time, by the patient's centre (each centre's own stream),
    /// where it replaces the product's.
    let qc: [RandomInput]?
    /// Invalid QC assays and their retests, if the plant has them.
    let qcRetests: QCRetests?
    /// Suites installed now (`capacity_changes`), in service or not.
    var installedSuites: Int
    /// Staff pools and the tasks that need them, if the plant has staff.
    let staff: PlantStaff?
    /// Consumables in stock, in file order.
    let stock: [PlantStock]
    /// By product index: the stock items (indices into `stock`) a batch of it takes, in order.
    let stockOfProduct: [[Int]]

    init(_ spec: PlantSpec, in model: PathwayReplication) {
        self.spec = spec
        suites = Resource(name: "\(spec.name).suites", capacity: spec.suites, gate: model.calendar(spec.suiteCalendar, at: spec.name),
                          in: model.simulation)
        qcLab = Resource(name: "\(spec.name).qc_lab", capacity: spec.qcCapacity, gate: model.calendar(spec.qcCalendar, at: spec.name),
                         in: model.simulation)
        qaCalendar = model.calendar(spec.qaCalendar, at: spec.name)
        intake = model.input(spec.intake, "plant.\(spec.name).intake")
        downtime = spec.downtime.map { SuiteDowntime($0, plant: spec, in: model) }
        qcRetests = spec.qcRetests.map { QCRetests($0, plant: spec, in: model) }
        qc = spec.qcDuration.map { duration in
            model.scenario.centres.map { model.input(duration, "plant.\(spec.name).qc.\($0.name)") }
        }
        installedSuites = spec.suites
        staff = spec.staff.isEmpty ? nil : PlantStaff(spec, in: model)
        stock = spec.stock.map { PlantStock($0, plant: spec, in: model) }
        stockOfProduct = model.scenario.products.map { product in
            spec.stock.indices.filter { spec.stock[$0].isTaken(by: product.name) }
        }
    }
}

/// A cryopreservation hub during one replication.
final class HubRuntime {
    let spec: HubSpec
    let freezer: Resource

    init(_ spec: HubSpec, in model: PathwayReplication) {
        self.spec = spec
        freezer = Resource(name: "\(spec.name).freezer", capacity: spec.freezer.capacity,
                           gate: model.calendar(spec.freezer.calendar, at: spec.name), workFitsGate: !spec.freezer.mayRunOver,
                           in: model.simulation)
    }
}

/// A courier lane during one replication.
final class LaneRuntime {
    let spec: LaneSpec
    /// Site ids of its ends.
    let origin: Int
    let destination: Int
    let schedule: CourierSchedule
    let transit: RandomInput
    let loss: RandomEvent

    init(_ spec: LaneSpec, origin: Int, destination: Int, in model: PathwayReplication) {
        let name = "lane.\(spec.origin)>\(spec.destination)"
        self.spec = spec
        self.origin = origin
        self.destination = destination
        schedule = CourierSchedule(lane: spec, originDay: model.scenario.simulation.startDate.dayNumber,
                                   clock: model.scenario.clockShift(site: spec.origin))
        transit = model.input(spec.transit, "\(name).transit")
        loss = model.event(spec.lossProbability, "\(name).loss")
    }
}

/// A product during one replication: its spec and where its steps are recorded (its random
/// inputs are drawn per centre, `ProductDraws`).
final class ProductRuntime {
    let spec: ProductSpec
    /// The stage-statistics index of each manufacturing step, in order.
    let stageIndices: [Int]

    init(_ spec: ProductSpec, stageIndices: [Int]) {
        self.spec = spec
        self.stageIndices = stageIndices
    }
}

/// An indication during one replication (its random inputs are drawn per centre,
/// `IndicationDraws`).
final class IndicationRuntime {
    let spec: IndicationSpec
    let product: Int

    init(_ spec: IndicationSpec, in model: PathwayReplication) {
        self.spec = spec
        product = model.scenario.products.firstIndex { $0.name == spec.product }!
    }
}
