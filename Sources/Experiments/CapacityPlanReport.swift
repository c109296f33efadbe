extension CapacityPlanRun {
    /// The text `cartsim plan` prints: the question, every evaluated point in evaluation
    /// order, and the answer (or that even the top of the range fails).
    public func report(_ outcome: Outcome, folder: String) -> String {
        let path = variants.paths[0]
        let bound = target.relation == .atMost ? "upper" : "lower"
        var lines = ["\(scenarioName): smallest \(path) in \(range.lowerBound)...\(range.upperBound) with "
                     + "\(target) (95 % \(bound) bound), \(variants.settings.replications ?? 0) replications per point, "
                     + "common random numbers",
                     "  point  value   \(SweepReport.column(target.kpi, 36))  ci95              meets target"]
        for (index, point) in outcome.points.enumerated() {
            let interval = point.summary.interval
            let bounds = "[\(SweepReport.number(interval.lower, width: 0)), \(SweepReport.number(interval.upper, width: 0))]"
            lines.append("  " + SweepReport.column(String(index), 7) + SweepReport.column(String(point.value), 8)
                         + SweepReport.column(SweepReport.estimate(interval), 38) + SweepReport.column(bounds, 18)
                         + (point.feasible ? "yes" : "no"))
        }
        if let answer = outcome.answer {
            lines.append("answer: \(path) = \(answer)")
        } else {
            lines.append("answer: none — even \(path) = \(range.upperBound) does not meet \(target)")
        }
        lines.append("results: \(folder)")
        return lines.joined(separator: "\n")
    }
}
