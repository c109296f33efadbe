import Foundation
import XCTest

/// Runs the built binary on every example scenario and checks the output contract,
/// conservation of patients and the order of each patient's milestones.
final class ExampleScenarioTests: XCTestCase {
    static let examples = ["axicel-central-fresh", "tisacel-cryo-hub", "point-of-care", "bcma-slot-scarcity",
                                   "single-plant-stress", "europe-two-products"]

    func testEveryExampleScenarioRunsAndHonoursTheOutputContract() throws {
        for name in Self.examples {
            let out = CartsimBinary.temporaryPath(name)
            let run = try CartsimBinary.run(["run", "Scenarios/\(name).yaml", "--replications", "3", "--patients", "all",
                                             "--out", out.path, "--quiet"])
            XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", "--quiet prints nothing")
            try checkHeaders(out, name)
            try checkConservation(out, name)
            try checkMilestoneOrder(out, name)
            try checkKPIsFromPatientRows(out, name)
            try? FileManager.default.removeItem(at: out.deletingLastPathComponent())
        }
    }

    private func checkHeaders(_ out: URL, _ name: String) throws {
        XCTAssertEqual(try CSVFile(url: out.appendingPathComponent("patients.csv")).header, OutputContract.patients, name)
        XCTAssertEqual(try CSVFile(url: out.appendingPathComponent("stages.csv")).header, OutputContract.stages, name)
        XCTAssertEqual(try CSVFile(url: out.appendingPathComponent("resources.csv")).header, OutputContract.resources)
        let slots = try String(contentsOf: CartsimBinary.packageRoot.appendingPathComponent("Scenarios/\(name).yaml"),
                               encoding: .utf8).contains("\n    slots:")
        XCTAssertEqual(try CSVFile(url: out.appendingPathComponent("timeseries.csv")).header,
                       OutputContract.timeseries + (slots ? OutputContract.waitlistSeries : [])
                        + (name == "single-plant-stress" ? OutputContract.stockSeries("plant_ghent_vector") : []), name)
        let summary = try CSVFile(url: out.appendingPathComponent("summary.csv"))
        XCTAssertEqual(summary.header, OutputContract.summary)
        XCTAssertEqual(Array(summary.rows.prefix(OutputContract.kpis.count)).map { $0["kpi"]! }, OutputContract.kpis)
        let replications = try CSVFile(url: out.appendingPathComponent("replications.csv"))
        XCTAssertEqual(Array(replications.header.prefix(4)), OutputContract.replicationsLeading)
        XCTAssertEqual(Array(replications.header.dropFirst(4)), summary.rows.map { $0["kpi"]! },
                       "one replications.csv column per summary row")
        XCTAssertEqual(replications.rows.count, 3)
        try checkDocumented(summary.rows.map { $0["kpi"]! }, out, name)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
        let run = try XCTUnwrap(json as? [String: Any])
        XCTAssertEqual(run["scenario"] as? String, name)
        XCTAssertEqual(run["replications"] as? Int, 3)
        XCTAssertEqual(run["complete"] as? Bool, true)
        XCTAssertNotNil(run["seed"] as? Int)
    }

    /// Every KPI is defined in the output reference: by its name, by its name less a quantile
    /// or statistic suffix written `_p50_days` in a row that lists it, or as a per-stage or
    /// per-resource or per-centre KPI (`dropout_<stage>_fraction`, `<site>_<resource>_utilization`,
    /// `<centre>_waitlist_length_mean`).
    private func checkDocumented(_ kpis: [String], _ out: URL, _ name: String) throws {
        let reference = try String(contentsOf: CartsimBinary.packageRoot.appendingPathComponent("docs/output-reference.md"),
                                   encoding: .utf8)
        let rows = reference.split(separator: "\n").filter { $0.hasPrefix("| `") }.map(String.init)
        let resourceKeys = try CSVFile(url: out.appendingPathComponent("resources.csv"))
            .rows.map { $0["resource"]! }
        for kpi in kpis {
            if rows.contains(where: { $0.contains("`\(kpi)`") }) { continue }
            if kpi.hasPrefix("dropout_") && kpi.hasSuffix("_fraction") { continue }
            if kpi.hasSuffix("_site_cost") && rows.contains(where: { $0.contains("`<site>_site_cost`") }) { continue }
            if let marker = kpi.range(of: "_waitlist_length_") {
                let suffix = String(kpi[marker.upperBound...])
                XCTAssertTrue(rows.contains { $0.contains("`<centre>_waitlist_length_") && ($0.contains("`<centre>_waitlist_length_\(suffix)`")
                                                                                       || $0.contains("`_length_\(suffix)`")) },
                              "\(name): \(kpi) is not in docs/output-reference.md")
                continue
            }
            if let suffix = ["stock_mean", "stock_wait_mean_days", "stock_wait_p90_days", "stock_outs_in_window",
                             "units_used_in_window", "orders_in_window", "deliveries_in_window", "lots_failed_in_window"]
                .first(where: { kpi.hasSuffix("_" + $0) && kpi != $0 }) {
                XCTAssertTrue(rows.contains { $0.contains("`<plant>_<item>_\(suffix)`") || $0.contains("`_\(suffix)`") },
                              "\(name): \(kpi) is not in docs/output-reference.md")
                continue
            }
            if let key = resourceKeys.first(where: { kpi.hasPrefix($0 + "_") }) {
                let suffix = String(kpi.dropFirst(key.count + 1))
                XCTAssertTrue(rows.contains { $0.contains("`<site>_<resource>_\(suffix)`") || $0.contains("`_\(suffix)`") },
                              "\(name): \(kpi) is not in docs/output-reference.md")
                continue
            }
            let documented = rows.contains { row in
                guard let range = kpi.range(of: "_(mean|p[0-9]+)_", options: .regularExpression) else { return false }
                let statistic = String(kpi[range.lowerBound...].dropFirst())
                return row.contains("`\(kpi[..<range.lowerBound])_") && row.contains("`_\(statistic)`")
            }
            XCTAssertTrue(documented, "\(name): \(kpi) is not in docs/output-reference.md")
        }
    }

    /// Per replication: referred = infused + not infused + unfinished, and patients.csv (an
    /// independent record of every patient) agrees with the KPI counts; the cohort is followed
    /// until its pathways end, so none is left in process.
    private func checkConservation(_ out: URL, _ name: String) throws {
        let replications = try CSVFile(url: out.appendingPathComponent("replications.csv"))
        let patients = try CSVFile(url: out.appendingPathComponent("patients.csv"))
        for row in replications.rows {
            let referred = CSVFile.number(row, "patients_referred")
            let infused = CSVFile.number(row, "patients_infused")
            let notInfused = CSVFile.number(row, "patients_not_infused")
            let unfinished = CSVFile.number(row, "patients_unfinished")
            XCTAssertGreaterThan(referred, 0, name)
            XCTAssertEqual(unfinished, 0, name)
            XCTAssertEqual(referred, infused + notInfused + unfinished, "\(name) replication \(row["replication"]!)")
            let mine = patients.rows.filter { $0["replication"] == row["replication"] && $0["in_warmup"] == "false" }
            XCTAssertEqual(Double(mine.count), referred, "\(name): patients.csv rows = referrals")
            XCTAssertEqual(Double(mine.filter { $0["outcome"] == "infused" }.count), infused, name)
            XCTAssertEqual(Double(mine.filter { $0["outcome"] == "in_process" }.count), unfinished, name)
            let dropouts = Double(mine.filter { $0["outcome"] == "dropout" }.count)
            XCTAssertEqual(dropouts / referred, CSVFile.number(row, "dropout_fraction"), accuracy: 5e-7, name)
        }
    }

    /// patients.csv is auditable: each replication's lead-time and share KPIs are recomputed
    /// from its cohort's rows alone (first apheresis start, release, infusion, outcome day),
    /// to the 6 decimals the file keeps.
    private func checkKPIsFromPatientRows(_ out: URL, _ name: String) throws {
        let replications = try CSVFile(url: out.appendingPathComponent("replications.csv"))
        let patients = try CSVFile(url: out.appendingPathComponent("patients.csv"))
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        for row in replications.rows {
            let cohort = patients.rows.filter { $0["replication"] == row["replication"] && $0["in_warmup"] == "false" }
            let infused = cohort.filter { $0["outcome"] == "infused" }
            func days(_ from: String, _ to: String, of rows: [[String: String]]) -> [Double] {
                rows.map { CSVFile.number($0, to) - CSVFile.number($0, from) }
            }
            let veinToVein = days("first_apheresis_start_day", "infusion_day", of: infused)
            XCTAssertEqual(mean(veinToVein), CSVFile.number(row, "vein_to_vein_mean_days"), accuracy: 2e-6, name)
            XCTAssertEqual(zip(veinToVein, infused).filter { abs($0 - CSVFile.number($1, "vein_to_vein_days")) > 2e-6 }.count,
                           0, "\(name): vein_to_vein_days = infusion − first apheresis start")
            XCTAssertEqual(mean(days("first_apheresis_start_day", "release_day", of: infused)),
                           CSVFile.number(row, "apheresis_to_release_mean_days"), accuracy: 2e-6, name)
            XCTAssertEqual(mean(days("referral_day", "outcome_day", of: cohort)),
                           CSVFile.number(row, "time_in_pathway_mean_days"), accuracy: 2e-6, name)
            let lost = Double(cohort.filter { $0["outcome"] == "material_lost" }.count)
            XCTAssertEqual(lost / Double(cohort.count), CSVFile.number(row, "material_lost_fraction"), accuracy: 5e-7, name)
            for patient in cohort where patient["outcome"] != "in_process" && patient["outcome"] != "infused" {
                XCTAssertFalse(patient["outcome_day"]!.isEmpty, "\(name): every ended pathway has its day")
            }
            for patient in cohort where !patient["hub"]!.isEmpty && !patient["departure_to_plant_day"]!.isEmpty {
                XCTAssertFalse(patient["hub_arrival_day"]!.isEmpty, "\(name): the hub leg has its own milestones")
                XCTAssertLessThan(CSVFile.number(patient, "departure_to_hub_day"),
                                  CSVFile.number(patient, "departure_to_plant_day"), name)
            }
            for patient in cohort where !patient["suite_start_day"]!.isEmpty {
                XCTAssertFalse(patient["plant"]!.isEmpty, "\(name): a manufactured lot names its plant")
            }
        }
    }

    /// Every recorded milestone of a patient is at or after the previous one, and after
    /// referral — except lymphodepletion, which a product planned ahead of release
    /// (point-of-care) starts while the lot is made (and keeps when that lot fails and is made
    /// again): it comes after the first collection and before infusion.
    private func checkMilestoneOrder(_ out: URL, _ name: String) throws {
        let patients = try CSVFile(url: out.appendingPathComponent("patients.csv"))
        XCTAssertFalse(patients.rows.isEmpty)
        for row in patients.rows {
            var previous = CSVFile.number(row, "referral_day")
            if let text = row["lymphodepletion_start_day"], let start = Double(text) {
                XCTAssertGreaterThanOrEqual(start, CSVFile.number(row, "first_apheresis_start_day"), name)
                if let infusion = Double(row["infusion_day"]!) { XCTAssertLessThanOrEqual(start, infusion, name) }
            }
            for column in OutputContract.milestones where column != "lymphodepletion_start_day" {
                guard let text = row[column], !text.isEmpty else { continue }
                let time = try XCTUnwrap(Double(text))
                XCTAssertGreaterThanOrEqual(time, previous, "\(name) patient \(row["patient_id"]!) \(column)")
                previous = time
            }
            if row["outcome"] == "infused" {
                XCTAssertFalse(row["infusion_day"]!.isEmpty)
                XCTAssertGreaterThan(CSVFile.number(row, "vein_to_vein_days"), 0)
            }
        }
    }
}
