import Foundation
import CARTModel

/// The short text `cartsim run` prints when it finishes.
public enum RunReport {
    /// Headline KPIs with their 95 % intervals, and where the files are.
    public static func headline(results: [ReplicationResult], metadata: RunMetadata, folder: String) -> String {
        let summaries = Dictionary(uniqueKeysWithValues: KPISummary.summarise(results).map { ($0.name, $0) })
        var lines = ["\(metadata.scenarioName): \(metadata.replications) replications, seed \(metadata.seed), "
                     + String(format: "%.2f s", metadata.wallTimeSeconds)]
        for (name, label) in [("throughput_per_year", "infusions per year"),
                              ("vein_to_vein_p50_days", "vein-to-vein median (days)"),
                              ("vein_to_vein_p90_days", "vein-to-vein p90 (days)"),
                              ("apheresis_to_release_p50_days", "apheresis to release median (days)"),
                              ("not_infused_fraction", "not infused (fraction)"),
                              ("out_of_spec_rate", "out-of-spec rate")] {
            guard let kpi = summaries[name] else { continue }
            let padded = label.padding(toLength: 36, withPad: " ", startingAt: 0)
            let halfWidth = kpi.interval.halfWidth.isFinite ? kpi.interval.halfWidth : 0
            lines.append("  " + padded + String(format: " %10.3f  ± %.3f", kpi.interval.mean, halfWidth))
        }
        lines.append("results: \(folder)")
        return lines.joined(separator: "\n")
    }
}
