import Foundation

/// The short text `cartsim run` prints when it finishes.
public enum RunReport {
    /// Headline KPIs with their 95 % intervals, and where the files are.
    public static func headline(_ outcome: ScenarioRun.Outcome, folder: String) -> String {
        let metadata = outcome.metadata
        let summaries = Dictionary(uniqueKeysWithValues: outcome.summaries.map { ($0.name, $0) })
        var lines = ["\(metadata.scenarioName): \(metadata.replications) replications, seed \(metadata.seed), "
                     + String(format: "%.2f s", metadata.wallTimeSeconds)
                     + (metadata.shard.map { ", shard \($0)" } ?? "")]
        for (name, label) in [("infusions_per_year", "infusions per year"),
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
        if let precision = metadata.precision {
            lines.append(precision.met ? "precision targets met after \(metadata.replications) replications"
                         : "precision targets NOT met: stopped at \(metadata.replications) replications")
            for target in precision.targets {
                let reached = target.reached.map { String(format: "%.4g", $0) } ?? "undefined"
                lines.append("  \(target.kpi): half-width \(reached) (target \(target.target))")
            }
        }
        lines.append("results: \(folder)")
        return lines.joined(separator: "\n")
    }
}
