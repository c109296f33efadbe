import SimKernel

/// Fresh material that can never arrive in time: a lane whose shortest transit (plus, into a
/// plant, the shortest intake) exceeds the product's `fresh_hold_time` would lose every lot.
extension SemanticChecks {
    func checkFreshHold() {
        let products = Dictionary(draft.products.map { ($0.name, $0.spec) }, uniquingKeysWith: { first, _ in first })
        let intakes = Dictionary(draft.sites.plants.map { ($0.name, $0.spec.intake) }, uniquingKeysWith: { first, _ in first })
        for demand in demands where demand.hasReferrals {
            for (name, material) in demand.products {
                guard let product = products[name] else { continue }
                // Fresh products ship fresh to a plant; cryopreserved ones ship fresh to the hub.
                let legs = material == .fresh ? freshPlantLegs(demand, product: name)
                    : (demand.hub.map { [(origin: demand.name, destination: $0)] } ?? [])
                for leg in legs {
                    guard let lane = draft.lanes.first(from: leg.origin, to: leg.destination), let spec = lane.spec
                    else { continue }
                    let transit = spec.transit.quantile(0)
                    let intake = intakes[leg.destination].map { $0.quantile(0) } ?? 0
                    let shortest = transit + intake
                    guard shortest > Double(product.freshHoldTime) else { continue }
                    let intakeNote = intake > 0 ? " plus an intake of at least \(Self.hours(intake))" : ""
                    (lane.anchor.child("transit") ?? lane.anchor).report(
                        "fresh material of product '\(name)' from \(leg.origin) can never reach \(leg.destination) within "
                        + "its fresh_hold_time of \(Self.hours(Double(product.freshHoldTime))): the shortest transit is "
                        + "\(Self.hours(transit))\(intakeNote), so every lot would be lost")
                }
            }
        }
    }

    /// The lanes fresh material of `product` from `demand` takes to a plant: to the plant
    /// assigned to the product, and with `shortest_expected_wait` to every plant a lane from
    /// the centre reaches.
    private func freshPlantLegs(_ demand: CentreDemand, product: String) -> [(origin: String, destination: String)] {
        let assigned = demand.centre.spec.plant(for: product)
        var plants = [assigned]
        if draft.routing == .shortestExpectedWait {
            plants += draft.lanes.leaving([demand.name]).filter { draft.names.siteKinds[$0.destination] == .plant }
                .map(\.destination).filter { $0 != assigned }
        }
        return plants.map { (demand.name, $0) }
    }

    /// `50h`, `1.5h`, in hours.
    private static func hours(_ seconds: Double) -> String {
        Units.format(seconds / Double(Ticks.hour)) + "h"
    }
}
