/// A stage of `stages.csv`: mean waiting and working days per observation.
struct StageTimes {
    let waitingMeanDays: Double
    let workingMeanDays: Double
    /// Stage passages per replication, and the 90th percentile wait (days; nil if empty).
    var observations: Double = 0
    var waitingP90Days: Double?
}

/// A resource of `resources.csv`.
struct ResourceUse {
    /// The id (`plant_west_suites`), the prefix of its KPIs in `summary.csv`.
    let id: String
    let site: String
    let pool: String
    let capacity: String
    let utilization: Double?
    let utilizationHalfWidth: Double?
    let queueLengthMean: Double?
    let waitMeanDays: Double?
    let waitP90Days: Double?

    /// How the report names it: the site, then the pool in words (`plant-west suites`).
    var label: String { site + " " + pool.replacingOccurrences(of: "_", with: " ") }
}

/// A week of `timeseries.csv`: means over replications and 5th–95th percentile bands.
struct WeekFigures {
    let week: Double
    let inWarmup: Bool
    /// Mean with the 5th (low) and 95th (high) percentiles across replications.
    let infusions: Estimate
    let workInProgress: Estimate
    /// The weekly levels after the fixed columns, by stem in file order: `waitlist` (patients
    /// on the slot waitlists, where the run has slots), `stock_<plant>_<item>` (units on hand).
    let levels: [(name: String, value: Estimate)]
}

/// The per-stage, per-resource and per-week tables of a run folder.
enum RunTables {
    /// `stages.csv` by stage name; stages never observed (empty fields) are left out.
    static func stages(folder: String) throws(ReportError) -> [String: StageTimes] {
        let table = try CSVTable.load("stages.csv", in: folder)
        let stage = try table.column("stage"), waiting = try table.column("waiting_mean_days")
        let working = try table.column("working_mean_days")
        let observations = try table.column("observations_per_replication"), p90 = try table.column("waiting_p90_days")
        var stages: [String: StageTimes] = [:]
        for row in table.rows {
            guard let wait = try table.number(row, waiting), let work = try table.number(row, working) else { continue }
            stages[table.text(row, stage)] = StageTimes(waitingMeanDays: wait, workingMeanDays: work,
                                                        observations: try table.number(row, observations) ?? 0,
                                                        waitingP90Days: try table.number(row, p90))
        }
        return stages
    }

    /// `resources.csv`, in file order.
    static func resources(folder: String) throws(ReportError) -> [ResourceUse] {
        let table = try CSVTable.load("resources.csv", in: folder)
        let id = try table.column("resource"), site = try table.column("site"), pool = try table.column("pool")
        let capacity = try table.column("capacity")
        let utilization = try table.column("utilization"), half = try table.column("utilization_ci95_half_width")
        let queue = try table.column("queue_length_mean"), mean = try table.column("wait_mean_days")
        let p90 = try table.column("wait_p90_days")
        var resources: [ResourceUse] = []
        for row in table.rows {
            resources.append(ResourceUse(
                id: table.text(row, id), site: table.text(row, site), pool: table.text(row, pool),
                capacity: table.text(row, capacity),
                utilization: try table.number(row, utilization), utilizationHalfWidth: try table.number(row, half),
                queueLengthMean: try table.number(row, queue), waitMeanDays: try table.number(row, mean),
                waitP90Days: try table.number(row, p90)))
        }
        return resources
    }

    /// `timeseries.csv`, in week order.
    static func weeks(folder: String) throws(ReportError) -> [WeekFigures] {
        let table = try CSVTable.load("timeseries.csv", in: folder)
        let week = try table.column("week"), warmup = try table.column("in_warmup")
        let infusions = try table.estimateColumns("infusions_mean", "infusions_p5", "infusions_p95")
        let wip = try table.estimateColumns("work_in_progress_mean", "work_in_progress_p5", "work_in_progress_p95")
        let fixed = ["infusions", "work_in_progress", "referrals", "collections", "releases", "dropouts"]
        let levelNames = table.header.filter { $0.hasSuffix("_mean") }.map { String($0.dropLast("_mean".count)) }
            .filter { !fixed.contains($0) && table.has($0 + "_p5") && table.has($0 + "_p95") }
        let levels = try levelNames.map { name throws(ReportError) in
            (name, try table.estimateColumns(name + "_mean", name + "_p5", name + "_p95"))
        }
        var weeks: [WeekFigures] = []
        for row in table.rows {
            guard let number = try table.number(row, week) else {
                throw ReportError(folder: folder, file: "timeseries.csv", line: row.line, "the week is empty")
            }
            weeks.append(WeekFigures(week: number, inWarmup: try table.flag(row, warmup),
                                     infusions: try table.estimate(row, infusions), workInProgress: try table.estimate(row, wip),
                                     levels: try levels.map { level throws(ReportError) in
                                         (level.0, try table.estimate(row, level.1))
                                     }))
        }
        return weeks
    }
}
