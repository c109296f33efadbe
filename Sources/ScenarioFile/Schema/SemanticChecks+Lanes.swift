/// The lanes material needs: from each centre to its plant (directly or through its hub)
/// and back; no plant without a lane into it; no lane written twice.
extension SemanticChecks {
    func checkLanes() {
        checkDuplicateLanes()
        guard draft.lanes.lanes != nil else { return }
        for demand in demands {
            for need in neededLanes(demand) where !draft.lanes.exists(from: need.origin, to: need.destination) {
                demand.centre.entry.report("no lane from '\(need.origin)' to '\(need.destination)'; \(need.reason)")
            }
        }
        let inbound = inboundPlants()
        for plant in draft.sites.plants where !inbound.any && !inbound.plants.contains(plant.name) {
            plant.entry.report("plant '\(plant.name)' is unreachable: no lane leads to it")
        }
    }

    /// A lane a centre's material needs, and why.
    private struct NeededLane {
        let origin: String
        let destination: String
        let reason: String
    }

    /// The lanes a centre's material needs: to the plant of each product (from the centre, or
    /// through its hub for cryopreserved material), back from each of those plants, and with
    /// `shortest_expected_wait` back from every other plant its material can reach.
    private func neededLanes(_ demand: CentreDemand) -> [NeededLane] {
        let centre = demand.name
        var needs: [NeededLane] = []
        func need(_ origin: String, _ destination: String, _ reason: String) {
            guard !needs.contains(where: { $0.origin == origin && $0.destination == destination }) else { return }
            needs.append(NeededLane(origin: origin, destination: destination, reason: reason))
        }
        // Each product's material goes to its own plant: from the centre, or frozen at the hub.
        let routes = demand.products.map {
            (plant: demand.centre.spec.plant(for: $0.name), viaHub: demand.hub != nil && $0.material == .cryopreserved)
        }
        for route in routes {
            if let hub = demand.hub, route.viaHub {
                need(centre, hub, "material from \(centre) is frozen at \(hub)")
                need(hub, route.plant, "material from \(centre) frozen at \(hub) must reach its plant")
            } else {
                need(centre, route.plant, "material from \(centre) must reach its plant")
            }
        }
        for plant in demand.plants {
            need(plant, centre, "products made for \(centre) at its plant must return to it")
        }
        let plant = demand.centre.spec.plant
        if draft.routing == .shortestExpectedWait {
            let reachable = draft.lanes.leaving(demand.origins).filter { lane in
                draft.names.siteKinds[lane.destination] == .plant && lane.destination != plant
            }.map(\.destination)
            for other in reachable where !needs.contains(where: { $0.origin == other && $0.destination == centre }) {
                needs.append(NeededLane(
                    origin: other, destination: centre,
                    reason: "routing shortest_expected_wait may have products for \(centre) made at \(other), "
                        + "and they must return"))
            }
        }
        return needs
    }

    /// The sites a lane from a centre or a hub (or from a site that failed to decode) may
    /// lead to: `plants`, or any site when such a lane's destination failed to decode.
    private func inboundPlants() -> (plants: Set<String>, any: Bool) {
        let inbound = (draft.lanes.lanes ?? []).filter { lane in lane.origin.map { draft.names.siteKinds[$0] != .plant } ?? true }
        return (Set(inbound.compactMap(\.destination)), inbound.contains { $0.destination == nil })
    }

    /// A lane from one site to another may be written once (a `return: true` counts).
    private func checkDuplicateLanes() {
        var first: [String: DecodedLane] = [:]
        for (origin, destination, lane) in draft.lanes.definite {
            let key = "\(origin)\u{0}\(destination)"
            if let earlier = first[key] {
                lane.anchor.report("duplicate lane from '\(origin)' to '\(destination)'; \(earlier.name) "
                    + "already defines it")
            } else {
                first[key] = lane
            }
        }
    }
}
