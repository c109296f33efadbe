extension ComparisonRun {
    /// The text `cartsim compare` prints: what ran, then for each headline KPI A, B, the
    /// paired difference B − A with its 95 % interval and the unpaired half-width.
    public func report(_ comparison: Comparison, folder: String) -> String {
        var lines = ["A: \(scenarioA.name) (\(fileA))", "B: \(scenarioB.name) (\(fileB))",
                     "\(scenarioA.simulation.replications) replications each, seed \(scenarioA.simulation.seed), "
                     + "same random streams per replication (common random numbers)",
                     SweepReport.column("", 36) + "         A           B       B − A   paired 95 % interval"
                     + "      unpaired ±"]
        for (name, label) in SweepReport.headline {
            guard let row = comparison.row(name) else { continue }
            let d = row.difference
            let interval = "[\(SweepReport.number(d.lower, width: 0)), \(SweepReport.number(d.upper, width: 0))]"
            lines.append("  " + SweepReport.column(label, 34) + SweepReport.number(row.meanA)
                         + "  " + SweepReport.number(row.meanB) + "  " + SweepReport.number(d.mean)
                         + "   " + SweepReport.column(interval + (row.excludesZero ? " *" : ""), 24)
                         + SweepReport.number(row.unpairedHalfWidth, width: 8))
        }
        lines.append("  * B differs from A: the 95 % interval of B − A excludes 0")
        lines.append("results: \(folder)")
        return lines.joined(separator: "\n")
    }
}
