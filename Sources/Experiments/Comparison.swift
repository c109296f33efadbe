import OutputSchema

/// Scenario B compared with scenario A, KPI by KPI, from replications run with common
/// random numbers, and its `compare.csv`.
public struct Comparison: Sendable {
    /// The header of `compare.csv`.
    public static let header = ["kpi", "mean_a", "mean_b", "difference_mean", "difference_ci95_low",
                                "difference_ci95_high", "difference_ci95_half_width", "unpaired_ci95_half_width",
                                "excludes_zero", "replications"]

    /// One row per KPI of A that B has too (resource KPIs are named after sites, so two
    /// networks may differ), in A's order.
    public let rows: [ComparisonRow]

    /// Compares `b` with `a`, replication by replication.
    /// - Precondition: both ran the same replications.
    public init(a: SweepSamples, b: SweepSamples) {
        precondition(a.replications == b.replications, "Comparison: A and B must run the same replications")
        rows = zip(a.names, a.values).compactMap { name, valuesA in
            b.values(of: name).map { ComparisonRow(kpi: name, a: valuesA, b: $0) }
        }
    }

    /// The row of the KPI `name`, if both scenarios have it.
    public func row(_ name: String) -> ComparisonRow? {
        rows.first { $0.kpi == name }
    }

    /// `compare.csv`: one row per KPI; the difference is B − A.
    public var csv: String {
        var table = CSVText(header: Self.header)
        for row in rows {
            let d = row.difference
            let statistic = Quantity(kpi: row.kpi).acrossReplications
            table.append([row.kpi] + [row.meanA, row.meanB, d.mean, d.lower, d.upper, d.halfWidth, row.unpairedHalfWidth].map {
                OutputNumber.format($0, statistic)
            } + [String(row.excludesZero), String(row.replications)])
        }
        return table.text
    }
}
