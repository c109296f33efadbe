import OutputSchema
import SimKernel
import SimRandom
import ScenarioFile

extension PathwayReplication {
    /// Creates runtimes for every product, indication, site and lane of the scenario, and
    /// registers stages in pathway order: each product's manufacturing steps where the
    /// batch holds its suite (after `suite_queue`).
    func build() throws {
        let s = scenario
        slots = SlotNetwork(self)
        let reported = Stage.allCases.filter { $0 != .manufacturing && ($0 != .waitlist || slots != nil) }
        let split = reported.firstIndex(of: .suiteQueue)! + 1
        for stage in reported[..<split] { stages.register(stage.name) }
        for product in s.products {
            let indices = product.manufacturingSteps.map { stages.register($0.name) }
            products.append(ProductRuntime(product, stageIndices: indices))
        }
        for stage in reported[split...] { stages.register(stage.name) }
        indications = s.indications.map { IndicationRuntime($0, in: self) }
        plants = s.plants.map { PlantRuntime($0, in: self) }
        plantHasStaff = plants.map { $0.staff != nil }
        plantKeepsStock = plants.map { !$0.stock.isEmpty }
        hubs = s.hubs.map { HubRuntime($0, in: self) }
        centres = try s.centres.map { try CentreRuntime($0, in: self) }
        indicationDraws = s.centres.map { centre in s.indications.map { IndicationDraws($0, centre: centre.name, in: self) } }
        routes = Routes(centres.indices.map { centre in s.products.map { compileRoute(product: $0, centre: centre) } })
        productDraws = Array(repeating: Array(repeating: nil, count: 2 * s.products.count), count: s.centres.count)
        let names = s.centres.map(\.name) + s.plants.map(\.name) + s.hubs.map(\.name)
        // Site ids: centres first, then plants, then hubs (file order within each).
        let siteIDs = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        laneTable = Array(repeating: Array(repeating: nil, count: names.count), count: names.count)
        for lane in s.lanes {
            guard let origin = siteIDs[lane.origin], let destination = siteIDs[lane.destination] else { continue }
            laneTable[origin][destination] = LaneRuntime(lane, origin: origin, destination: destination, in: self)
        }
        if let costs = s.costs {
            let ledger = CostLedger(scenario: s, spec: costs,
                                    suites: plants.indices.map { (plants[$0].suites, siteID(plant: $0)) },
                                    staffHours: plants.indices.compactMap { index in
                                        plants[index].staff.map { (siteID(plant: index), $0.personHours(from: s.simulation.warmup,
                                                                                                     to: s.simulation.horizon)) }
                                    })
            costLedger = ledger
            attach(ledger)
        }
    }

    /// The random stream of this replication for the named input.
    func stream(_ name: String) -> RandomStream {
        RandomStream(scenarioSeed: scenario.simulation.seed, replication: replication, name: name)
    }
}
