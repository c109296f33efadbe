/// The unit a column or KPI name of an output file carries in its last word (the convention of
/// every file: `wait_p90_days`, `not_infused_fraction`, `infusions_per_year`), read back so
/// that a table can say it in words. A name may end with a tail after its unit word
/// (`stock_wait_days_in_window`, `utilization_ci95_half_width`); a name without a unit word
/// (`patients_referred`, `queue_length_mean`, `week`) has none.
public enum ColumnUnit: Sendable {
    /// Days (`…_days`): a time or duration.
    case days
    /// A share between 0 and 1 (`…_fraction`, `…_rate`, `…utilization`).
    case fraction
    /// A rate per 365 days of the window (`…_per_year`).
    case perYear
    /// A mean number per replication (`…_per_replication`).
    case perReplication
    /// Money in the scenario's currency (`…_cost`).
    case money

    /// The unit in words, as a table heading says it: `days`, `fraction`, `per year`,
    /// `per replication`, `money`.
    public var text: String {
        switch self {
        case .days: "days"
        case .fraction: "fraction"
        case .perYear: "per year"
        case .perReplication: "per replication"
        case .money: "money"
        }
    }

    /// Where a name says its unit.
    public struct Match: Equatable, Sendable {
        public let unit: ColumnUnit
        /// The name without its unit word, when the unit word only names the unit and ends
        /// the name (`wait_p90_days` → `wait_p90`); nil when the word is also what is measured
        /// (`utilization`, `out_of_spec_rate`, `total_cost`) or a tail follows it.
        public let stem: String?
    }

    /// The unit of `name`, nil when it has none.
    public static func of(_ name: String) -> Match? {
        var head = Substring(name)
        var hasTail = false
        for tail in tails where head.hasSuffix(tail) {
            head = head.dropLast(tail.count)
            hasTail = true
            break
        }
        for (word, unit, isUnitOnly) in words {
            guard head == word || head.hasSuffix("_" + word) else { continue }
            let stem = isUnitOnly && !hasTail && head.count > word.count ? String(head.dropLast(word.count + 1)) : nil
            return Match(unit: unit, stem: stem)
        }
        return nil
    }

    /// Endings a name may have after its unit word.
    private static let tails = ["_in_window", "_ci95_half_width"]

    /// Unit words, each with its unit and whether it names only the unit (so that a heading
    /// may drop it from the name).
    private static let words: [(String, ColumnUnit, Bool)] = [
        ("days", .days, true), ("fraction", .fraction, true), ("per_year", .perYear, true),
        ("per_replication", .perReplication, true), ("rate", .fraction, false), ("utilization", .fraction, false),
        ("cost", .money, false),
    ]
}
