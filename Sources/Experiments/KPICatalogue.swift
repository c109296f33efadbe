import CARTModel
import ScenarioFile

/// The names of the KPIs a scenario reports, without running it for long: one replication
/// of a zero-length run gives the same KPI list as any other.
public enum KPICatalogue {
    public static func names(for scenario: ScenarioDescription) -> [String] {
        var probe = scenario
        probe.simulation.horizon = 0
        probe.simulation.warmup = 0
        guard let replication = try? PathwayReplication(scenario: probe, replication: 0, keepPatients: false) else {
            return []
        }
        return replication.run().kpis.map(\.name)
    }
}
