import CARTModel
import OutputSchema

extension ReplicationResult {
    /// The replication with every reported number rounded to the resolution its files keep
    /// (`Quantity`), done once as the result leaves the simulation: summaries, shard records
    /// and the files merged from them then all start from the same values, and a merge
    /// reproduces a direct run byte for byte.
    func roundedForOutput() -> ReplicationResult {
        func days(_ value: Double) -> Double { OutputNumber.rounded(value, .days) }
        var rounded = ReplicationResult(
            replication: replication,
            kpis: kpis.map { (name: $0.name, value: OutputNumber.rounded($0.value, Quantity(kpi: $0.name))) },
            stages: stages.map {
                StageSummary(name: $0.name, observations: $0.observations, waitingMeanDays: days($0.waitingMeanDays),
                             waitingP90Days: days($0.waitingP90Days), workingMeanDays: days($0.workingMeanDays),
                             workingP90Days: days($0.workingP90Days))
            },
            resources: resources.map {
                ResourceSummary(site: $0.site, pool: $0.pool, capacity: $0.capacity,
                                utilization: OutputNumber.rounded($0.utilization, .share),
                                meanQueueLength: OutputNumber.rounded($0.meanQueueLength, .level), grants: $0.grants,
                                meanWaitDays: days($0.meanWaitDays), p90WaitDays: days($0.p90WaitDays),
                                maxWaitDays: days($0.maxWaitDays))
            },
            series: series, patients: patients, events: events, patientsSimulated: patientsSimulated)
        rounded.snapshot = snapshot
        rounded.breakdowns = breakdowns.map {
            BreakdownValue(by: $0.by, group: $0.group, kpi: $0.kpi, value: OutputNumber.rounded($0.value, Quantity(kpi: $0.kpi)))
        }
        rounded.pipeline = pipeline
        return rounded
    }
}
