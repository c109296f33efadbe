import SimKernel
import ScenarioFile
import OutputSchema

/// The cost ledger of one replication: money spent in the window from the warm-up to the
/// horizon, by site and category, at the prices of the scenario's `costs` section. An
/// observer of the pathway: it charges each priced step when it happens (a collection when
/// it starts, a batch when its suite is granted, a post-infusion stay in full when it
/// starts), and the fixed costs of every site (per day, and per suite and per lot of QC
/// capacity installed, and each person-hour of staff on shift) for the window's length. Steps after the horizon, in the cohort's
/// follow-up, are not charged. Names and definitions: `docs/output-reference.md`, "Costs".
final class CostLedger: PathwayObserver {
    /// What money is spent on (the `<category>_cost` KPIs).
    enum Category: String, CaseIterable {
        /// Fixed costs: per site per day, per suite-day and per QC capacity-day.
        case facility
        case collection
        case freezing
        /// Batches started on a suite.
        case manufacturing
        /// Materials of the batches started.
        case materials
        /// QC tests of lots, retests included.
        case qc
        /// Courier shipments.
        case logistics
        /// Post-infusion bed-days and ICU-days.
        case hospital
        /// Lots out of specification, material lost, batches scrapped.
        case losses
        /// Patients whose pathway ended without an infusion.
        case untreated
        /// Staff on shift (only where a plant has staff pools).
        case staff
    }

    private let spec: CostSpec
    private let siteNames: [String]
    private let windowStart: SimTime
    private let windowEnd: SimTime
    /// Suites of each plant (by site id), to know a suite grant from other grants.
    private let suitePlants: [ObjectIdentifier: Int]
    /// Money by site id and category.
    private var spent: [[Double]]
    /// Patients whose current starting material is frozen.
    private var frozen: Set<Int> = []
    private(set) var infusions = 0

    /// Whether the scenario has staff pools (the `staff_cost` KPI).
    private let hasStaff: Bool

    /// - Parameter staffHours: person-hours each plant's staff are on shift in the window, by site id.
    init(scenario: ScenarioDescription, spec: CostSpec, suites: [(resource: Resource, site: Int)],
         staffHours: [(site: Int, hours: Double)]) {
        self.spec = spec
        hasStaff = !staffHours.isEmpty
        siteNames = PathwaySites(scenario).names
        windowStart = scenario.simulation.warmup
        windowEnd = scenario.simulation.horizon
        suitePlants = Dictionary(uniqueKeysWithValues: suites.map { (ObjectIdentifier($0.resource), $0.site) })
        spent = Array(repeating: Array(repeating: 0, count: Category.allCases.count), count: siteNames.count)
        let days = Double(windowEnd - windowStart) / Double(Ticks.day)
        for (site, prices) in spec.sites.enumerated() {
            charge(prices.fixedPerDay * days, .facility, at: site)
        }
        for (index, plant) in scenario.plants.enumerated() {
            let site = scenario.centres.count + index, prices = spec.sites[site]
            charge((prices.suiteDay * Double(plant.suites) + prices.qcCapacityDay * Double(plant.qcCapacity)) * days,
                   .facility, at: site)
        }
        for (site, hours) in staffHours { charge(spec.sites[site].staffHour * hours, .staff, at: site) }
    }

    private func charge(_ amount: Double, _ category: Category, at site: Int) {
        guard amount != 0 else { return }
        spent[site][Self.index[category]!] += amount
    }

    private static let index = Dictionary(uniqueKeysWithValues: Category.allCases.enumerated().map { ($1, $0) })

    func observe(_ event: PathwayEvent) {
        trackFreezing(event)
        guard event.time >= windowStart, event.time < windowEnd else { return }
        let prices = spec.sites[event.site]
        switch event.kind {
        case .started:
            switch event.stage {
            case .apheresis: charge(prices.collection, .collection, at: event.site)
            case .freezing: charge(prices.freezing, .freezing, at: event.site)
            case .qcTesting: charge(prices.qcTest, .qc, at: event.site)
            case .postInfusion:
                let stay = Double(event.duration ?? 0) / Double(Ticks.day)
                let icu = Double(event.icuDuration ?? 0) / Double(Ticks.day)
                charge(prices.bedDay * stay + prices.icuDay * icu, .hospital, at: event.site)
            default: break
            }
        case .granted:
            guard let resource = event.resource, suitePlants[ObjectIdentifier(resource)] != nil else { return }
            charge(prices.batchStarted, .manufacturing, at: event.site)
            charge(prices.materialsPerBatch, .materials, at: event.site)
        case .departed:
            guard let destination = event.destination else { return }
            let costs = spec.shipment(from: siteNames[event.site], to: siteNames[destination])
            let cryopreserved = event.stage == .shippingToCentre || frozen.contains(event.patient)
            charge(cryopreserved ? costs.cryopreserved : costs.fresh, .logistics, at: event.site)
        case .lotDecided:
            if event.lot != .inSpecification { charge(prices.failedLot, .losses, at: event.site) }
        case .materialLost, .batchScrapped:
            charge(prices.lostMaterial, .losses, at: event.site)
        case .ended:
            if event.outcome == .infused {
                infusions += 1
            } else {
                charge(spec.untreatedPatient, .untreated, at: event.centre)
            }
        default: break
        }
    }

    /// Starting material is frozen from the end of its cryopreservation until the next collection.
    private func trackFreezing(_ event: PathwayEvent) {
        switch (event.kind, event.stage) {
        case (.finished, .freezing): frozen.insert(event.patient)
        case (.started, .apheresis): frozen.remove(event.patient)
        case (.ended, _) where event.outcome != .infused: frozen.remove(event.patient)
        case (.discharged, _): frozen.remove(event.patient)
        default: break
        }
    }

    /// The ledger's KPIs: the total, per infused patient, per year, by category and by site.
    func kpis() -> [(String, Double)] {
        let total = spent.joined().reduce(0, +)
        let years = Double(windowEnd - windowStart) / Double(365 * Ticks.day)
        var kpis: [(String, Double)] = [
            ("total_cost", total),
            ("per_infused_patient_cost", infusions > 0 ? total / Double(infusions) : .nan),
            ("annual_cost", years > 0 ? total / years : .nan),
        ]
        for (index, category) in Category.allCases.enumerated() where category != .staff || hasStaff {
            kpis.append(("\(category.rawValue)_cost", spent.reduce(0) { $0 + $1[index] }))
        }
        for (site, name) in siteNames.enumerated() {
            kpis.append(("\(ResourceID.normalised(name))_site_cost", spent[site].reduce(0, +)))
        }
        return kpis
    }
}
