import Foundation
import SimRandom

/// The short texts `compare`, `sweep` and `plan` print when they finish: a few headline
/// KPIs, aligned in columns.
enum SweepReport {
    /// The KPIs shown, with their labels.
    static let headline: [(name: String, label: String)] = [
        ("vein_to_vein_mean_days", "vein-to-vein mean (days)"),
        ("vein_to_vein_p90_days", "vein-to-vein p90 (days)"),
        ("apheresis_to_release_p50_days", "apheresis to release median (days)"),
        ("infusions_per_year", "infusions per year"),
        ("not_infused_fraction", "not infused (fraction)"),
    ]

    /// The headline KPIs a sweep shows for every point (its lines stay readable).
    static var sweepHeadline: [(name: String, label: String)] {
        let shown: Set = ["vein_to_vein_mean_days", "vein_to_vein_p90_days", "infusions_per_year"]
        return headline.filter { shown.contains($0.name) }
    }

    /// `text` padded with spaces (or cut) to `width` characters.
    static func column(_ text: String, _ width: Int) -> String {
        text.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    /// `value` with 3 decimals, right-aligned in `width` characters (never `-0.000`).
    static func number(_ value: Double, width: Int = 10) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return String(format: "%\(width).3f", rounded == 0 ? 0 : rounded)
    }

    /// `mean ± half-width` with 3 decimals (the half-width shown as 0 when undefined).
    static func estimate(_ interval: StudentTInterval) -> String {
        number(interval.mean) + " ± " + String(format: "%.3f", interval.halfWidth.isFinite ? interval.halfWidth : 0)
    }
}
