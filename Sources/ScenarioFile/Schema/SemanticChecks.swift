/// The checks across sections, made once every section is decoded: capacity where there is
/// demand, calendars that never open, the lanes material needs, and fresh material that
/// could never arrive within its hold time. Each problem is
/// reported at the node that causes it.
///
/// Only items that decoded take part, so a check never reports a consequence of a problem
/// already reported (an item that failed to decode neither demands nor offers anything);
/// fixing those problems may reveal further ones.
struct SemanticChecks {
    let draft: ScenarioDraft
    /// One per decoded centre, in file order.
    let demands: [CentreDemand]
    /// The centres with referrals that send material to each hub to be frozen.
    let hubUsers: [String: [String]]
    /// The centres with referrals whose material may be made at each plant.
    let plantSenders: [String: [String]]

    init(draft: ScenarioDraft) {
        self.draft = draft
        let materials = Dictionary(draft.products.map { ($0.name, $0.spec.startingMaterial) },
                                   uniquingKeysWith: { first, _ in first })
        let productOfIndication = Dictionary(draft.indications.map { ($0.name, $0.spec.product) },
                                             uniquingKeysWith: { first, _ in first })
        demands = draft.sites.centres.map { centre in
            let indications = centre.spec.indicationMix.filter { $0.share > 0 }.map(\.indication)
            let used = indications.compactMap { productOfIndication[$0] }
            return CentreDemand(centre: centre, products: used.compactMap { product in
                materials[product].map { (product, $0) }
            })
        }
        let active = demands.filter(\.hasReferrals)
        var hubUsers: [String: [String]] = [:]
        for demand in active where demand.shipsViaHub {
            if let hub = demand.hub { hubUsers[hub, default: []].append(demand.name) }
        }
        self.hubUsers = hubUsers
        var plantSenders: [String: [String]] = [:]
        for demand in active {
            var plants = demand.plants
            if draft.routing == .shortestExpectedWait {
                plants += draft.lanes.leaving(demand.origins).map(\.destination).filter { draft.names.siteKinds[$0] == .plant }
            }
            for plant in Set(plants) { plantSenders[plant, default: []].append(demand.name) }
        }
        self.plantSenders = plantSenders
    }

    /// Runs every check, reporting into the readers' sink.
    func run() {
        checkCapacities()
        checkCalendars()
        checkLanes()
        checkFreshHold()
        checkSlots()
        checkCostLanes()
        checkStaffTasks()
        checkProductRouting()
    }

    /// Every lane priced in `costs.shipments.lanes` is a lane of the scenario.
    private func checkCostLanes() {
        for (costs, reader) in draft.costs?.lanes ?? [] where !draft.lanes.exists(from: costs.origin, to: costs.destination) {
            reader.reader.report("no lane from '\(costs.origin)' to '\(costs.destination)' is defined in 'lanes'")
        }
    }
}
