import OutputSchema
import SimKernel
import ScenarioFile

/// One cohort KPI of one group of patients in one replication (a row of `breakdowns.csv`
/// before it is summarised over replications): `by` is `product`, `indication`, `centre` or
/// `plant`, `group` the name of the product, indication, centre or plant.
public struct BreakdownValue: Sendable, Equatable {
    public let by: String
    public let group: String
    public let kpi: String
    /// NaN where undefined (no infused patient in the group).
    public let value: Double

    public init(by: String, group: String, kpi: String, value: Double) {
        self.by = by
        self.group = group
        self.kpi = kpi
        self.value = value
    }
}

/// The cohort's outcomes by product, indication, centre and plant: the patients referred in
/// the window whose pathway ended, grouped by each attribute (by plant: those whose material
/// was sent there, the plant of the last attempt), with the same definitions as the network's
/// KPIs of the same names (`docs/output-reference.md`, "breakdowns.csv").
struct BreakdownRecorder {
    /// The dimensions, in output order.
    static let dimensions = ["product", "indication", "centre", "plant"]
    /// The KPIs of each group, in output order (the last only with a vein-to-vein target).
    static let kpis = ["patients_referred", "patients_infused", "not_infused_fraction", "dropout_fraction",
                       "vein_to_vein_mean_days", "vein_to_vein_p50_days", "vein_to_vein_p90_days",
                       "referral_to_infusion_mean_days", "vein_to_vein_within_target_fraction"]

    private struct Group {
        var patients = 0, infused = 0, dropouts = 0, withinTarget = 0
        var veinToVein = Tally(), referralToInfusion = Tally()
    }

    /// Group names by dimension.
    private let names: [[String]]
    private var groups: [[Group]]
    private let target: Double?

    init(_ scenario: ScenarioDescription) {
        names = [scenario.products.map(\.name), scenario.indications.map(\.name), scenario.centres.map(\.name),
                 scenario.plants.map(\.name)]
        groups = names.map { Array(repeating: Group(), count: $0.count) }
        target = scenario.simulation.veinToVeinTargetDays
    }

    /// A cohort patient's pathway ended now; `veinToVein`, `referralToInfusion` in days if infused.
    mutating func ended(_ patient: Patient, veinToVein: Double?, referralToInfusion: Double?) {
        let indices = [patient.product, patient.indication, patient.centre, patient.routed ? patient.plant : nil]
        for (dimension, index) in indices.enumerated() {
            guard let index else { continue }
            // In place: a copy of the group would copy its tallies' values at every add.
            groups[dimension][index].patients += 1
            if case .dropout = patient.outcome { groups[dimension][index].dropouts += 1 }
            guard patient.outcome == .infused else { continue }
            groups[dimension][index].infused += 1
            if let days = veinToVein {
                groups[dimension][index].veinToVein.add(days)
                if let target, days <= target { groups[dimension][index].withinTarget += 1 }
            }
            if let days = referralToInfusion { groups[dimension][index].referralToInfusion.add(days) }
        }
    }

    /// Every KPI of every group, in dimension, group and KPI order.
    func values() -> [BreakdownValue] {
        var values: [BreakdownValue] = []
        for (dimension, by) in Self.dimensions.enumerated() {
            for (index, name) in names[dimension].enumerated() {
                let g = groups[dimension][index]
                func share(_ count: Int, of total: Int) -> Double { total > 0 ? Double(count) / Double(total) : .nan }
                let v2v = g.veinToVein
                var kpis: [Double] = [Double(g.patients), Double(g.infused), share(g.patients - g.infused, of: g.patients),
                                      share(g.dropouts, of: g.patients),
                                      v2v.count > 0 ? v2v.mean : .nan, v2v.count > 0 ? v2v.quantile(0.5) : .nan,
                                      v2v.count > 0 ? v2v.quantile(0.9) : .nan,
                                      g.referralToInfusion.count > 0 ? g.referralToInfusion.mean : .nan]
                if target != nil { kpis.append(share(g.withinTarget, of: g.infused)) }
                for (kpi, value) in zip(Self.kpis, kpis) {
                    values.append(BreakdownValue(by: by, group: name, kpi: kpi, value: value))
                }
            }
        }
        return values
    }
}
