/// What a number in an output file measures. It fixes the resolution the number is kept at
/// and written with, the same in every file: days and shares to 6 decimals (0.09 s; one in a
/// million), counts as integers, levels (means of counts, rates per year, queue lengths) to 4,
/// money to 2 (cents).
public enum Quantity: Sendable {
    /// A time or duration in days (`…_days`).
    case days
    /// A share between 0 and 1 (`…_fraction`, `…_rate`, `…_utilization`).
    case share
    /// A whole number of patients, events or lots in one replication.
    case count
    /// A mean level or rate: work in progress, queue length, per year, a count averaged
    /// over replications.
    case level
    /// An amount of money in the scenario's currency (`…_cost`).
    case money

    /// The quantity of a KPI, from the unit word its name carries (``ColumnUnit``: the word
    /// before any `_in_window`, so `stock_wait_days_in_window` is days); means (`…_mean`) and
    /// rates per year are levels, names without a unit word counts (see `docs/output-reference.md`).
    public init(kpi name: String) {
        switch ColumnUnit.unit(of: name) {
        case .money: self = .money
        case .days: self = .days
        case .fraction: self = .share
        case .perYear: self = .level
        case .perReplication, nil: self = name.hasSuffix("_mean") ? .level : .count
        }
    }

    /// Decimals kept and written.
    public var decimals: Int {
        switch self {
        case .days, .share: 6
        case .count: 0
        case .level: 4
        case .money: 2
        }
    }

    /// The quantity of a statistic (mean, standard deviation, interval) across replications
    /// of values of this quantity: a mean count is a level.
    public var acrossReplications: Quantity { self == .count ? .level : self }
}
