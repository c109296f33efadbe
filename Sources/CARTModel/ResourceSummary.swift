import SimKernel

/// What one resource did in one replication, after the warm-up.
public struct ResourceSummary: Sendable {
    /// `site.resource`, e.g. `plant-east.suites`.
    public let name: String
    /// Number of units at the end of the run.
    public let capacity: Int
    /// Busy units ÷ capacity, time-averaged.
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
    public init(name: String, capacity: Int, utilization: Double, meanQueueLength: Double, grants: Int,
                meanWaitDays: Double, p90WaitDays: Double, maxWaitDays: Double) {
        self.name = name
        self.capacity = capacity
        self.utilization = utilization
        self.meanQueueLength = meanQueueLength
        self.grants = grants
        self.meanWaitDays = meanWaitDays
        self.p90WaitDays = p90WaitDays
        self.maxWaitDays = maxWaitDays
    }

    init(resource: Resource, at time: SimTime) {
        name = resource.name
        capacity = resource.capacity
        utilization = resource.utilization(until: time)
        meanQueueLength = resource.queueLength.average(until: time)
        grants = resource.waits.count
        meanWaitDays = resource.waits.mean / Double(Ticks.day)
        p90WaitDays = resource.waits.quantile(0.9) / Double(Ticks.day)
        maxWaitDays = resource.waits.max / Double(Ticks.day)
    }
}
