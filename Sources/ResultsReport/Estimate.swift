/// A mean with the ends of an interval around it: a 95 % confidence interval, or a
/// 5th–95th percentile band. Any part may be undefined (an empty CSV field).
struct Estimate {
    let mean: Double?
    let low: Double?
    let high: Double?

    /// Every part times `factor` (a fraction in per cent: 100).
    func scaled(_ factor: Double) -> Estimate {
        Estimate(mean: mean.map { $0 * factor }, low: low.map { $0 * factor }, high: high.map { $0 * factor })
    }

    /// The parts that are defined.
    var definedValues: [Double] { [mean, low, high].compactMap { $0 } }
}

extension CSVTable {
    /// The estimate in a row from its mean, low-end and high-end columns.
    func estimate(_ row: Row, _ columns: (mean: Int, low: Int, high: Int)) throws(ReportError) -> Estimate {
        Estimate(mean: try number(row, columns.mean), low: try number(row, columns.low), high: try number(row, columns.high))
    }

    /// The indices of the columns `mean`, `low` and `high`, which must exist.
    func estimateColumns(_ mean: String, _ low: String, _ high: String) throws(ReportError) -> (mean: Int, low: Int, high: Int) {
        (try column(mean), try column(low), try column(high))
    }
}
