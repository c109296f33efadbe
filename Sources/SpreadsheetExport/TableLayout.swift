import OutputSchema

/// How a CSV table appears on a worksheet: the same columns and values, with the unit that a
/// column's name carries (``ColumnUnit``) said in its heading, and, in a table of KPIs (with a
/// `kpi` column: `summary.csv`, `breakdowns.csv`), a `unit` column after `kpi` giving each
/// row's unit.
struct TableLayout {
    /// The worksheet's header row.
    let headings: [String]
    /// The position of the `kpi` column, when the table has one.
    private let kpiColumn: Int?

    init(header: [String]) {
        kpiColumn = header.firstIndex(of: "kpi")
        var headings = header.map(Self.heading)
        if let kpiColumn { headings.insert(Self.unitHeading, at: kpiColumn + 1) }
        self.headings = headings
    }

    /// The heading of the column inserted after `kpi`.
    static let unitHeading = "unit"

    /// The unit of a KPI as the `unit` column gives it: its name's unit (``ColumnUnit``), or
    /// `count` for a KPI without one (patients, events, lots or units, in one replication;
    /// a time average for `…_mean`).
    static func unit(ofKPI kpi: String) -> String { ColumnUnit.of(kpi)?.unit.text ?? "count" }

    /// The heading of column `name`: the name with its unit in words in parentheses, the unit
    /// word dropped where it only names the unit (`wait_p90_days` → `wait_p90 (days)`,
    /// `grants_per_replication` → `grants (per replication)`, `utilization` →
    /// `utilization (fraction)`); a name without a unit as it is.
    static func heading(_ name: String) -> String {
        guard let match = ColumnUnit.of(name) else { return name }
        return "\(match.stem ?? name) (\(match.unit.text))"
    }

    /// The fields of a row of the worksheet: the CSV record's, with the KPI's unit after it.
    func fields(of record: [String]) -> [String] {
        guard let kpiColumn else { return record }
        var fields = record
        fields.insert(Self.unit(ofKPI: record[kpiColumn]), at: kpiColumn + 1)
        return fields
    }
}
