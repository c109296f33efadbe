/// An HTML table of numbers: the text alternative under every chart, and the KPI tables.
/// Cells that show a value of `summary.csv` carry it as `data-kpi` and `data-stat`
/// attributes, so that anyone (and the tests) can trace a number to its source.
struct DataTable {
    /// One cell: its text and extra attributes; numbers are right-aligned.
    struct Cell {
        let text: String
        var numeric = false
        var attributes: [(String, String?)] = []

        /// A text cell.
        static func label(_ text: String) -> Cell { Cell(text: text) }

        /// A number with fixed decimals ("—" when undefined).
        static func number(_ value: Double?, decimals: Int = 2) -> Cell {
            Cell(text: value.map { $0.isFinite ? KPIDisplay.fixed($0, decimals: decimals) : "—" } ?? "—", numeric: true)
        }

        /// Three number cells: the mean and the ends of its interval.
        static func numbers(_ estimate: Estimate) -> [Cell] {
            [.number(estimate.mean), .number(estimate.low), .number(estimate.high)]
        }

        /// A value of `summary.csv` (`stat` is its column: `mean`, `ci95_low`, `ci95_high`),
        /// in the KPI's display unit.
        static func kpi(_ value: Double?, kpi: String, stat: String) -> Cell {
            Cell(text: KPIDisplay.format(value, kpi: kpi), numeric: true,
                 attributes: [("data-kpi", kpi), ("data-stat", stat)])
        }
    }

    let header: [String]
    let rows: [[Cell]]

    /// The `<table>`, with a header row.
    func render(caption: String? = nil) -> Markup {
        var children: [Markup] = []
        if let caption { children.append(.el("caption", text: caption)) }
        children.append(.el("thead", [], [.el("tr", [], header.map { .el("th", [("scope", "col")], text: $0) })]))
        children.append(.el("tbody", [], rows.map { row in
            .el("tr", [], row.map { cell in
                .el("td", [("class", cell.numeric ? "num" : nil)] + cell.attributes, text: cell.text)
            })
        }))
        return .el("table", [], children)
    }
}
