import Foundation
import XCTest

/// `breakdowns.csv` through the binary, on the two-product European example: every group's
/// KPIs are those recomputed from `patients.csv` (the cohort's rows of each replication,
/// grouped by product, indication, centre and plant, then averaged over replications), the
/// groups of each dimension add up to the network, and the two products' vein-to-vein times
/// are told apart (fresh axi-cel well below cryopreserved tisa-cel).
final class BreakdownTests: FolderTestCase {
    func testBreakdownsAreThePatientRecordsGrouped() throws {
        let out = folder.appendingPathComponent("europe")
        let run = try CartsimBinary.run(["run", "Scenarios/europe-two-products.yaml", "--replications", "3",
                                         "--patients", "all", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try CSVFile(url: out.appendingPathComponent("breakdowns.csv")).rows
        func row(_ by: String, _ group: String, _ kpi: String) throws -> [String: String] {
            try XCTUnwrap(rows.first { $0["by"] == by && $0["group"] == group && $0["kpi"] == kpi }, "\(by) \(group) \(kpi)")
        }
        let cohort = try CSVFile(url: out.appendingPathComponent("patients.csv")).rows.filter { $0["in_warmup"] == "false" }
        let summary = Dictionary(uniqueKeysWithValues: try CSVFile(url: out.appendingPathComponent("summary.csv")).rows
            .map { ($0["kpi"]!, $0) })
        for by in ["product", "indication", "centre", "plant"] {
            let groups = Set(cohort.map { $0[by]! }).filter { !$0.isEmpty }
            XCTAssertFalse(groups.isEmpty, by)
            var referredTotal = 0.0
            for group in groups {
                let members = cohort.filter { $0[by] == group }
                var referred: [Double] = [], infused: [Double] = [], v2vMean: [Double] = []
                for replication in ["0", "1", "2"] {
                    let mine = members.filter { $0["replication"] == replication }
                    let days = mine.filter { $0["outcome"] == "infused" }.map { CSVFile.number($0, "vein_to_vein_days") }
                    referred.append(Double(mine.count))
                    infused.append(Double(days.count))
                    v2vMean.append(days.reduce(0, +) / Double(days.count))
                }
                func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
                XCTAssertEqual(CSVFile.number(try row(by, group, "patients_referred"), "mean"), mean(referred), accuracy: 1e-4)
                XCTAssertEqual(CSVFile.number(try row(by, group, "patients_infused"), "mean"), mean(infused), accuracy: 1e-4)
                XCTAssertEqual(CSVFile.number(try row(by, group, "vein_to_vein_mean_days"), "mean"), mean(v2vMean),
                               accuracy: 1e-5, "\(by) \(group)")
                referredTotal += mean(referred)
            }
            if by != "plant" {
                XCTAssertEqual(referredTotal, CSVFile.number(summary["patients_referred"]!, "mean"), accuracy: 1e-3,
                               "the \(by) groups add up to the cohort")
            }
        }
        let fresh = CSVFile.number(try row("product", "axi-cel", "vein_to_vein_p90_days"), "ci95_high")
        let cryopreserved = CSVFile.number(try row("product", "tisa-cel", "vein_to_vein_p90_days"), "ci95_low")
        XCTAssertLessThan(fresh, cryopreserved, "the products' p90s are told apart")
        XCTAssertEqual(try row("plant", "plant-de", "patients_referred")["replications"], "3")
    }
}
