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
        guard let found = find(name) else { return nil }
        let stem = found.isUnitOnly && !found.hasTail && found.wordStart > 0
            ? String(decoding: name.utf8.prefix(found.wordStart - 1), as: UTF8.self) : nil
        return Match(unit: found.unit, stem: stem)
    }

    /// The unit of `name` alone (what the decimals of a number depend on): ``of(_:)`` without
    /// building the stem, cheap enough for every value written.
    public static func unit(of name: String) -> ColumnUnit? { find(name)?.unit }

    /// The unit word of `name`: its unit, whether it names only the unit, whether a tail
    /// follows it, and where it starts (in UTF-8 bytes). Compares bytes, allocating nothing.
    private static func find(_ name: String) -> (unit: ColumnUnit, isUnitOnly: Bool, hasTail: Bool, wordStart: Int)? {
        var name = name
        return name.withUTF8 { bytes in
            var end = bytes.count, hasTail = false
            for tail in tails where ends(bytes, at: end, with: tail) {
                end -= tail.count
                hasTail = true
                break
            }
            for (word, unit, isUnitOnly) in words where ends(bytes, at: end, with: word) {
                let start = end - word.count
                guard start == 0 || bytes[start - 1] == UInt8(ascii: "_") else { continue }
                return (unit, isUnitOnly, hasTail, start)
            }
            return nil
        }
    }

    private static func ends(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, with suffix: [UInt8]) -> Bool {
        end >= suffix.count && bytes[(end - suffix.count)..<end].elementsEqual(suffix)
    }

    /// Endings a name may have after its unit word.
    private static let tails = ["_in_window", "_ci95_half_width"].map { Array($0.utf8) }

    /// Unit words, each with its unit and whether it names only the unit (so that a heading
    /// may drop it from the name).
    private static let words: [([UInt8], ColumnUnit, Bool)] = [
        ("days", ColumnUnit.days, true), ("fraction", .fraction, true), ("per_year", .perYear, true),
        ("per_replication", .perReplication, true), ("rate", .fraction, false), ("utilization", .fraction, false),
        ("cost", .money, false),
    ].map { (Array($0.0.utf8), $0.1, $0.2) }
}
