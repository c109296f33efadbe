import Foundation
import SimKernel
import ScenarioFile
import OutputSchema

/// The load a scenario offers one of its resources: the work arriving per day ÷ the work its
/// units can do per day, at each centre's highest referral rate, from the mean durations and
/// around the clock (calendars not counted). At 1 or more, work arrives at least as fast as
/// the resource could do it even if it never closed: its queue grows for as long as the rate
/// lasts, and the network cannot keep up.
///
/// Counted: apheresis chairs (collections, repeats included), beds (post-infusion and ICU
/// stays), manufacturing suites (the manufacturing steps of one lot per patient) and QC labs
/// (one test per lot). With `routing: shortest_expected_wait` the plants share the lots, so
/// their suites and their QC labs are each taken as one pool. Where the centre's plant
/// allocates slots, no more patients go on than the centre's slots per day (a pooled plant's
/// slots shared in proportion to its centres' referral rates; a month taken as 365.25/12 days).
public struct OfferedLoad: Sendable {
    /// The resource, as `resources.csv` names it (`plant_west_suites`; pooled resources
    /// joined by ` + `).
    public let resource: String
    /// Work offered per day ÷ capacity (units); dimensionless.
    public let load: Double
    /// How `load` was found: `2.5 lots/day × 8.6 d ÷ 16 suites`.
    public let detail: String

    /// The warning printed for a load of 1 or more.
    public var warning: String {
        "cartsim: warning: offered load \(Self.format(load)) at \(resource) (\(detail)): work arrives faster than it "
            + "can be done, so its queue grows for as long as that lasts"
    }

    /// The loads of every resource with demand, centres first (file order), then plants.
    public static func of(_ scenario: ScenarioDescription) -> [OfferedLoad] {
        let products = Dictionary(scenario.products.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let productOf = Dictionary(scenario.indications.map { ($0.name, $0.product) }, uniquingKeysWith: { first, _ in first })
        let plantSpecs = Dictionary(scenario.plants.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var loads: [OfferedLoad] = []
        var plantWork: [String: (lots: Double, suiteDays: Double, qcDays: Double)] = [:]
        for centre in scenario.centres {
            let referrals = centre.referrals.map(\.perDay).max() ?? 0
            guard referrals > 0 else { continue }
            let rate = min(referrals, slotRate(of: centre, in: scenario) ?? .infinity)
            let collections = rate / (1 - centre.repeatCollectionProbability)
            loads.append(OfferedLoad(site: centre.name, pool: "apheresis_chairs", rate: collections, unit: "collections",
                                     days: days(centre.apheresisDuration.mean), capacity: centre.apheresisChairs,
                                     units: "chairs"))
            let stay = days(centre.postInfusionStay.mean) + centre.icuProbability * days(centre.icuStay.mean)
            loads.append(OfferedLoad(site: centre.name, pool: "beds", rate: rate, unit: "infusions", days: stay,
                                     capacity: centre.beds, units: "beds"))
            // Each indication's lots go to the plant assigned to its product, with that plant's QC time.
            for item in centre.indicationMix {
                guard let product = productOf[item.indication].flatMap({ products[$0] }) else { continue }
                let assigned = centre.plant(for: product.name)
                let suite = product.manufacturingSteps.reduce(0) { $0 + days($1.duration.mean) }
                let qc = days((plantSpecs[assigned]?.qcDuration ?? product.qcDuration).mean)
                let plant = scenario.routing == .assigned ? assigned : "", lots = rate * item.share
                let work = plantWork[plant] ?? (0, 0, 0)
                plantWork[plant] = (work.lots + lots, work.suiteDays + lots * suite, work.qcDays + lots * qc)
            }
        }
        let pools: [(key: String, plants: [PlantSpec])] = scenario.routing == .assigned
            ? scenario.plants.map { ($0.name, [$0]) } : [("", scenario.plants)]
        for (key, plants) in pools {
            guard let work = plantWork[key], work.lots > 0 else { continue }
            let names = plants.map(\.name)
            loads.append(OfferedLoad(sites: names, pool: "suites", rate: work.lots, unit: "lots",
                                     days: work.suiteDays / work.lots, capacity: plants.reduce(0) { $0 + $1.suites },
                                     units: "suites"))
            loads.append(OfferedLoad(sites: names, pool: "qc_lab", rate: work.lots, unit: "lots",
                                     days: work.qcDays / work.lots, capacity: plants.reduce(0) { $0 + $1.qcCapacity },
                                     units: "QC places"))
        }
        return loads
    }

    private init(site: String, pool: String, rate: Double, unit: String, days: Double, capacity: Int, units: String) {
        self.init(sites: [site], pool: pool, rate: rate, unit: unit, days: days, capacity: capacity, units: units)
    }

    /// `rate` arrivals (`unit`) per day, each taking `days` of one of `capacity` units.
    private init(sites: [String], pool: String, rate: Double, unit: String, days: Double, capacity: Int, units: String) {
        resource = sites.map { ResourceID.of(site: $0, pool: pool) }.joined(separator: " + ")
        load = rate * days / Double(capacity)
        detail = "\(Self.format(rate)) \(unit)/day × \(Self.format(days)) d ÷ \(capacity) \(units)"
    }

    private static func days(_ seconds: Double) -> Double { seconds / Double(Ticks.day) }

    /// The slots per day of a centre whose plant allocates slots; nil otherwise.
    private static func slotRate(of centre: CentreSpec, in scenario: ScenarioDescription) -> Double? {
        guard let slots = scenario.plants.first(where: { $0.name == centre.plant })?.slots else { return nil }
        let periodDays = slots.period == .week ? 7 : 365.25 / 12
        switch slots.allocation {
        case .quota(let quotas): return Double(quotas[centre.name] ?? 0) / periodDays
        case .share(let shares): return (shares[centre.name] ?? 0) * Double(slots.capacity) / periodDays
        case .pooled:
            let rate = { (c: CentreSpec) in c.referrals.map(\.perDay).max() ?? 0 }
            let total = scenario.centres.filter { $0.plant == centre.plant }.reduce(0) { $0 + rate($1) }
            return total > 0 ? Double(slots.capacity) / periodDays * rate(centre) / total : 0
        }
    }

    /// Two decimals: `1.35`, `inf`.
    static func format(_ value: Double) -> String {
        value.isFinite ? String(format: "%.2f", value) : "\(value)"
    }
}
