import SimKernel
import ScenarioFile

/// What a task needs from a staff pool during one replication: `count` people of `pool`
/// for the first `handsOn` seconds.
struct StaffNeed {
    let pool: Resource
    let count: Int
    let handsOn: SimTime
}

/// A plant's staff pools during one replication, and which task needs which pool.
///
/// Each pool is a resource of `head_count` people whose units are granted only while its
/// shift calendar is open and only where the hands-on time ends inside the open stretch
/// (a 4-hour task does not start an hour before the shift ends); a team of several is
/// granted all at once.
final class PlantStaff {
    /// The pools, in file order (`<plant>.<pool>` in outputs).
    let pools: [Resource]
    let calendars: [WorkCalendar]
    /// By product index, then manufacturing step: the staff the step needs, if any.
    let steps: [[StaffNeed?]]
    let qc: StaffNeed?
    let release: StaffNeed?

    /// The pools' specs, in `pools` order.
    let specs: [StaffPoolSpec]

    /// Person-seconds pool `index` is on shift from `start` to `end`: its head count of each
    /// stretch (`capacity_changes`) × the time its shift calendar is open in it.
    func personSeconds(pool index: Int, from start: SimTime, to end: SimTime) -> Double {
        let spec = specs[index]
        let cuts = [start] + spec.headCountChanges.map(\.from).filter { $0 > start && $0 < end } + [end]
        return zip(cuts, cuts.dropFirst()).reduce(0) { total, stretch in
            total + Double(spec.headCount(at: stretch.0)) * Double(calendars[index].openTime(from: stretch.0, to: stretch.1))
        }
    }

    /// Person-hours on shift from `start` to `end`, every pool together.
    func personHours(from start: SimTime, to end: SimTime) -> Double {
        pools.indices.reduce(0) { $0 + personSeconds(pool: $1, from: start, to: end) } / Double(Ticks.hour)
    }

    init(_ plant: PlantSpec, in model: PathwayReplication) {
        calendars = plant.staff.map { model.calendar($0.calendar, at: plant.name) }
        let pools = zip(plant.staff, calendars).map { spec, calendar in
            Resource(name: "\(plant.name).\(spec.name)", capacity: spec.headCount, gate: calendar, workFitsGate: true,
                     in: model.simulation)
        }
        func need(_ task: String) -> StaffNeed? {
            for (spec, pool) in zip(plant.staff, pools) {
                if let needed = spec.tasks[task] { return StaffNeed(pool: pool, count: needed.count, handsOn: needed.handsOn) }
            }
            return nil
        }
        self.pools = pools
        specs = plant.staff
        steps = model.scenario.products.map { $0.manufacturingSteps.map { need($0.name) } }
        qc = need(StaffTask.qc)
        release = need(StaffTask.release)
    }
}
