import Foundation
import XCTest

/// Every number in the output files is written with the decimals of its quantity — days and
/// shares 6, levels (means of counts, rates, queue lengths) 4, money 2, counts as integers — the same
/// in every file, with no float noise, and each resource has one id in every file.
final class NumbersInFilesTests: FolderTestCase {
    /// What a column holds, by its name (the test's own reading of the output reference).
    private enum Kind: Equatable {
        case days, share, level, money, count, other
        var decimals: Int? {
            switch self {
            case .days, .share: 6
            case .level: 4
            case .money: 2
            case .count: 0
            case .other: nil
            }
        }
    }

    private static func kind(ofKPI name: String) -> Kind {
        if name.hasSuffix("_cost") { return .money }
        if name.hasSuffix("_days") { return .days }
        if name.hasSuffix("_fraction") || name.hasSuffix("_rate") || name.hasSuffix("_utilization") { return .share }
        if name.hasSuffix("_per_year") || name.hasSuffix("_mean") { return .level }
        return .count
    }

    /// Decimals written in a number field; nil if it is not a plain decimal number.
    private static func decimals(_ field: String) -> Int? {
        guard field.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil else { return nil }
        guard let dot = field.firstIndex(of: ".") else { return 0 }
        return field.distance(from: dot, to: field.endIndex) - 1
    }

    private func check(_ file: URL, _ kind: (_ column: String, _ row: [String: String]) -> Kind) throws {
        let table = try CSVFile(url: file)
        XCTAssertFalse(table.rows.isEmpty, file.lastPathComponent)
        for row in table.rows {
            for column in table.header {
                let field = row[column]!
                let expected = kind(column, row)
                guard let decimals = expected.decimals, !field.isEmpty else { continue }
                XCTAssertEqual(Self.decimals(field), decimals,
                               "\(file.lastPathComponent) \(column) = \(field): expected \(decimals) decimals")
            }
        }
    }

    func testEveryFileWritesEachQuantityWithItsDecimalsAndOneResourceID() throws {
        let out = folder.appendingPathComponent("axicel")
        let run = try CartsimBinary.run(["run", "Scenarios/axicel-central-fresh.yaml", "--replications", "3",
                                         "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        func file(_ name: String) -> URL { out.appendingPathComponent(name) }
        try check(file("patients.csv")) { column, _ in
            column.hasSuffix("_day") || column.hasSuffix("_days") ? .days : .other
        }
        try check(file("stages.csv")) { column, _ in
            column.hasSuffix("_days") ? .days : column == "observations_per_replication" ? .level : .other
        }
        try check(file("resources.csv")) { column, _ in
            switch column {
            case "utilization", "utilization_ci95_half_width": .share
            case "queue_length_mean", "grants_per_replication": .level
            case "capacity": .count
            default: column.hasSuffix("_days") ? .days : .other
            }
        }
        try check(file("timeseries.csv")) { column, _ in
            column.hasSuffix("_mean") || column.hasSuffix("_p5") || column.hasSuffix("_p95") ? .level : .other
        }
        try check(file("replications.csv")) { column, _ in
            ["replication", "seed", "events", "patients_simulated"].contains(column) ? .count : Self.kind(ofKPI: column)
        }
        try check(file("summary.csv")) { column, row in
            let kpi = Self.kind(ofKPI: row["kpi"]!)
            switch column {
            case "min", "max": return kpi
            case "mean", "sd", "ci95_low", "ci95_high", "ci95_half_width": return kpi == .count ? .level : kpi
            default: return .other
            }
        }
        let resources = try CSVFile(url: file("resources.csv")).rows
        let kpis = try CSVFile(url: file("summary.csv")).rows.map { $0["kpi"]! }
        for resource in resources {
            let id = resource["resource"]!
            XCTAssertEqual(id, (resource["site"]! + "_" + resource["pool"]!).replacingOccurrences(of: "-", with: "_"))
            for suffix in ["_utilization", "_wait_mean_days", "_wait_p90_days"] {
                XCTAssertTrue(kpis.contains(id + suffix), "\(id + suffix) in summary.csv")
            }
        }
        let utilizationKPIs = kpis.filter { $0.hasSuffix("_utilization") }
        XCTAssertEqual(Set(utilizationKPIs), Set(resources.map { $0["resource"]! + "_utilization" }),
                       "the same resources, by the same ids, in resources.csv and summary.csv")
    }
}
