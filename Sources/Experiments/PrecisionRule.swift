import SimRandom

/// `--precision KPI=HALFWIDTH`: a run goes on until every named KPI's 95 % Student-t
/// half-width over the replications so far is at most its target (and at least `minimum`
/// replications ran). The check runs after each replication in replication order, so
/// where a run stops does not depend on the number of jobs.
struct PrecisionRule {
    let targets: [(kpi: String, halfWidth: Double)]
    let minimum: Int

    /// Whether the replications so far meet every target (false when there is none).
    func isMet(by accumulator: RunAccumulator) -> Bool {
        guard !targets.isEmpty, accumulator.count >= max(minimum, 2) else { return false }
        return targets.allSatisfy { target in
            halfWidth(of: target.kpi, in: accumulator).map { $0 <= target.halfWidth } ?? false
        }
    }

    private func halfWidth(of kpi: String, in accumulator: RunAccumulator) -> Double? {
        guard let index = accumulator.kpiNames.firstIndex(of: kpi) else { return nil }
        let interval = StudentTInterval(values: accumulator.kpiValues[index].filter(\.isFinite))
        return interval.halfWidth.isFinite ? interval.halfWidth : nil
    }

    /// The `precision` entry of `run.json`, or nil without targets.
    func report(for accumulator: RunAccumulator, met: Bool) -> RunMetadata.PrecisionReport? {
        guard !targets.isEmpty else { return nil }
        return RunMetadata.PrecisionReport(
            met: met,
            targets: targets.map { ($0.kpi, $0.halfWidth, halfWidth(of: $0.kpi, in: accumulator)) })
    }
}
