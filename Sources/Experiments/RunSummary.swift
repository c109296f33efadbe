import SimRandom
import CARTModel

/// The across-replication summary of one KPI: mean with a 95 % Student-t interval
/// (GSL's t quantile), standard deviation, min, max, over the replications where the KPI
/// is defined (a replication with no infused patient has no vein-to-vein time).
public struct KPISummary: Sendable {
    public let name: String
    public let interval: StudentTInterval
    public let minimum: Double
    public let maximum: Double

    /// Summarises one KPI over the replications.
    public init(name: String, values: [Double]) {
        let defined = values.filter(\.isFinite)
        self.name = name
        interval = StudentTInterval(values: defined, confidence: 0.95)
        minimum = defined.min() ?? .nan
        maximum = defined.max() ?? .nan
    }

    /// Summaries of every KPI of the results, in KPI order.
    public static func summarise(_ results: [ReplicationResult]) -> [KPISummary] {
        guard let first = results.first else { return [] }
        return first.kpis.indices.map { index in
            KPISummary(name: first.kpis[index].name, values: results.map { $0.kpis[index].value })
        }
    }
}
