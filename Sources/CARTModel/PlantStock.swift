import SimKernel
import SimRandom
import ScenarioFile

/// One consumable a plant keeps in stock during one replication.
///
/// The stock is a resource whose capacity is the units on hand: a batch's claim for
/// `per_batch` units reserves them (they stay on hand) and the batch uses them up when it
/// starts (`consume`); a batch that never starts returns them. Deliveries raise the
/// capacity, serving the batches waiting in line.
final class PlantStock {
    let spec: StockItemSpec
    let units: Resource
    let leadTime: RandomInput?
    let releaseFailure: RandomEvent
    /// Units ordered and not yet delivered.
    var onOrder = 0
    /// Counts in the statistics window.
    var orders = 0, deliveries = 0, lotsFailed = 0, stockOuts = 0, unitsUsed = 0

    init(_ spec: StockItemSpec, plant: PlantSpec, in model: PathwayReplication) {
        let s = "plant.\(plant.name).stock.\(spec.name)"
        self.spec = spec
        units = Resource(name: "\(plant.name).\(spec.name)", capacity: spec.initial, in: model.simulation)
        leadTime = spec.leadTime.map { model.input($0, "\(s).lead_time") }
        releaseFailure = model.event(spec.releaseFailure, "\(s).release_failure")
    }

    /// On hand and on order, less the units batches wait for: what the reorder point is
    /// compared with.
    var position: Int { units.capacity - units.busy + onOrder - units.waitingCount * spec.perBatch }

    /// When a delivery dispatched at `time` arrives: after the lead time, and not inside a
    /// disruption window (one due there arrives at the window's end).
    func arrival(dispatchedAt time: SimTime) -> SimTime {
        var arrival = time + (leadTime?.ticks() ?? 0)
        while let window = spec.disruptions.first(where: { $0.contains(arrival) }) { arrival = window.end }
        return arrival
    }
}
