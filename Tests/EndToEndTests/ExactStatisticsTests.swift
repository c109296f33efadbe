import Foundation
import XCTest

/// Within-replication quantiles are exact: recomputed from `patients.csv` (every patient of
/// every replication) with the type-7 rule, they equal the KPIs of `replications.csv` up to
/// the 6 decimals the files print (a quantile sketch was off by up to 0.5 %, ~0.14 d).
final class ExactStatisticsTests: XCTestCase {
    /// Type-7 sample quantile of `values` (R's default; GSL's sorted-data quantile).
    private func quantile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        let position = Double(sorted.count - 1) * p
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    func testLeadTimeQuantilesEqualThoseOfThePatientRecords() throws {
        let out = CartsimBinary.temporaryPath("exact")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let run = try CartsimBinary.run(["run", "Scenarios/tisacel-cryo-hub.yaml", "--replications", "3",
                                         "--patients", "all", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let patients = try CSVFile(url: out.appendingPathComponent("patients.csv"))
        let replications = try CSVFile(url: out.appendingPathComponent("replications.csv"))
        XCTAssertEqual(replications.rows.count, 3)
        for row in replications.rows {
            let cohort = patients.rows.filter {
                $0["replication"] == row["replication"] && $0["outcome"] == "infused" && $0["in_warmup"] == "false"
            }
            XCTAssertGreaterThan(cohort.count, 100)
            let veinToVein = cohort.map { CSVFile.number($0, "vein_to_vein_days") }
            let referralToInfusion = cohort.map { CSVFile.number($0, "infusion_day") - CSVFile.number($0, "referral_day") }
            // Each printed day has an error of at most 5e-7; a difference of two, 1e-6.
            for (kpi, p) in [("vein_to_vein_p50_days", 0.5), ("vein_to_vein_p90_days", 0.9), ("vein_to_vein_p95_days", 0.95)] {
                XCTAssertEqual(CSVFile.number(row, kpi), quantile(veinToVein, p), accuracy: 1e-6, kpi)
            }
            XCTAssertEqual(CSVFile.number(row, "referral_to_infusion_p50_days"), quantile(referralToInfusion, 0.5),
                           accuracy: 2e-6)
        }
    }
}
