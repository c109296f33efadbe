import SimRandom

/// One KPI of a comparison of scenario B with scenario A, both run with the same seed and
/// replication indices (common random numbers).
///
/// Replication i of A and of B share their random numbers, so their KPIs are positively
/// correlated and the differences B − A of the same replication vary far less than either
/// KPI does: the paired-t interval on those differences is much narrower than the interval
/// of two independent samples (Welch's), which is given for comparison.
public struct ComparisonRow: Sendable {
    /// KPI name.
    public let kpi: String
    /// Mean of A over the paired replications.
    public let meanA: Double
    /// Mean of B over the paired replications.
    public let meanB: Double
    /// The differences B − A, replication by replication: their mean with its 95 % Student-t
    /// interval (GSL's quantile).
    public let difference: StudentTInterval
    /// The 95 % half-width for mean B − mean A if the two samples were independent
    /// (Welch–Satterthwaite); NaN with fewer than 2 replications.
    public let unpairedHalfWidth: Double

    /// Compares the values of one KPI, replication by replication (`a[i]` and `b[i]` come
    /// from replication i). Replications where either value is undefined (NaN) are left out.
    public init(kpi: String, a: [Double], b: [Double]) {
        precondition(a.count == b.count, "ComparisonRow: A and B must have the same replications")
        let pairs = zip(a, b).filter { $0.0.isFinite && $0.1.isFinite }
        let a = pairs.map(\.0), b = pairs.map(\.1)
        self.kpi = kpi
        difference = StudentTInterval(values: pairs.map { $0.1 - $0.0 })
        meanA = StudentTInterval(values: a).mean
        meanB = StudentTInterval(values: b).mean
        unpairedHalfWidth = WelchInterval.halfWidth(a, b)
    }

    /// Whether the 95 % interval of the difference lies entirely above or below zero: B
    /// differs from A at the 5 % level.
    public var excludesZero: Bool { difference.lower > 0 || difference.upper < 0 }

    /// Replications where both values are defined.
    public var replications: Int { difference.count }
}
