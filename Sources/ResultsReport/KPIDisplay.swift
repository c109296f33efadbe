import OutputSchema
import Foundation

/// How numbers appear in the report. The rule is one and simple, so that a reader (or a
/// test) can check a table against the CSV files: every value is shown with two decimals
/// in its display unit; fractions, rates and utilisations are shown in per cent (the
/// CSV value × 100). An undefined value (an empty CSV field) is shown as "—".
enum KPIDisplay {
    /// The display unit of a KPI, from its name.
    enum Unit: Equatable {
        case percent, days, perYear, patients, perReplication, money

        /// The unit as written after a value or in a column.
        var text: String {
            switch self {
            case .percent: "%"
            case .days: "days"
            case .perYear: "per year"
            case .patients: "patients"
            case .perReplication: "per replication"
            case .money: "money"
            }
        }

        /// The factor from the CSV value to the displayed value.
        var scale: Double { self == .percent ? 100 : 1 }
    }

    /// The unit of a KPI, from the unit word its name carries (``ColumnUnit``, the rule the
    /// Excel headings use too): shares in per cent, days, per year, money; work in progress
    /// and waitlist lengths in patients; other counts per replication.
    static func unit(of kpi: String) -> Unit {
        switch ColumnUnit.of(kpi)?.unit {
        case .fraction: return .percent
        case .days: return .days
        case .money: return .money
        case .perYear: return .perYear
        case .perReplication, nil: break
        }
        if kpi.hasPrefix("work_in_progress") || kpi.contains("waitlist_length_") { return .patients }
        return .perReplication
    }

    /// A CSV value in its display unit, two decimals ("—" when undefined).
    static func format(_ value: Double?, _ unit: Unit) -> String {
        guard let value, value.isFinite else { return "—" }
        return fixed(value * unit.scale, decimals: 2)
    }

    /// "mean [low, high]" in the display unit.
    static func format(_ estimate: Estimate, _ unit: Unit) -> String {
        "\(format(estimate.mean, unit)) [\(format(estimate.low, unit)), \(format(estimate.high, unit))]"
    }

    /// A value of a KPI in its display unit.
    static func format(_ value: Double?, kpi: String) -> String { format(value, unit(of: kpi)) }

    /// A number with fixed decimals, without a minus sign on zero.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A plain-language name of a KPI: written out for the KPIs a planner looks at first,
    /// spelled from the CSV name for the others ("plant_west_suites_wait_p90_days" →
    /// "Plant west suites wait, 90th percentile"), so that every chart and table names
    /// KPIs the same way. The unit is not part of the name.
    static func label(of kpi: String) -> String {
        if let label = labels[kpi] { return label }
        var words = kpi.split(separator: "_").map(String.init)
        if let last = words.last, ["days", "fraction", "rate"].contains(last) { words.removeLast() }
        if words.last == "utilization" { words[words.count - 1] = "utilisation" }
        var statistic: String?
        if let last = words.last, let name = statistics[last] {
            statistic = name
            words.removeLast()
        }
        var label = words.joined(separator: " ")
        if let statistic { label += ", \(statistic)" }
        return label.prefix(1).uppercased() + label.dropFirst()
    }

    /// "Plain name (csv_name)": how a chart is titled, so that the reader finds it in the CSV.
    static func title(of kpi: String) -> String { "\(label(of: kpi)) (\(kpi))" }

    private static let statistics = ["mean": "mean", "p50": "median", "p90": "90th percentile", "p95": "95th percentile",
                                     "p10": "10th percentile"]

    private static let labels: [String: String] = [
        "infusions_per_year": "Infusions per year",
        "vein_to_vein_mean_days": "Vein-to-vein, mean",
        "vein_to_vein_p50_days": "Vein-to-vein, median",
        "vein_to_vein_p90_days": "Vein-to-vein, 90th percentile",
        "vein_to_vein_p95_days": "Vein-to-vein, 95th percentile",
        "apheresis_to_release_p50_days": "Apheresis to release, median",
        "apheresis_to_release_p90_days": "Apheresis to release, 90th percentile",
        "referral_to_infusion_p50_days": "Referral to infusion, median",
        "not_infused_fraction": "Referred patients not infused",
        "dropout_fraction": "Dropped out (progression or death)",
        "manufacturing_failure_fraction": "Manufacturing failure",
        "material_lost_fraction": "Starting material lost",
        "out_of_spec_rate": "Out-of-specification lots",
        "work_in_progress_mean": "Work in progress, mean",
        "waitlist_length_mean": "Patients on a centre's slot waitlist, mean",
        "waitlist_length_p90": "Patients on a centre's slot waitlist, 90th percentile over time",
        "slot_wait_p50_days": "Wait for a slot, median",
        "waitlist_to_apheresis_p50_days": "Waitlist to apheresis, median",
        "slot_granted_fraction": "Referred patients allocated a slot",
        "waitlisted_infused_fraction": "Waitlisted patients infused",
        "dropout_waitlist_fraction": "Dropped out waiting for a slot",
        "slot_utilization": "Slots allocated of slots issued",
        "total_cost": "Total cost in the window",
        "per_infused_patient_cost": "Cost per infused patient",
        "annual_cost": "Cost per year",
        "dropouts_waiting_per_year": "Patients lost while waiting, per year",
        "stock_outs_in_window": "Batches that waited for stock",
        "stock_wait_days_in_window": "Days batches waited for stock",
    ]
}
