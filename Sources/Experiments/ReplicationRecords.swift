import Foundation
import CARTModel
import OutputSchema

/// The per-replication records a shard writes beside its results so that `cartsim merge`
/// can rebuild every replication exactly: `stage_records.csv`, `resource_records.csv` and
/// `week_records.csv` (numbers as rounded at source and written with their quantity's
/// decimals, so they read back bit for bit).
enum ReplicationRecords {
    static let stageHeader = ["replication", "stage", "observations", "waiting_mean_days", "waiting_p90_days",
                              "working_mean_days", "working_p90_days"]
    static let resourceHeader = ["replication", "resource", "site", "pool", "capacity", "utilization", "queue_length_mean", "grants",
                                 "wait_mean_days", "wait_p90_days", "wait_max_days"]
    static let weekHeader = ["replication", "week", "referrals", "collections", "releases", "infusions", "dropouts",
                             "work_in_progress"]
    /// One row per group and KPI; an undefined value (NaN) is an empty `value`.
    static let breakdownHeader = ["replication", "by", "group", "kpi", "value"]
}

/// Streams a shard's per-replication records.
final class ReplicationRecordWriter {
    private let stages: CSVFileWriter
    private let resources: CSVFileWriter
    private let weeks: CSVFileWriter
    private let breakdowns: CSVFileWriter

    /// Opens the record files in `folder`; `levels`: the names of the weekly levels the
    /// scenario's series carry (`WeeklySeries.levelNames`), one column each after `weekHeader`.
    init(folder: URL, levels: [String]) throws {
        stages = try CSVFileWriter(url: folder.appendingPathComponent("stage_records.csv"))
        resources = try CSVFileWriter(url: folder.appendingPathComponent("resource_records.csv"))
        weeks = try CSVFileWriter(url: folder.appendingPathComponent("week_records.csv"))
        breakdowns = try CSVFileWriter(url: folder.appendingPathComponent("breakdown_records.csv"))
        try breakdowns.append(ReplicationRecords.breakdownHeader)
        try stages.append(ReplicationRecords.stageHeader)
        try resources.append(ReplicationRecords.resourceHeader)
        try weeks.append(ReplicationRecords.weekHeader + levels)
    }

    func add(_ result: ReplicationResult) throws {
        let r = String(result.replication)
        let f = { (value: Double) in OutputNumber.format(value, .days) }
        for s in result.stages {
            try stages.append([r, s.name, String(s.observations), f(s.waitingMeanDays), f(s.waitingP90Days),
                               f(s.workingMeanDays), f(s.workingP90Days)])
        }
        for x in result.resources {
            try resources.append([r, x.id, x.site, x.pool, String(x.capacity), OutputNumber.format(x.utilization, .share),
                                  OutputNumber.format(x.meanQueueLength, .level), String(x.grants), f(x.meanWaitDays),
                                  f(x.p90WaitDays), f(x.maxWaitDays)])
        }
        let w = result.series
        for week in 0..<w.weeks {
            try weeks.append([r, String(week), String(w.referrals[week]), String(w.collections[week]),
                              String(w.releases[week]), String(w.infusions[week]), String(w.dropouts[week]),
                              String(w.workInProgress[week])] + w.levels.map { String($0.values[week]) })
        }
        for b in result.breakdowns {
            try breakdowns.append([r, b.by, b.group, b.kpi, OutputNumber.format(b.value, Quantity(kpi: b.kpi))])
        }
    }

    func close() throws {
        try stages.close()
        try resources.close()
        try weeks.close()
        try breakdowns.close()
    }
}
