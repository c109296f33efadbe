import Foundation
import CARTModel

/// Reads one shard folder's replications back: KPIs from `replications.csv`, the
/// per-replication records, and the patient rows as text. Columns are read by name and every
/// field strictly (`ShardFile`).
struct ShardReader {
    let folder: URL

    /// Every replication of the shard with its `patients.csv` rows.
    func replications() throws -> [(ReplicationResult, [[String]])] {
        let replications = try ShardFile("replications.csv", in: folder)
        let leading = OutputTables.replicationsLeading.count
        guard Array(replications.header.prefix(leading)) == OutputTables.replicationsLeading else {
            throw ShardMerge.MergeError(description: "\(replications.url.path):1: unexpected header")
        }
        let kpiNames = Array(replications.header.dropFirst(leading))
        let stages = try stageRecords()
        let resources = try resourceRecords()
        let weeks = try weekRecords()
        let breakdowns = try breakdownRecords()
        let patients = try grouped(try ShardFile("patients.csv", in: folder))
        let events = try replications.column("events"), simulated = try replications.column("patients_simulated")
        return try replications.rows.map { row in
            let replication = try replications.int(row, 0)
            let kpis = try kpiNames.indices.map { (name: kpiNames[$0], value: try replications.number(row, leading + $0)) }
            var result = ReplicationResult(
                replication: replication, kpis: kpis, stages: stages[replication] ?? [],
                resources: resources[replication] ?? [], series: weeks[replication] ?? WeeklySeries(
                    referrals: [], collections: [], releases: [], infusions: [], dropouts: [], workInProgress: []),
                patients: [], events: try replications.int(row, events),
                patientsSimulated: try replications.int(row, simulated))
            result.breakdowns = breakdowns[replication] ?? []
            return (result, (patients[replication] ?? []).map(\.fields))
        }
    }

    /// Rows of a per-replication file by replication (first column), in file order.
    private func grouped(_ file: ShardFile) throws -> [Int: [(line: Int, fields: [String])]] {
        var groups: [Int: [(line: Int, fields: [String])]] = [:]
        for row in file.rows { groups[try file.int(row, 0), default: []].append(row) }
        return groups
    }

    private func breakdownRecords() throws -> [Int: [BreakdownValue]] {
        let file = try ShardFile("breakdown_records.csv", in: folder)
        let c = try ReplicationRecords.breakdownHeader.map(file.column)
        return try grouped(file).mapValues { rows in
            try rows.map { r in
                BreakdownValue(by: r.fields[c[1]], group: r.fields[c[2]], kpi: r.fields[c[3]],
                               value: r.fields[c[4]].isEmpty ? .nan : try file.number(r, c[4]))
            }
        }
    }

    private func stageRecords() throws -> [Int: [StageSummary]] {
        let file = try ShardFile("stage_records.csv", in: folder)
        let c = try ReplicationRecords.stageHeader.map(file.column)
        return try grouped(file).mapValues { rows in
            try rows.map { r in
                StageSummary(name: r.fields[c[1]], observations: try file.int(r, c[2]),
                             waitingMeanDays: try file.number(r, c[3]), waitingP90Days: try file.number(r, c[4]),
                             workingMeanDays: try file.number(r, c[5]), workingP90Days: try file.number(r, c[6]))
            }
        }
    }

    private func resourceRecords() throws -> [Int: [ResourceSummary]] {
        let file = try ShardFile("resource_records.csv", in: folder)
        let c = try ReplicationRecords.resourceHeader.map(file.column)
        return try grouped(file).mapValues { rows in
            try rows.map { r in
                ResourceSummary(site: r.fields[c[2]], pool: r.fields[c[3]], capacity: try file.int(r, c[4]),
                                utilization: try file.number(r, c[5]), meanQueueLength: try file.number(r, c[6]),
                                grants: try file.int(r, c[7]), meanWaitDays: try file.number(r, c[8]),
                                p90WaitDays: try file.number(r, c[9]), maxWaitDays: try file.number(r, c[10]))
            }
        }
    }

    private func weekRecords() throws -> [Int: WeeklySeries] {
        let file = try ShardFile("week_records.csv", in: folder)
        let c = try ReplicationRecords.weekHeader.map(file.column)
        // The weekly levels (waitlist, stock) follow the fixed columns.
        let levelNames = Array(file.header.dropFirst(ReplicationRecords.weekHeader.count))
        let levelColumns = try levelNames.map(file.column)
        return try grouped(file).mapValues { rows in
            func column(_ index: Int) throws -> [Int] { try rows.map { try file.int($0, index) } }
            return WeeklySeries(referrals: try column(c[2]), collections: try column(c[3]), releases: try column(c[4]),
                                infusions: try column(c[5]), dropouts: try column(c[6]), workInProgress: try column(c[7]),
                                levels: try zip(levelNames, levelColumns).map { WeeklyLevel(name: $0, values: try column($1)) })
        }
    }
}
