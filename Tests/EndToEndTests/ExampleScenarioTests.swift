import Foundation
import XCTest

/// Runs the built binary on every example scenario and checks the output contract,
/// conservation of patients and the order of each patient's milestones.
final class ExampleScenarioTests: XCTestCase {
    static let examples = ["axicel-central-fresh", "tisacel-cryo-hub", "point-of-care"]

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
            try? FileManager.default.removeItem(at: out.deletingLastPathComponent())
        }
    }

    private func checkHeaders(_ out: URL, _ name: String) throws {
        XCTAssertEqual(try CSVFile(url: out.appendingPathComponent("patients.csv")).header, OutputContract.patients, name)
        XCTAssertEqual(try CSVFile(url: out.appendingPathComponent("stages.csv")).header, OutputContract.stages, name)
        XCTAssertEqual(try CSVFile(url: out.appendingPathComponent("resources.csv")).header, OutputContract.resources)
        XCTAssertEqual(try CSVFile(url: out.appendingPathComponent("timeseries.csv")).header, OutputContract.timeseries)
        let summary = try CSVFile(url: out.appendingPathComponent("summary.csv"))
        XCTAssertEqual(summary.header, OutputContract.summary)
        XCTAssertEqual(Array(summary.rows.prefix(OutputContract.kpis.count)).map { $0["kpi"]! }, OutputContract.kpis)
        let replications = try CSVFile(url: out.appendingPathComponent("replications.csv"))
        XCTAssertEqual(Array(replications.header.prefix(4)), OutputContract.replicationsLeading)
        XCTAssertEqual(Array(replications.header.dropFirst(4)), summary.rows.map { $0["kpi"]! },
                       "one replications.csv column per summary row")
        XCTAssertEqual(replications.rows.count, 3)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
        let run = try XCTUnwrap(json as? [String: Any])
        XCTAssertEqual(run["scenario"] as? String, name)
        XCTAssertEqual(run["replications"] as? Int, 3)
        XCTAssertEqual(run["complete"] as? Bool, true)
        XCTAssertNotNil(run["seed"] as? Int)
    }

    /// Per replication: referred = infused + not infused + in process, and patients.csv (an
    /// independent record of every patient) agrees with the KPI counts.
    private func checkConservation(_ out: URL, _ name: String) throws {
        let replications = try CSVFile(url: out.appendingPathComponent("replications.csv"))
        let patients = try CSVFile(url: out.appendingPathComponent("patients.csv"))
        for row in replications.rows {
            let referred = CSVFile.number(row, "referrals")
            let infused = CSVFile.number(row, "patients_infused")
            let notInfused = CSVFile.number(row, "patients_not_infused")
            let inProcess = CSVFile.number(row, "patients_in_process_at_end")
            XCTAssertGreaterThan(referred, 0, name)
            XCTAssertEqual(referred, infused + notInfused + inProcess, "\(name) replication \(row["replication"]!)")
            let mine = patients.rows.filter { $0["replication"] == row["replication"] && $0["in_warmup"] == "false" }
            XCTAssertEqual(Double(mine.count), referred, "\(name): patients.csv rows = referrals")
            XCTAssertEqual(Double(mine.filter { $0["outcome"] == "infused" }.count), infused, name)
            XCTAssertEqual(Double(mine.filter { $0["outcome"] == "in_process" }.count), inProcess, name)
            let dropouts = Double(mine.filter { $0["outcome"] == "dropout" }.count)
            XCTAssertEqual(dropouts / referred, CSVFile.number(row, "dropout_fraction"), accuracy: 1e-12, name)
        }
    }

    /// Every recorded milestone of a patient is at or after the previous one, and after referral.
    private func checkMilestoneOrder(_ out: URL, _ name: String) throws {
        let patients = try CSVFile(url: out.appendingPathComponent("patients.csv"))
        XCTAssertFalse(patients.rows.isEmpty)
        for row in patients.rows {
            var previous = CSVFile.number(row, "referral_day")
            for column in OutputContract.milestones {
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
