import SimKernel
import OutputSchema

/// What one resource did in one replication, after the warm-up.
public struct ResourceSummary: Sendable {
    /// The site's name, e.g. `plant-east`.
    public let site: String
    /// The kind of resource at the site: `apheresis_chairs`, `freezer`, `suites`, `qc_lab`, `beds`.
    public let pool: String
    /// The resource's id in every output file (`plant_east_suites`).
    public var id: String { ResourceID.of(site: site, pool: pool) }
    /// Number of units at the end of the run.
    public let capacity: Int
    /// Busy units ÷ capacity, time-averaged (staff: ÷ head count on shift).
    public let utilization: Double
    /// Time-averaged number of claims waiting.
    public let meanQueueLength: Double
    /// Claims granted.
    public let grants: Int
    /// Mean wait (days), NaN without grants.
    public let meanWaitDays: Double
    /// 90th percentile of waits (days), NaN without grants.
    public let p90WaitDays: Double
    /// Longest wait (days), NaN without grants.
    public let maxWaitDays: Double

    /// Recreates a summary from its recorded values (merging shards).
    public init(site: String, pool: String, capacity: Int, utilization: Double, meanQueueLength: Double, grants: Int,
                meanWaitDays: Double, p90WaitDays: Double, maxWaitDays: Double) {
        self.site = site
        self.pool = pool
        self.capacity = capacity
        self.utilization = utilization
        self.meanQueueLength = meanQueueLength
        self.grants = grants
        self.meanWaitDays = meanWaitDays
        self.p90WaitDays = p90WaitDays
        self.maxWaitDays = maxWaitDays
    }

    /// The summary of `resource`, named `site.pool` by the model, at `time`; `waits`
    /// (seconds) replaces the resource's own waits where claims wait elsewhere (beds are
    /// booked ahead, so the wait is the booking's delay of the infusion). `onShift`
    /// (person-seconds): for staff, head count × time their shift calendar was open since the
    /// reset, against which their busy time is measured.
    init(resource: Resource, at time: SimTime, waits: Tally? = nil, onShift: Double? = nil) {
        let waits = waits ?? resource.waits
        (site, pool) = Self.sitePool(of: resource)
        capacity = resource.capacity
        if let onShift {
            utilization = onShift > 0 ? resource.busyUnits.integral(until: time) / onShift : 0
        } else {
            utilization = resource.utilization(until: time)
        }
        meanQueueLength = resource.queueLength.average(until: time)
        grants = waits.count
        meanWaitDays = waits.mean / Double(Ticks.day)
        p90WaitDays = waits.quantile(0.9) / Double(Ticks.day)
        maxWaitDays = waits.max / Double(Ticks.day)
    }

    /// The site and pool of a resource the model named `site.pool`.
    static func sitePool(of resource: Resource) -> (site: String, pool: String) {
        let dot = resource.name.lastIndex(of: ".")!
        return (String(resource.name[..<dot]), String(resource.name[resource.name.index(after: dot)...]))
    }

    /// The output id of a resource of the model (`plant_east_suites`).
    public static func id(of resource: Resource) -> String {
        let (site, pool) = sitePool(of: resource)
        return ResourceID.of(site: site, pool: pool)
    }
}
