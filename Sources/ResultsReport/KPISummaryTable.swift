/// One KPI of `summary.csv`: the mean over replications with its 95 % Student-t interval.
/// Undefined values (empty fields: no infused patient, one replication) are `nil`.
struct KPIEstimate {
    let name: String
    /// Mean, `ci95_low`, `ci95_high`.
    let value: Estimate
    let replications: Int?
}

/// `summary.csv`, one row per KPI, in file order.
struct KPISummaryTable {
    let estimates: [KPIEstimate]
    private let byName: [String: Int]

    init(estimates: [KPIEstimate]) {
        self.estimates = estimates
        byName = Dictionary(estimates.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The KPI of that name, if the file has it.
    subscript(name: String) -> KPIEstimate? { byName[name].map { estimates[$0] } }

    /// The mean of a KPI, if present and defined.
    func mean(_ name: String) -> Double? { self[name]?.value.mean }

    /// Reads `summary.csv` of `folder`.
    static func load(folder: String) throws(ReportError) -> KPISummaryTable {
        let table = try CSVTable.load("summary.csv", in: folder)
        let kpi = try table.column("kpi"), replications = try table.column("replications")
        let interval = try table.estimateColumns("mean", "ci95_low", "ci95_high")
        var estimates: [KPIEstimate] = []
        for row in table.rows {
            estimates.append(KPIEstimate(name: table.text(row, kpi), value: try table.estimate(row, interval),
                                         replications: try table.number(row, replications).map { Int($0) }))
        }
        return KPISummaryTable(estimates: estimates)
    }
}
