import Foundation
import XCTest

/// The cost ledger and the dropouts while waiting, through the binary, on the network of
/// ``OptimiseTests`` (one patient a day; a 672-day window) where every charge has a known answer:
/// fixed costs exactly, each variable charge exactly its count times its price, replication by
/// replication, and the cost per infused patient the known unit cost.
final class CostLedgerTests: FolderTestCase {
    /// Fixed: centre 100/day; plant 1,000/day, 20 suites at 10/day, 10 QC lots at 5/day:
    /// 672 · (100 + 1,000 + 200 + 50) = 907,200. Per patient: collection 1,000, batch 5,000,
    /// materials 20,000, QC 300, a fresh shipment 200 and a frozen product back 800, a 3-day
    /// stay (2 of them in ICU) 3 · 2,000 + 2 · 5,000 = 16,000: 43,300.
    static let prices = """
        costs:
          currency: EUR
          centres: {fixed_per_day: 100, collection: 1000, bed_day: 2000, icu_day: 5000}
          plants: {fixed_per_day: 1000, suite_day: 10, qc_capacity_day: 5, batch_started: 5000, materials_per_batch: 20000,
                   qc_test: 300}
          shipments: {fresh: 200, cryopreserved: 800}

        """
    static let fixed = 907_200.0
    static let perPatient = 43_300.0

    private func scenario(_ name: String, _ edit: (String) -> String = { $0 }) throws -> URL {
        let icu = OptimiseTests.scenario.replacingOccurrences(
            of: "    post_infusion_stay: 1d\n", with: "    post_infusion_stay: 1d\n    icu_probability: 1\n    icu_stay: 2d\n")
        let text = edit(icu + Self.prices)
        let file = folder.appendingPathComponent("\(name).yaml")
        try Data(text.utf8).write(to: file)
        return file
    }

    private func run(_ file: URL) throws -> (summary: [String: [String: String]], replications: [[String: String]], out: URL) {
        let out = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent)
        let run = try CartsimBinary.run(["run", file.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try CSVFile(url: out.appendingPathComponent("summary.csv")).rows
        return (Dictionary(uniqueKeysWithValues: rows.map { ($0["kpi"]!, $0) }),
                try CSVFile(url: out.appendingPathComponent("replications.csv")).rows, out)
    }

    func testEveryChargeIsItsCountTimesItsPrice() throws {
        let (summary, replications, _) = try run(try scenario("known"))
        XCTAssertEqual(CSVFile.number(summary["facility_cost"]!, "mean"), Self.fixed)
        XCTAssertEqual(CSVFile.number(summary["facility_cost"]!, "sd"), 0)
        XCTAssertEqual(replications.count, 10)
        for row in replications {
            func value(_ column: String) -> Double { CSVFile.number(row, column) }
            XCTAssertEqual(value("collection_cost"), 1000 * value("collections_in_window"))
            XCTAssertEqual(value("hospital_cost"), 16_000 * value("infusions_in_window"))
            XCTAssertEqual(value("manufacturing_cost") / 5000, value("materials_cost") / 20_000)
            XCTAssertEqual(value("losses_cost") + value("untreated_cost") + value("freezing_cost"), 0)
            let parts = ["facility", "collection", "freezing", "manufacturing", "materials", "qc", "logistics", "hospital",
                         "losses", "untreated"].map { value("\($0)_cost") }
            XCTAssertEqual(value("total_cost"), parts.reduce(0, +), accuracy: 0.01)
            XCTAssertEqual(value("centre_site_cost") + value("plant_site_cost"), value("total_cost"), accuracy: 0.01)
            XCTAssertEqual(value("per_infused_patient_cost"), value("total_cost") / value("infusions_in_window"), accuracy: 0.01)
            XCTAssertEqual(value("annual_cost"), value("total_cost") / (672.0 / 365), accuracy: 0.01)
        }
        // About 672 infusions share the fixed costs: 43,300 + 907,200 / 672 = 44,650 per infused patient.
        let perInfused = try XCTUnwrap(summary["per_infused_patient_cost"])
        let expected = Self.perPatient + Self.fixed / 672
        XCTAssertLessThanOrEqual(CSVFile.number(perInfused, "ci95_low"), expected)
        XCTAssertGreaterThanOrEqual(CSVFile.number(perInfused, "ci95_high"), expected)
    }

    /// A lane's own price replaces the default; frozen starting material ships at the
    /// cryopreserved price; a lot out of specification costs its price, a patient not treated his.
    func testLanePricesFrozenMaterialLossesAndUntreatedPatients() throws {
        let file = try scenario("lanes") { text in
            text.replacingOccurrences(of: "    starting_material: fresh\n    fresh_hold_time: 1000d\n",
                                      with: "    starting_material: cryopreserved\n    yield: {residual_failure_probability: 20%}\n")
                .replacingOccurrences(of: "    plant: plant\n", with: "    plant: plant\n    cryopreservation: {freezers: 10, duration: 1d}\n")
                .replacingOccurrences(of: "  shipments: {fresh: 200, cryopreserved: 800}\n", with: """
                      shipments:
                        fresh: 200
                        cryopreserved: 800
                        lanes: [{from: plant, to: centre, cryopreserved: 1500}]
                      untreated_patient: 70000
                      sites:
                        plant: {failed_lot: 9000}
                        centre: {freezing: 400}

                    """)
        }
        let (summary, replications, _) = try run(file)
        for row in replications {
            func value(_ column: String) -> Double { CSVFile.number(row, column) }
            XCTAssertEqual(value("losses_cost"), 9000 * (value("out_of_spec_rate") * value("lots_decided_in_window")).rounded())
            XCTAssertGreaterThan(value("untreated_cost"), 0)
            XCTAssertEqual(value("untreated_cost").truncatingRemainder(dividingBy: 70_000), 0)
        }
        // Each patient ships frozen material out (800) and, when in specification, a product back (1,500).
        let logistics = try XCTUnwrap(summary["logistics_cost"])
        let expected = 672 * (800 + 0.8 * 1500)
        XCTAssertLessThanOrEqual(CSVFile.number(logistics, "ci95_low"), expected)
        XCTAssertGreaterThanOrEqual(CSVFile.number(logistics, "ci95_high"), expected)
        XCTAssertGreaterThan(CSVFile.number(summary["freezing_cost"]!, "mean"), 0)
    }

    /// Patients who drop out while lymphodepletion waits for a bed count as lost waiting for a
    /// bed — and only there, where nothing else is scarce: at the rate of the cohort's storage dropouts.
    func testDropoutsWhileWaitingAreAttributedToWhatTheyWaitedFor() throws {
        let file = try scenario("beds") { text in
            text.replacingOccurrences(of: "    beds: 100\n    post_infusion_stay: 1d\n    icu_probability: 1\n    icu_stay: 2d\n",
                                      with: "    beds: 4\n    post_infusion_stay: {exponential: {mean: 3.4d}}\n")
                .replacingOccurrences(of: "  dlbcl: {product: car-t}", with: "  dlbcl: {product: car-t, time_to_dropout: {exponential: {mean: 60d}}}")
        }
        let (summary, _, out) = try run(file)
        func mean(_ kpi: String) -> Double { CSVFile.number(summary[kpi]!, "mean") }
        XCTAssertGreaterThan(mean("dropouts_waiting_for_bed_per_year"), 1)
        for cause in ["chair", "suite", "qc"] { XCTAssertEqual(mean("dropouts_waiting_for_\(cause)_per_year"), 0, cause) }
        XCTAssertNil(summary["dropouts_waiting_for_slot_per_year"], "no plant allocates slots")
        XCTAssertEqual(mean("dropouts_waiting_per_year"), mean("dropouts_waiting_for_bed_per_year"), accuracy: 1e-9)
        let cohortRate = mean("dropout_storage_fraction") * mean("patients_referred") / (672.0 / 365)
        let bed = summary["dropouts_waiting_for_bed_per_year"]!
        let slack = CSVFile.number(bed, "ci95_high") - CSVFile.number(bed, "ci95_low")
        XCTAssertEqual(mean("dropouts_waiting_for_bed_per_year"), cohortRate, accuracy: slack)
        let report = try CartsimBinary.run(["report", out.path])
        XCTAssertEqual(report.status, 0, report.stderr)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("id=\"cost\""))
        XCTAssertTrue(html.contains("data-kpi=\"total_cost\""))
        XCTAssertTrue(html.contains("data-kpi=\"dropouts_waiting_for_bed_per_year\""))
    }

    /// `optimise` minimising the ledger's total: each suite costs 10 a day, so the cheapest
    /// point that keeps utilisation ≤ 0.8 (10 suites busy on average) is 13 suites, as with the
    /// decision cost in ``OptimiseTests``.
    func testOptimiseMinimisesTheTotalCost() throws {
        let file = try scenario("optimise")
        let out = folder.appendingPathComponent("optimise-out")
        let run = try CartsimBinary.run(["optimise", file.path, "--out", out.path, "--quiet", "--var", "sites.plant.suites=9..16",
                                         "--minimise", "total_cost", "--constraint", "plant_suites_utilization<=0.8"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                                 as? [String: Any])
        XCTAssertEqual(json["chosen"] as? [String: Int], ["sites.plant.suites": 13])
        XCTAssertEqual(json["separated"] as? Bool, true)
    }

    func testBadPricesAreRefusedWithTheirPlace() throws {
        let cases: [(String, String, String)] = [
            ("centres: {fixed_per_day: 100,", "centres: {suite_day: 3, fixed_per_day: 100,", "unknown key 'suite_day'"),
            ("qc_test: 300}", "qc_test: -300}", "costs.plants.qc_test: expected a number"),
            ("  shipments: {fresh: 200, cryopreserved: 800}\n",
             "  shipments: {fresh: 200, lanes: [{from: centre, to: plantt}]}\n", "unknown site 'plantt'; did you mean 'plant'?"),
            ("  shipments: {fresh: 200, cryopreserved: 800}\n",
             "  shipments: {lanes: [{from: plant, to: plant, fresh: 1}]}\n", "no lane from 'plant' to 'plant'"),
            ("  currency: EUR\n", "  currency: EUR\n  sites: {centr: {collection: 1}}\n", "unknown site 'centr'"),
        ]
        for (index, (old, new, message)) in cases.enumerated() {
            let file = try scenario("bad\(index)") { text in
                let edited = text.replacingOccurrences(of: old, with: new)
                XCTAssertNotEqual(edited, text, old)
                return edited
            }
            let validate = try CartsimBinary.run(["validate", file.path])
            XCTAssertEqual(validate.status, 2, message)
            XCTAssertTrue(validate.stdout.contains("\(file.path):") && validate.stdout.contains(message),
                          "expected '\(message)' in: \(validate.stdout)")
        }
    }
}
