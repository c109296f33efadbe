import SimKernel
import ScenarioFile

// Capacity over time: suites, QC capacity, apheresis chairs and beds that change at times given in
// the scenario. A fall lets work already holding a unit finish; suites out of service for
// downtime stay out of the new count.
extension PathwayReplication {
    /// Schedules every site's capacity changes within the horizon.
    func scheduleCapacityChanges() {
        for (index, plant) in plants.enumerated() {
            // Slots per period are read when each period's slots are issued (`SlotPool.issue`).
            for change in plant.spec.capacityChanges where change.from < scenario.simulation.horizon && change.pool != .slots {
                simulation.schedule(at: change.from, priority: .capacityChange) { [self] in
                    switch change.pool {
                    case .suites: installSuites(change.capacity, at: index)
                    default: plants[index].qcLab.setCapacity(change.capacity)
                    }
                }
            }
        }
        for plant in plants {
            for (pool, spec) in zip(plant.staff?.pools ?? [], plant.spec.staff) {
                for change in spec.headCountChanges where change.from < scenario.simulation.horizon {
                    simulation.schedule(at: change.from, priority: .capacityChange) { pool.setCapacity(change.capacity) }
                }
            }
        }
        for centre in centres {
            for change in centre.spec.capacityChanges where change.from < scenario.simulation.horizon {
                let pool = change.pool == .beds ? centre.beds : centre.chairs
                simulation.schedule(at: change.from, priority: .capacityChange) { pool.setCapacity(change.capacity) }
            }
        }
    }

    /// Plant `index` has `count` suites from now, less those out of service for downtime.
    private func installSuites(_ count: Int, at index: Int) {
        let plant = plants[index]
        plant.installedSuites = count
        plant.suites.setCapacity(max(0, count - (plant.downtime?.down ?? 0)))
    }
}
