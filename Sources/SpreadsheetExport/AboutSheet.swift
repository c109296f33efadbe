import Foundation

/// The first sheet of a workbook, `about`: what the run was, from its `run.json` — the
/// scenario, its file and hash, the seed, the replications, whether the run completed, its
/// dates and cartsim's version. Nothing that changes from one run of the same inputs to the
/// next (the wall time, the jobs), so the same inputs give the same workbook.
enum AboutSheet {
    static let name = "about"
    static let headings = ["field", "value"]

    /// The entries of `run.json` shown, in this order, when present.
    static let fields = ["scenario", "scenario_file", "scenario_hash", "kind", "seed", "replications", "complete",
                         "start_date", "horizon_days", "warmup_days", "version"]

    /// The rows: each field present in `manifest` with a text, number or true/false value,
    /// and that value as text (numbers and booleans as JSON writes them, so a seed keeps every
    /// digit).
    static func rows(_ manifest: [String: Any]) -> [[String]] {
        fields.compactMap { field in
            guard let value = manifest[field] else { return nil }
            if let text = value as? String { return [field, text] }
            guard value is NSNumber,
                  let data = try? JSONSerialization.data(withJSONObject: value, options: .fragmentsAllowed) else { return nil }
            return [field, String(decoding: data, as: UTF8.self)]
        }
    }
}
