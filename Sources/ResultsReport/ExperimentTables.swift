/// One KPI of `compare.csv`: the means of A and B and their paired difference with its
/// 95 % paired-t interval.
struct PairedDifference {
    let kpi: String
    let meanA: Double?
    let meanB: Double?
    /// The mean paired difference with its 95 % interval.
    let difference: Estimate
    let unpairedHalfWidth: Double?
    let excludesZero: Bool
    let replications: Int?
}

/// One row of `sweep.csv` or `plan.csv`: a KPI at one point of the sweep.
struct SweepEstimate {
    let point: String
    /// The swept value of each key path at this point, in the file's column order.
    let settings: [String]
    let kpi: String
    /// The mean over replications with its 95 % interval.
    let value: Estimate
    let replications: Int?
    /// `plan.csv` only: the target, e.g. `vein_to_vein_p90_days<=28` (nil when the row does not say).
    let target: String?
    /// `plan.csv` only: whether the point meets the target (nil when the row does not say).
    let feasible: Bool?
}

/// Reading the tables of `compare`, `sweep` and `plan` folders.
enum ExperimentTables {
    /// `compare.csv`, in file order.
    static func compare(folder: String) throws(ReportError) -> [PairedDifference] {
        let table = try CSVTable.load("compare.csv", in: folder)
        let kpi = try table.column("kpi"), a = try table.column("mean_a"), b = try table.column("mean_b")
        let difference = try table.estimateColumns("difference_mean", "difference_ci95_low", "difference_ci95_high")
        let unpaired = try table.column("unpaired_ci95_half_width")
        let excludes = try table.column("excludes_zero"), replications = try table.column("replications")
        var rows: [PairedDifference] = []
        for row in table.rows {
            rows.append(PairedDifference(
                kpi: table.text(row, kpi), meanA: try table.number(row, a), meanB: try table.number(row, b),
                difference: try table.estimate(row, difference), unpairedHalfWidth: try table.number(row, unpaired),
                excludesZero: try table.flag(row, excludes), replications: try table.number(row, replications).map { Int($0) }))
        }
        return rows
    }

    /// `sweep.csv`: the swept key paths (the columns between `point` and `kpi`) and the rows.
    static func sweep(folder: String) throws(ReportError) -> (paths: [String], rows: [SweepEstimate]) {
        let table = try CSVTable.load("sweep.csv", in: folder)
        let point = try table.column("point"), kpi = try table.column("kpi")
        guard point < kpi - 1 else {
            throw ReportError(folder: folder, file: "sweep.csv", "no swept key path between 'point' and 'kpi'")
        }
        let settings = Array(point + 1..<kpi)
        let rows = try estimates(table, point: point, settings: settings, kpi: kpi, plan: nil)
        return (settings.map { table.header[$0] }, rows)
    }

    /// `plan.csv`: one swept `value` per point, with the target and whether the point meets it.
    static func plan(folder: String) throws(ReportError) -> [SweepEstimate] {
        let table = try CSVTable.load("plan.csv", in: folder)
        return try estimates(table, point: try table.column("point"), settings: [try table.column("value")],
                             kpi: try table.column("kpi"), plan: (try table.column("target"), try table.column("feasible")))
    }

    private static func estimates(_ table: CSVTable, point: Int, settings: [Int], kpi: Int,
                                  plan: (target: Int, feasible: Int)?) throws(ReportError) -> [SweepEstimate] {
        let interval = try table.estimateColumns("mean", "ci95_low", "ci95_high")
        let replications = try table.column("replications")
        var rows: [SweepEstimate] = []
        for row in table.rows {
            var meets: Bool?
            var target: String?
            if let plan, !table.text(row, plan.feasible).isEmpty { meets = try table.flag(row, plan.feasible) }
            if let plan, !table.text(row, plan.target).isEmpty { target = table.text(row, plan.target) }
            rows.append(SweepEstimate(
                point: table.text(row, point), settings: settings.map { table.text(row, $0) }, kpi: table.text(row, kpi),
                value: try table.estimate(row, interval), replications: try table.number(row, replications).map { Int($0) }, target: target, feasible: meets))
        }
        return rows
    }
}
