import SimKernel
import CARTModel
import ScenarioFile

/// The value of every KPI in every replication of one scenario variant — a point of a
/// sweep or a plan, a side of a comparison — in replication order.
///
/// Only the KPIs are kept (no patients, stages or series), so memory is one number per
/// KPI and replication.
public struct SweepSamples: Sendable {
    /// KPI names, in the model's order.
    public let names: [String]
    /// `values[k][r]`: KPI `names[k]` in replication r (NaN where it is undefined, e.g. no
    /// infused patient).
    public let values: [[Double]]
    /// Replications run.
    public let replications: Int

    /// Samples assembled from known values (`values[k]` belongs to `names[k]`).
    public init(names: [String], values: [[Double]]) {
        precondition(names.count == values.count, "SweepSamples: one list of values per KPI")
        self.names = names
        self.values = values
        replications = values.first?.count ?? 0
    }

    /// Runs replications 0..<`scenario.simulation.replications` of `scenario` on `jobs`
    /// threads.
    public init(running scenario: ScenarioDescription, jobs: Int) throws {
        try self.init(running: scenario, replications: 0..<scenario.simulation.replications, jobs: jobs)
    }

    /// Runs the replications with indices `replications` of `scenario` on `jobs` threads;
    /// `interrupted` stops it after the replications under way (they are kept), `progress` is
    /// told each replication done.
    public init(running scenario: ScenarioDescription, replications: Range<Int>, jobs: Int,
                interrupted: @escaping @Sendable () -> Bool = { false }, progress: () -> Void = {}) throws {
        var names: [String] = []
        var values: [[Double]] = []
        let runner = ReplicationRunner(scenario: scenario, jobs: jobs, patientReplications: 0)
        try runner.run(indices: Array(replications), interrupted: interrupted) { result in
            progress()
            if names.isEmpty {
                names = result.kpis.map(\.name)
                values = Array(repeating: [], count: names.count)
            }
            for (index, kpi) in result.kpis.enumerated() { values[index].append(kpi.value) }
            return true
        }
        self.init(names: names, values: values)
    }

    /// The first `count` replications.
    public func prefix(_ count: Int) -> SweepSamples {
        SweepSamples(names: names, values: values.map { Array($0.prefix(count)) })
    }

    /// These samples followed by `later`'s (further replications of the same variant).
    public func appending(_ later: SweepSamples) -> SweepSamples {
        guard replications > 0 else { return later }
        precondition(later.names == names, "SweepSamples: appended samples must have the same KPIs")
        return SweepSamples(names: names, values: zip(values, later.values).map { $0 + $1 })
    }

    /// The values of the KPI `name` in replication order; nil when the scenario has no
    /// such KPI.
    public func values(of name: String) -> [Double]? {
        names.firstIndex(of: name).map { values[$0] }
    }

    /// Mean, 95 % Student-t interval, min and max of every KPI, in KPI order.
    public var summaries: [KPISummary] {
        zip(names, values).map { KPISummary(name: $0, values: $1) }
    }

    /// The summary of the KPI `name`; nil when the scenario has no such KPI.
    public func summary(of name: String) -> KPISummary? {
        values(of: name).map { KPISummary(name: name, values: $0) }
    }
}
