import SimKernel
import SimRandom
import CARTModel
import OutputSchema

/// Per-stage sums over replications for `stages.csv`: pooled means weighted by
/// observations, and the mean over replications of each replication's 90th percentile.
struct StageAggregates {
    private struct Stage {
        let name: String
        var observations = 0
        var waitingSum = 0.0, workingSum = 0.0
        var waitingP90 = RunningMean(), workingP90 = RunningMean()
    }
    private var stages: [Stage] = []
    private var replications = 0

    mutating func add(_ summaries: [StageSummary]) {
        if stages.isEmpty { stages = summaries.map { Stage(name: $0.name) } }
        for (index, s) in summaries.enumerated() where s.observations > 0 {
            stages[index].observations += s.observations
            stages[index].waitingSum += s.waitingMeanDays * Double(s.observations)
            stages[index].workingSum += s.workingMeanDays * Double(s.observations)
            stages[index].waitingP90.add(s.waitingP90Days)
            stages[index].workingP90.add(s.workingP90Days)
        }
        replications += 1
    }

    func table() -> String {
        var table = CSVText(header: OutputTables.stagesHeader)
        for s in stages {
            let n = Double(s.observations)
            let waiting = n > 0 ? s.waitingSum / n : .nan, working = n > 0 ? s.workingSum / n : .nan
            table.append([s.name, OutputNumber.format(n / Double(max(replications, 1)), .level)]
                         + [waiting, s.waitingP90.value, working, s.workingP90.value, waiting + working].map {
                             OutputNumber.format($0, .days)
                         })
        }
        return table.text
    }
}

/// Each group's KPI values over replications for `breakdowns.csv`, in the order of the first
/// replication's values (dimension, group, KPI).
struct BreakdownAggregates {
    private var keys: [(by: String, group: String, kpi: String)] = []
    private var values: [[Double]] = []

    mutating func add(_ breakdowns: [BreakdownValue]) {
        if keys.isEmpty {
            keys = breakdowns.map { ($0.by, $0.group, $0.kpi) }
            values = Array(repeating: [], count: keys.count)
        }
        precondition(breakdowns.count == keys.count, "replications of one scenario report the same breakdowns")
        for (index, value) in breakdowns.enumerated() { values[index].append(value.value) }
    }

    func table() -> String {
        var table = CSVText(header: OutputTables.breakdownsHeader)
        for (key, values) in zip(keys, values) {
            table.append([key.by, key.group] + OutputTables.summaryRow(KPISummary(name: key.kpi, values: values)))
        }
        return table.text
    }
}

/// Per-resource sums over replications for `resources.csv`.
struct ResourceAggregates {
    private struct Resource {
        let id: String, site: String, pool: String
        let capacity: Int
        var utilization: [Double] = []
        var queueLength = RunningMean(), grants = RunningMean()
        var meanWait = RunningMean(), p90Wait = RunningMean()
        var maxWait = -Double.infinity
    }
    private var resources: [Resource] = []

    mutating func add(_ summaries: [ResourceSummary]) {
        if resources.isEmpty { resources = summaries.map { Resource(id: $0.id, site: $0.site, pool: $0.pool, capacity: $0.capacity) } }
        for (index, r) in summaries.enumerated() {
            resources[index].utilization.append(r.utilization)
            resources[index].queueLength.add(r.meanQueueLength)
            resources[index].grants.add(Double(r.grants))
            resources[index].meanWait.add(r.meanWaitDays)
            resources[index].p90Wait.add(r.p90WaitDays)
            if r.maxWaitDays.isFinite { resources[index].maxWait = max(resources[index].maxWait, r.maxWaitDays) }
        }
    }

    func table() -> String {
        var table = CSVText(header: OutputTables.resourcesHeader)
        for r in resources {
            let utilization = StudentTInterval(values: r.utilization)
            table.append([r.id, r.site, r.pool, String(r.capacity), OutputNumber.format(utilization.mean, .share),
                          OutputNumber.format(utilization.halfWidth, .share),
                          OutputNumber.format(r.queueLength.value, .level), OutputNumber.format(r.grants.value, .level),
                          OutputNumber.format(r.meanWait.value, .days), OutputNumber.format(r.p90Wait.value, .days),
                          OutputNumber.format(r.maxWait.isFinite ? r.maxWait : .nan, .days)])
        }
        return table.text
    }
}

/// Per-week sums and exact distributions over replications for `timeseries.csv`.
struct WeeklyAggregates {
    private struct Week {
        var referrals = 0, collections = 0, releases = 0, dropouts = 0
        var infusions = IntegerHistogram(), workInProgress = IntegerHistogram()
        var infusionSum = 0, workInProgressSum = 0
        /// By weekly level (`levelNames` order).
        var levels: [IntegerHistogram] = [], levelSums: [Int] = []
    }
    private var weeks: [Week] = []
    private var replications = 0
    /// The weekly levels the series carry (waitlist, stock), from the first series.
    private var levelNames: [String] = []

    mutating func add(_ series: WeeklySeries) {
        if weeks.isEmpty {
            levelNames = series.levels.map(\.name)
            var week = Week()
            week.levels = Array(repeating: IntegerHistogram(), count: levelNames.count)
            week.levelSums = Array(repeating: 0, count: levelNames.count)
            weeks = Array(repeating: week, count: series.weeks)
        }
        for w in weeks.indices {
            weeks[w].referrals += series.referrals[w]
            weeks[w].collections += series.collections[w]
            weeks[w].releases += series.releases[w]
            weeks[w].dropouts += series.dropouts[w]
            weeks[w].infusions.add(series.infusions[w])
            weeks[w].infusionSum += series.infusions[w]
            weeks[w].workInProgress.add(series.workInProgress[w])
            weeks[w].workInProgressSum += series.workInProgress[w]
            for (index, level) in series.levels.enumerated() {
                weeks[w].levels[index].add(level.values[w])
                weeks[w].levelSums[index] += level.values[w]
            }
        }
        replications += 1
    }

    func table(startDay: Int, warmup: SimTime) -> String {
        var table = CSVText(header: OutputTables.timeseriesHeader + levelNames.flatMap(OutputTables.levelColumns))
        let n = Double(max(replications, 1))
        func mean(_ sum: Int) -> String { OutputNumber.format(Double(sum) / n, .level) }
        func level(_ value: Double) -> String { OutputNumber.format(value, .level) }
        for (index, w) in weeks.enumerated() {
            table.append([String(index), CivilDate(dayNumber: startDay + 7 * index).description,
                          String(SimTime(index) * Ticks.week < warmup), mean(w.referrals), mean(w.collections),
                          mean(w.releases), mean(w.infusionSum), level(w.infusions.quantile(0.05)),
                          level(w.infusions.quantile(0.95)), mean(w.dropouts),
                          mean(w.workInProgressSum), level(w.workInProgress.quantile(0.05)),
                          level(w.workInProgress.quantile(0.95))]
                         + w.levels.indices.flatMap { [mean(w.levelSums[$0]), level(w.levels[$0].quantile(0.05)),
                                                       level(w.levels[$0].quantile(0.95))] })
        }
        return table.text
    }
}

/// The mean of the finite values added, in the order added (NaN when none).
struct RunningMean {
    private var sum = 0.0
    private var count = 0
    mutating func add(_ value: Double) {
        guard value.isFinite else { return }
        sum += value
        count += 1
    }
    var value: Double { count > 0 ? sum / Double(count) : .nan }
}
