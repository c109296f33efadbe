import Foundation
import XCTest
import SimRandom

/// Every example meets every figure its header cites: the whole 95 % interval of each KPI
/// (the example's own 10 replications and seed) lies in the range the header states, with
/// the header's source. Where a published figure is one proportion, the range is that
/// proportion's 95 % (Clopper-Pearson) interval.
final class ExampleCalibrationTests: FolderTestCase {
    private struct Target {
        let kpi: String
        let range: ClosedRange<Double>
        /// For a KPI of one product's patients: the product (computed from patients.csv).
        var product: String? = nil
    }

    /// A median of one product's patients infused in the window, per replication, from
    /// patients.csv: `vein_to_vein_p50_days` or `apheresis_to_release_p50_days`.
    private static func productMedians(_ kpi: String, product: String, patients: [[String: String]]) -> [Double] {
        Dictionary(grouping: patients.filter {
            $0["product"] == product && $0["outcome"] == "infused" && $0["in_warmup"] == "false"
        }, by: { $0["replication"]! }).sorted { Int($0.key)! < Int($1.key)! }.map { _, rows in
            let days = rows.map { row in
                kpi == "vein_to_vein_p50_days" ? CSVFile.number(row, "vein_to_vein_days")
                    : CSVFile.number(row, "release_day") - CSVFile.number(row, "apheresis_start_day")
            }.sorted()
            return days.count % 2 == 1 ? days[days.count / 2] : (days[days.count / 2 - 1] + days[days.count / 2]) / 2
        }
    }

    /// "Dose shortfall share": out-of-specification lots short of dose, per replication.
    private static let doseShare = "dose shortfall share of out-of-specification lots"
    /// "Slots allocated per centre per month": `slots_allocated_in_window` ÷ (centres × months of
    /// window), per replication; the BCMA example has 5 centres and a 24-month window.
    private static let slotsPerCentreMonth = "slots allocated per centre per month"
    private static let slotCentreMonths = 5.0 * 24

    private static let targets: [String: [Target]] = [
        "axicel-central-fresh": [
            Target(kpi: "apheresis_to_release_p50_days", range: 14...19),
            Target(kpi: "vein_to_vein_p50_days", range: 24...30),
            Target(kpi: "out_of_spec_rate", range: 0.0276...0.0528),
            Target(kpi: doseShare, range: 0.2266...0.594),
            Target(kpi: "not_infused_after_apheresis_fraction", range: 0.0496...0.1136),
            Target(kpi: "lymphodepletion_to_infusion_mean_days", range: 4.5...5.5),
            Target(kpi: "post_infusion_stay_p50_days", range: 14...16),
        ],
        "tisacel-cryo-hub": [
            Target(kpi: "apheresis_to_release_p50_days", range: 24...28),
            Target(kpi: "vein_to_vein_p50_days", range: 48...52),
            Target(kpi: "referral_to_infusion_p50_days", range: 43...54),
            Target(kpi: "out_of_spec_rate", range: 0.037...0.074),
            Target(kpi: doseShare, range: 0.2266...0.594),
            Target(kpi: "not_infused_after_apheresis_fraction", range: 0.0375...0.1608),
            Target(kpi: "lymphodepletion_to_infusion_mean_days", range: 6...7),
        ],
        "bcma-slot-scarcity": [
            Target(kpi: slotsPerCentreMonth, range: 0.95...1.0),
            Target(kpi: "waitlist_length_mean", range: 15...25),
            Target(kpi: "waitlist_to_apheresis_p50_days", range: 152...213),
            Target(kpi: "waitlisted_infused_fraction", range: 0.20...0.30),
            Target(kpi: "dropout_waitlist_fraction", range: 0.5789...0.7893),
        ],
        "europe-two-products": [
            Target(kpi: "vein_to_vein_p50_days", range: 24...30, product: "axi-cel"),
            Target(kpi: "apheresis_to_release_p50_days", range: 14...19, product: "axi-cel"),
            Target(kpi: "apheresis_to_release_p50_days", range: 24...28, product: "tisa-cel"),
            Target(kpi: "lymphodepletion_to_infusion_mean_days", range: 4.5...7),
        ],
        "single-plant-stress": [
            Target(kpi: "out_of_spec_rate", range: 0.078...0.108),
            Target(kpi: "not_infused_after_apheresis_fraction", range: 0.0455...0.1139),
            Target(kpi: "lymphodepletion_to_infusion_mean_days", range: 5...7),
            Target(kpi: "vein_to_vein_p50_days", range: 40...44),
        ],
        "point-of-care": [
            Target(kpi: "vein_to_vein_within_target_fraction", range: 0.7397...0.9902),
            Target(kpi: "not_infused_after_apheresis_fraction", range: 0.001...0.1964),
        ],
    ]

    func testEveryExampleMeetsTheFiguresItsHeaderCites() throws {
        XCTAssertEqual(Set(Self.targets.keys), Set(ExampleScenarioTests.examples))
        for (name, targets) in Self.targets.sorted(by: { $0.key < $1.key }) {
            let header = try String(contentsOf: CartsimBinary.packageRoot.appendingPathComponent("Scenarios/\(name).yaml"),
                                    encoding: .utf8)
            let out = folder.appendingPathComponent(name)
            let byProduct = targets.contains { $0.product != nil }
            let run = try CartsimBinary.run(["run", "Scenarios/\(name).yaml", "--out", out.path, "--quiet"]
                                            + (byProduct ? ["--patients", "all"] : []))
            XCTAssertEqual(run.status, 0, run.stderr)
            let summary = try CSVFile(url: out.appendingPathComponent("summary.csv")).rows
            let replications = try CSVFile(url: out.appendingPathComponent("replications.csv")).rows
            XCTAssertEqual(replications.count, 10, "\(name) runs its own 10 replications")
            let patients = byProduct ? try CSVFile(url: out.appendingPathComponent("patients.csv")).rows : []
            for target in targets {
                let interval: (low: Double, high: Double)
                if let product = target.product {
                    let t = StudentTInterval(values: Self.productMedians(target.kpi, product: product, patients: patients))
                    interval = (t.lower, t.upper)
                    XCTAssertTrue(header.contains("\(product) \(target.kpi)"), "\(name): the header cites \(product) \(target.kpi)")
                } else if target.kpi == Self.slotsPerCentreMonth {
                    let rates = replications.map { CSVFile.number($0, "slots_allocated_in_window") / Self.slotCentreMonths }
                    let t = StudentTInterval(values: rates)
                    interval = (t.lower, t.upper)
                    XCTAssertTrue(header.contains("slots allocated per centre per month"),
                                  "\(name): the header cites the slots per centre per month")
                } else if target.kpi == Self.doseShare {
                    let shares = replications.map { CSVFile.number($0, "out_of_spec_dose_rate") / CSVFile.number($0, "out_of_spec_rate") }
                    let t = StudentTInterval(values: shares)
                    interval = (t.lower, t.upper)
                    XCTAssertTrue(header.contains("dose shortfall"), "\(name): the header cites the dose shortfall target")
                } else {
                    let row = try XCTUnwrap(summary.first { $0["kpi"] == target.kpi }, "\(name): \(target.kpi)")
                    interval = (CSVFile.number(row, "ci95_low"), CSVFile.number(row, "ci95_high"))
                    XCTAssertTrue(header.contains(target.kpi), "\(name): the header cites \(target.kpi)")
                }
                XCTAssertTrue(target.range.contains(interval.low) && target.range.contains(interval.high),
                              "\(name): \(target.kpi) 95 % interval [\(interval.low), \(interval.high)] outside \(target.range)")
            }
        }
    }
}
