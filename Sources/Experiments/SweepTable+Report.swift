extension SweepTable {
    /// The text `cartsim sweep` prints: per point, its values and the headline KPIs with
    /// their 95 % half-widths.
    public func report(scenario: String, folder: String) -> String {
        let shown = SweepReport.sweepHeadline.filter { points.first?.samples.values(of: $0.name) != nil }
        let valueWidth = max(12, (points.flatMap(\.values) + paths).map(\.count).max() ?? 0) + 2
        var lines = ["\(scenario): \(points.count) points × \(points.first?.samples.replications ?? 0) replications, "
                     + "same random streams at every point (common random numbers)",
                     "point  " + paths.map { SweepReport.column($0, valueWidth) }.joined()
                     + shown.map { SweepReport.column($0.label, 28) }.joined()]
        for point in points {
            let estimates = shown.map { kpi in
                SweepReport.column(point.samples.summary(of: kpi.name).map { SweepReport.estimate($0.interval) } ?? "", 28)
            }
            lines.append(SweepReport.column(String(point.index), 7)
                         + point.values.map { SweepReport.column($0, valueWidth) }.joined() + estimates.joined())
        }
        lines.append("results: \(folder)")
        return lines.joined(separator: "\n")
    }
}
