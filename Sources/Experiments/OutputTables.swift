import SimKernel
import SimRandom
import CARTModel
import ScenarioFile

/// The CSV tables of the output contract. Times are in days; column names are snake_case
/// with units in the name.
enum OutputTables {
    static let summaryHeader = ["kpi", "mean", "sd", "ci95_low", "ci95_high", "ci95_half_width",
                                "min", "max", "replications"]

    /// One row per KPI: mean over replications with a 95 % Student-t interval.
    static func summary(_ summaries: [KPISummary]) -> String {
        var table = CSVTable(header: summaryHeader)
        for kpi in summaries {
            let i = kpi.interval
            table.append([kpi.name, CSVNumber.format(i.mean), CSVNumber.format(i.standardDeviation),
                          CSVNumber.format(i.lower), CSVNumber.format(i.upper), CSVNumber.format(i.halfWidth),
                          CSVNumber.format(kpi.minimum), CSVNumber.format(kpi.maximum), String(i.count)])
        }
        return table.text
    }

    /// One row per replication: every KPI.
    static func replications(_ results: [ReplicationResult], seed: UInt64) -> String {
        let names = results.first?.kpis.map(\.name) ?? []
        var table = CSVTable(header: ["replication", "seed", "events", "patients_simulated"] + names)
        for result in results {
            table.append([String(result.replication), String(seed), String(result.events),
                          String(result.patientsSimulated)] + result.kpis.map { CSVNumber.format($0.value) })
        }
        return table.text
    }

    /// One row per patient of the replications that kept patients.
    static func patients(_ results: [ReplicationResult], scenario: ScenarioDescription) -> String {
        let origin = scenario.simulation.startDate.dayNumber
        var table = CSVTable(header: ["replication", "patient_id", "centre", "indication", "product",
                                      "referral_date", "referral_day"] + Milestone.allCases.map(\.column)
                             + ["outcome", "dropout_stage", "out_of_spec_infused", "collections",
                                "manufacturing_attempts", "bridged", "vein_to_vein_days", "in_warmup"])
        for result in results {
            for p in result.patients {
                let date = CivilDate(dayNumber: origin + Int(p.referralDay.rounded(.down))).description
                table.append([String(result.replication), String(p.id), p.centre, p.indication, p.product, date,
                              CSVNumber.format(p.referralDay, decimals: 6)]
                             + p.milestoneDays.map { CSVNumber.format($0, decimals: 6) }
                             + [p.outcome, p.dropoutStage, String(p.outOfSpecificationInfused), String(p.collections),
                                String(p.manufacturingAttempts), String(p.bridged),
                                CSVNumber.format(p.veinToVeinDays, decimals: 4), String(p.inWarmup)])
            }
        }
        return table.text
    }

    /// One row per stage: observations per replication, pooled mean waiting and working
    /// time, and the mean over replications of each replication's 90th percentile.
    static func stages(_ results: [ReplicationResult]) -> String {
        var table = CSVTable(header: ["stage", "observations_per_replication", "waiting_mean_days",
                                      "waiting_p90_days", "working_mean_days", "working_p90_days", "total_mean_days"])
        guard let first = results.first else { return table.text }
        let n = Double(results.count)
        for index in first.stages.indices {
            let all = results.map { $0.stages[index] }
            let count = all.reduce(0) { $0 + $1.observations }
            func pooledMean(_ mean: KeyPath<StageSummary, Double>) -> Double {
                let total = all.reduce(0.0) { $0 + ($1.observations > 0 ? $1[keyPath: mean] * Double($1.observations) : 0) }
                return count > 0 ? total / Double(count) : .nan
            }
            func meanOf(_ value: KeyPath<StageSummary, Double>) -> Double {
                let values = all.map { $0[keyPath: value] }.filter(\.isFinite)
                return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
            }
            let waiting = pooledMean(\.waitingMeanDays), working = pooledMean(\.workingMeanDays)
            table.append([first.stages[index].name, CSVNumber.format(Double(count) / n, decimals: 2),
                          CSVNumber.format(waiting, decimals: 4), CSVNumber.format(meanOf(\.waitingP90Days), decimals: 4),
                          CSVNumber.format(working, decimals: 4), CSVNumber.format(meanOf(\.workingP90Days), decimals: 4),
                          CSVNumber.format(waiting + working, decimals: 4)])
        }
        return table.text
    }

    /// One row per resource: means over replications.
    static func resources(_ results: [ReplicationResult]) -> String {
        var table = CSVTable(header: ["resource", "capacity", "utilization", "utilization_ci95_half_width",
                                      "queue_length_mean", "grants_per_replication", "wait_mean_days",
                                      "wait_p90_days", "wait_max_days"])
        guard let first = results.first else { return table.text }
        for index in first.resources.indices {
            let all = results.map { $0.resources[index] }
            func mean(_ values: [Double]) -> Double {
                let finite = values.filter(\.isFinite)
                return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
            }
            let utilization = StudentTInterval(values: all.map(\.utilization))
            table.append([first.resources[index].name, String(first.resources[index].capacity),
                          CSVNumber.format(utilization.mean, decimals: 6), CSVNumber.format(utilization.halfWidth, decimals: 6),
                          CSVNumber.format(mean(all.map(\.meanQueueLength)), decimals: 4),
                          CSVNumber.format(mean(all.map { Double($0.grants) }), decimals: 2),
                          CSVNumber.format(mean(all.map(\.meanWaitDays)), decimals: 4),
                          CSVNumber.format(mean(all.map(\.p90WaitDays)), decimals: 4),
                          CSVNumber.format(all.map(\.maxWaitDays).filter(\.isFinite).max(), decimals: 4)])
        }
        return table.text
    }

    /// One row per week: mean over replications and the 5th–95th percentile band of
    /// infusions and work in progress; `in_warmup` marks the weeks before the warm-up ends.
    static func timeseries(_ results: [ReplicationResult], scenario: ScenarioDescription) -> String {
        var table = CSVTable(header: ["week", "week_start_date", "in_warmup", "referrals_mean", "collections_mean",
                                      "releases_mean", "infusions_mean", "infusions_p5", "infusions_p95",
                                      "dropouts_mean", "work_in_progress_mean", "work_in_progress_p5",
                                      "work_in_progress_p95"])
        guard let weeks = results.first?.series.weeks else { return table.text }
        let origin = scenario.simulation.startDate.dayNumber
        for week in 0..<weeks {
            func values(_ keyPath: KeyPath<WeeklySeries, [Int]>) -> [Double] {
                results.map { Double($0.series[keyPath: keyPath][week]) }.sorted()
            }
            func mean(_ keyPath: KeyPath<WeeklySeries, [Int]>) -> String {
                let v = values(keyPath)
                return CSVNumber.format(v.reduce(0, +) / Double(v.count), decimals: 3)
            }
            func quantile(_ keyPath: KeyPath<WeeklySeries, [Int]>, _ p: Double) -> String {
                CSVNumber.format(SampleQuantile.of(sorted: values(keyPath), p: p), decimals: 3)
            }
            let start = SimTime(week) * Ticks.week
            table.append([String(week), CivilDate(dayNumber: origin + 7 * week).description,
                          String(start < scenario.simulation.warmup), mean(\.referrals), mean(\.collections),
                          mean(\.releases), mean(\.infusions), quantile(\.infusions, 0.05), quantile(\.infusions, 0.95),
                          mean(\.dropouts), mean(\.workInProgress), quantile(\.workInProgress, 0.05),
                          quantile(\.workInProgress, 0.95)])
        }
        return table.text
    }
}
