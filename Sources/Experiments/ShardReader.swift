import Foundation
import CARTModel

/// Reads one shard folder's replications back: KPIs from `replications.csv`, the
/// per-replication records, and the patient rows as text.
struct ShardReader {
    let folder: URL

    /// Every replication of the shard with its `patients.csv` rows.
    func replications() throws -> [(ReplicationResult, [[String]])] {
        let replications = try document("replications.csv")
        let leading = OutputTables.replicationsLeading.count
        guard Array(replications.header.prefix(leading)) == OutputTables.replicationsLeading else {
            throw ShardMerge.MergeError(description: "\(url("replications.csv").path):1: unexpected header")
        }
        let kpiNames = Array(replications.header.dropFirst(leading))
        let stages = try grouped("stage_records.csv")
        let resources = try grouped("resource_records.csv")
        let weeks = try grouped("week_records.csv")
        let patients = try grouped("patients.csv")
        return try replications.rows.map { row in
            let replication = try int(row[0], "replications.csv")
            let kpis = zip(kpiNames, row.dropFirst(leading)).map { (name: $0, value: Double($1) ?? .nan) }
            let result = ReplicationResult(
                replication: replication, kpis: kpis,
                stages: (stages[replication] ?? []).map { r in
                    StageSummary(name: r[1], observations: Int(r[2]) ?? 0, waitingMeanDays: Self.double(r[3]),
                                 waitingP90Days: Self.double(r[4]), workingMeanDays: Self.double(r[5]),
                                 workingP90Days: Self.double(r[6]))
                },
                resources: (resources[replication] ?? []).map { r in
                    ResourceSummary(site: r[2], pool: r[3], capacity: Int(r[4]) ?? 0, utilization: Self.double(r[5]),
                                    meanQueueLength: Self.double(r[6]), grants: Int(r[7]) ?? 0,
                                    meanWaitDays: Self.double(r[8]), p90WaitDays: Self.double(r[9]),
                                    maxWaitDays: Self.double(r[10]))
                },
                series: series(weeks[replication] ?? []),
                patients: [], events: try int(row[2], "replications.csv"),
                patientsSimulated: try int(row[3], "replications.csv"))
            return (result, patients[replication] ?? [])
        }
    }

    private func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    private func document(_ name: String) throws -> CSVDocument {
        guard FileManager.default.fileExists(atPath: url(name).path) else {
            throw ShardMerge.MergeError(description: "\(url(name).path): missing; is this a complete shard folder?")
        }
        return try CSVDocument(contentsOf: url(name))
    }

    /// Rows of a per-replication file by replication (first column), in file order.
    private func grouped(_ name: String) throws -> [Int: [[String]]] {
        var groups: [Int: [[String]]] = [:]
        for row in try document(name).rows { groups[try int(row[0], name), default: []].append(row) }
        return groups
    }

    private func series(_ rows: [[String]]) -> WeeklySeries {
        func column(_ index: Int) -> [Int] { rows.map { Int($0[index]) ?? 0 } }
        return WeeklySeries(referrals: column(2), collections: column(3), releases: column(4), infusions: column(5),
                            dropouts: column(6), workInProgress: column(7))
    }

    private func int(_ text: String, _ file: String) throws -> Int {
        guard let value = Int(text) else {
            throw ShardMerge.MergeError(description: "\(url(file).path): expected an integer, got '\(text)'")
        }
        return value
    }

    /// A recorded number; an empty field is NaN (written for undefined values).
    private static func double(_ text: String) -> Double { Double(text) ?? .nan }
}
