import SimKernel
import SimRandom
import ScenarioFile

extension PathwayReplication {
    /// Creates runtimes for every product, indication, site and lane of the scenario.
    /// Stages are registered in pathway order, each product's manufacturing steps where the
    /// batch holds its suite (after `suite_queue`).
    func build() throws {
        let s = scenario
        let reported = Stage.allCases.filter { $0 != .manufacturing }
        let split = reported.firstIndex(of: .suiteQueue)! + 1
        for stage in reported[..<split] { stages.register(stage.rawValue) }
        for product in s.products {
            let p = "product.\(product.name)"
            let steps = product.manufacturingSteps.map { step in
                (stage: stages.register(step.name), duration: input(step.duration, "\(p).\(step.name)"))
            }
            products.append(ProductRuntime(
                spec: product, steps: steps,
                qc: input(product.qcDuration, "\(p).qc"),
                qaWork: input(product.qaReleaseWork, "\(p).qa_release"),
                cellsCollected: input(product.yield.cellsCollected, "\(p).cells_collected"),
                transductionEfficiency: input(product.yield.transductionEfficiency, "\(p).transduction_efficiency"),
                expansionFold: input(product.yield.expansionFold, "\(p).expansion_fold"),
                residualFailure: event(product.yield.residualFailureProbability, "\(p).residual_failure"),
                exceptionInfusion: event(product.outOfSpecification.exceptionInfusionProbability, "\(p).exception"),
                remanufacture: event(product.outOfSpecification.remanufactureProbability, "\(p).remanufacture"),
                recollect: event(product.outOfSpecification.recollectProbability, "\(p).recollect")))
        }
        for indication in s.indications {
            let i = "indication.\(indication.name)"
            indications.append(IndicationRuntime(
                spec: indication,
                product: s.products.firstIndex { $0.name == indication.product }!,
                timeToDropout: indication.timeToDropout.map { input($0, "\(i).time_to_dropout") },
                bridging: event(indication.bridgingProbability, "\(i).bridging")))
        }
        for plant in s.plants {
            let name = plant.name
            plants.append(PlantRuntime(
                spec: plant,
                suites: Resource(name: "\(name).suites", capacity: plant.suites,
                                 gate: calendar(plant.suiteCalendar), in: simulation),
                qcLab: Resource(name: "\(name).qc_lab", capacity: plant.qcCapacity,
                                gate: calendar(plant.qcCalendar), in: simulation),
                qaCalendar: calendar(plant.qaCalendar),
                intake: input(plant.intake, "plant.\(name).intake")))
        }
        for hub in s.hubs {
            hubs.append(HubRuntime(
                spec: hub,
                freezer: Resource(name: "\(hub.name).freezer", capacity: hub.freezer.capacity,
                                  gate: calendar(hub.freezer.calendar), in: simulation),
                freezing: input(hub.freezer.duration, "hub.\(hub.name).freezing")))
        }
        for centre in s.centres { centres.append(try buildCentre(centre)) }
        for lane in s.lanes {
            let name = "lane.\(lane.origin)>\(lane.destination)"
            lanes["\(lane.origin)>\(lane.destination)"] = LaneRuntime(
                spec: lane, schedule: CourierSchedule(lane: lane, originDay: s.simulation.startDate.dayNumber),
                transit: input(lane.transit, "\(name).transit"), loss: event(lane.lossProbability, "\(name).loss"))
        }
        for stage in reported[split...] { stages.register(stage.rawValue) }
    }

    private func buildCentre(_ centre: CentreSpec) throws -> CentreRuntime {
        let c = "centre.\(centre.name)"
        let mixIndices = centre.indicationMix.map { entry in
            scenario.indications.firstIndex { $0.name == entry.indication }!
        }
        return CentreRuntime(
            spec: centre,
            chairs: Resource(name: "\(centre.name).apheresis_chairs", capacity: centre.apheresisChairs,
                             gate: calendar(centre.apheresisCalendar), in: simulation),
            freezer: centre.freezer.map {
                Resource(name: "\(centre.name).freezer", capacity: $0.capacity, gate: calendar($0.calendar),
                         in: simulation)
            },
            beds: Resource(name: "\(centre.name).beds", capacity: centre.beds, in: simulation),
            referralInterval: RandomStream(scenarioSeed: scenario.simulation.seed, replication: replication,
                                           name: "\(c).referrals"),
            indicationChoice: try WeightedChoice(labels: mixIndices.map(String.init),
                                                 weights: centre.indicationMix.map(\.share)),
            indicationStream: RandomStream(scenarioSeed: scenario.simulation.seed, replication: replication,
                                           name: "\(c).indication"),
            consult: input(centre.referralToApheresis, "\(c).referral_to_apheresis"),
            apheresis: input(centre.apheresisDuration, "\(c).apheresis"),
            repeatCollection: event(centre.repeatCollectionProbability, "\(c).repeat_collection"),
            freezing: centre.freezer.map { input($0.duration, "\(c).freezing") },
            lymphodepletionScheduling: input(centre.lymphodepletionScheduling, "\(c).lymphodepletion_scheduling"),
            postInfusionStay: input(centre.postInfusionStay, "\(c).post_infusion_stay"),
            icu: event(centre.icuProbability, "\(c).icu"),
            icuStay: input(centre.icuStay, "\(c).icu_stay"))
    }
}
