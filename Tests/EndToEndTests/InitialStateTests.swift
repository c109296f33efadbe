import Foundation
import XCTest

/// Runs that start from a pipeline snapshot (`run --initial-state`), through the binary: a
/// snapshot with fixed durations gives the infusion days computed by hand, bad snapshots are
/// refused at their line and column, and a run restarted from a snapshot of another run
/// continues it (see `InitialStateRestartTests`).
final class InitialStateTests: FolderTestCase {
    /// One centre and two plants with fixed durations and no new referrals: consult 1 d,
    /// apheresis 4 h, couriers 20 h leaving at once, intake 1 h, activation 1 d + expansion 7 d,
    /// QC 3 d on one QC unit, QA release 1 d, lymphodepletion scheduling 2 d, lymphodepletion
    /// 3 d, a 10-day stay. `plant-b` makes only `car-b`.
    static let network = """
        name: snapshot
        simulation: {start_date: 2026-03-02, horizon: 8w, warmup: 0d, replications: 2, seed: 5}
        products:
          car-t:
            starting_material: fresh
            fresh_hold_time: 1000d
            manufacturing:
              - activation: 1d
              - expansion: 7d
            qc: 3d
            qa_release: 1d
            lymphodepletion: 3d
          car-b:
            starting_material: fresh
            fresh_hold_time: 1000d
            manufacturing:
              - expansion: 7d
            qc: 3d
            qa_release: 1d
            lymphodepletion: 3d
        indications:
          dlbcl: {product: car-t}
          mm: {product: car-b}
        sites:
          centre:
            kind: centre
            referrals: 0/week
            indication_mix: {dlbcl: 1, mm: 0}
            referral_to_apheresis: 1d
            apheresis: {chairs: 4, duration: 4h}
            plant: plant
            plant_by_product: {car-b: plant-b}
            lymphodepletion_scheduling: 2d
            beds: 50
            post_infusion_stay: 10d
          plant:
            kind: plant
            products: [car-t]
            intake: 1h
            suites: 20
            qc_capacity: 1
          plant-b:
            kind: plant
            products: [car-b]
            intake: 1h
            suites: 20
            qc_capacity: 1
        lanes:
          - {from: centre, to: plant, transit: 20h, return: true}
          - {from: centre, to: plant-b, transit: 20h, return: true}

        """

    static let header = "patient,centre,indication,referral,stage,since,holding,plant,step,apheresis_start,apheresis_end,booked_infusion"

    /// Ten patients, one in each kind of place, days relative to the start (2026-03-02). The
    /// hand computation, in hours from the start (QC is one unit, served in order):
    /// - `J`, `G` wait for QC since −2 d and −1 d: J tests 0–72, G 72–144.
    /// - `B` is 3 d into its 7-day expansion: done at 96, waits for QC until 144, tests to 216.
    /// - `H` is 2 h into a 4-hour collection: shipped at 2, at the plant 22, suite 23–215, QC 216–288.
    /// - `A` is half a day into a 1-day consult: collected 12–16, plant 36, suite 37–229, QC 288–360.
    /// - each lot then takes QA 24 + courier 20 + scheduling 48 + lymphodepletion 72 = 164 h to infusion.
    /// - `C` is 12 h into its 24-hour release: 12 + 20 + 48 + 72 = 152 h; `D` 10 h into its
    ///   20-hour return: 10 + 48 + 72 = 130 h; `E` holds a bed booked for day 4; `F` began
    ///   lymphodepletion a day ago: infused at day 2; `I` was infused two days ago.
    static let snapshot = """
        \(header)
        A,centre,dlbcl,-3,consult,-0.5,,,,,,
        B,centre,dlbcl,-20,manufacturing,-3,,plant,expansion,-15,-14.9,
        C,centre,dlbcl,-25,qa_release,-0.5,,plant,,-22,-21.9,
        D,centre,dlbcl,-30,shipping_to_centre,2026-03-01T14:00,,plant,,-27,-26.9,
        E,centre,dlbcl,-30,storage,-1,bed,plant,,-28,-27.9,2026-03-06
        F,centre,dlbcl,-30,lymphodepletion,-1,,plant,,-28,-27.9,
        G,centre,dlbcl,-20,qc_testing,-1,,plant,,-15,-14.9,
        H,centre,dlbcl,-2,apheresis,2026-03-01T22:00,chair,,,,,
        I,centre,dlbcl,-40,post_infusion,-2,,plant,,-38,-37.9,
        J,centre,dlbcl,-20,qc_testing,-2,,plant,,-15,-14.9,

        """

    func testFixedDurationsGiveTheInfusionDaysComputedByHand() throws {
        let scenario = try writeScenario(Self.network, name: "network")
        let pipeline = folder.appendingPathComponent("pipeline.csv")
        try Self.snapshot.write(to: pipeline, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("forecast")
        let run = try CartsimBinary.run(["run", scenario.path, "--initial-state", pipeline.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = Dictionary(uniqueKeysWithValues: try CSVFile(url: out.appendingPathComponent("forecast.csv")).rows
            .map { ($0["patient"]!, $0) })
        let hours: [String: Double] = ["J": 72 + 164, "G": 144 + 164, "B": 216 + 164, "H": 288 + 164, "A": 360 + 164,
                                       "C": 152, "D": 130, "E": 96, "F": 48, "I": -48]
        for (patient, hour) in hours {
            let row = try XCTUnwrap(rows[patient], patient)
            XCTAssertEqual(row["infused_fraction"], "1.000000", patient)
            for column in ["infusion_day_mean", "infusion_day_p10", "infusion_day_p50", "infusion_day_p90"] {
                XCTAssertEqual(CSVFile.number(row, column), hour / 24, accuracy: 1e-6, "\(patient) \(column)")
            }
            XCTAssertEqual(row["replications"], "2")
        }
        XCTAssertEqual(rows["A"]?["infusion_date_p50"], "2026-03-23", "day 21.83 is 23 March")
        XCTAssertEqual(rows["H"]?["stage"], "apheresis")
        // Weekly infusions: F, D, E, C in week 0; J, G in week 1; B, H in week 2; A in week 3.
        let weeks = try CSVFile(url: out.appendingPathComponent("timeseries.csv")).rows
        XCTAssertEqual(weeks.prefix(5).map { $0["infusions_mean"]! }, ["4.0000", "2.0000", "2.0000", "1.0000", "0.0000"])
        XCTAssertEqual(weeks.first?["busy_plant_qc_mean"], "1.0000", "the QC unit is busy at the end of week 0")
        let manifest = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"forecast.csv\""), "run.json lists forecast.csv")
        XCTAssertTrue(manifest.contains("\"warmup_days\" : 0"), manifest)
    }

    /// The report of a snapshot run opens with the forecast, the patients at risk first; a
    /// traced snapshot run verifies (the rerun places the same patients), and its trace shows
    /// each snapshot patient's `placed` event.
    func testTheReportOpensWithTheForecastAndTheTraceVerifies() throws {
        let scenario = try writeScenario(Self.network.replacingOccurrences(of: "seed: 5}", with: "seed: 5, vein_to_vein_target_days: 21}"),
                                         name: "network")
        let pipeline = folder.appendingPathComponent("pipeline.csv")
        try Self.snapshot.write(to: pipeline, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("traced")
        let run = try CartsimBinary.run(["run", scenario.path, "--initial-state", pipeline.path, "--trace", "1",
                                         "--report", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let forecast = try XCTUnwrap(html.range(of: "Forecast for the pipeline"), "the forecast section")
        let headline = try XCTUnwrap(html.range(of: "id=\"headline\""), "the headline section")
        XCTAssertLessThan(forecast.lowerBound, headline.lowerBound, "the forecast comes first")
        // A (collected at day 0.5, infused at 21.83) is late; H (collected 2 h before the start, infused at 18.83) is not.
        let rows = html.components(separatedBy: "Patients in flight, those at risk first")[1]
        XCTAssertTrue(rows.contains("<td>A</td>"), rows.prefix(500).description)
        XCTAssertLessThan(try XCTUnwrap(rows.range(of: "<td>A</td>")).lowerBound, try XCTUnwrap(rows.range(of: "<td>H</td>")).lowerBound)
        let events = try CSVFile(url: out.appendingPathComponent("events.csv")).rows
        XCTAssertEqual(events.filter { $0["kind"] == "placed" }.count, 10)
        let verify = try CartsimBinary.run(["verify", out.path])
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
    }

    /// Every bad field is reported at its line and column, all at once, with exit status 2, and
    /// no results folder is made.
    func testBadSnapshotsAreRefusedAtTheirLineAndColumn() throws {
        let scenario = try writeScenario(Self.network, name: "network")
        let pipeline = folder.appendingPathComponent("bad.csv")
        try """
            \(Self.header)
            A,centre,dlbcl,-3,consul,-0.5,,,,,,
            B,centre,dlbcl,-20,qc_testing,-3,,plant-b,,-15,-14.9,
            C,centre,dlbcl,-25,qa_release,2026-03-04,,plant,,-22,-21.9,
            D,clinic,dlbcl,-30,storage,-1,bed,plant,,-28,-27.9,
            E,centre,dlbcl,-30,storage,-1,chair,plant,,-28,-27.9,2026-03-06
            F,centre,dlbcl,-1,manufacturing,-3,,plant,expansion,-2,-1.9,
            G,centre,dlbcl,-20,qc_testing,-1,,plant,,,,
            A,centre,dlbcl,-3,consult,-0.5,,,,,,

            """.write(to: pipeline, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("never")
        let run = try CartsimBinary.run(["run", scenario.path, "--initial-state", pipeline.path, "--out", out.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
        let p = pipeline.path
        for expected in [
            "\(p):2:19: stage: unknown stage 'consul'; did you mean 'consult'?",
            "\(p):3:35: plant: the plant 'plant-b' does not make 'car-t' (its products: car-b)",
            "\(p):4:31: since: '2026-03-04' is after the start of the run (2026-03-02); a snapshot holds the past",
            "\(p):5:3: centre: unknown centre 'clinic'; the centres are centre",
            "\(p):6:31: holding: a patient in 'storage' can hold a bed, not 'chair'",
            "\(p):7:33: since: the stage began before the referral (-1)",
            "\(p):7:53: apheresis_start: the collection began before the referral",
            "\(p):8:42: apheresis_start: expected a date, a date and time or a day relative to the start in 'apheresis_start'",
            "\(p):9:1: patient: the patient 'A' is already on line 2; give each patient one row",
        ] {
            XCTAssertTrue(run.stderr.contains(expected), "missing:\n\(expected)\nin:\n\(run.stderr)")
        }
    }

    /// A header with an unknown column is refused with the closest known name.
    func testAnUnknownColumnGetsASuggestion() throws {
        let scenario = try writeScenario(Self.network, name: "network")
        let pipeline = folder.appendingPathComponent("typo.csv")
        try "patient,centre,indication,referral,stage,since,holdng\nA,centre,dlbcl,-3,consult,-0.5,\n"
            .write(to: pipeline, atomically: true, encoding: .utf8)
        let run = try CartsimBinary.run(["run", scenario.path, "--initial-state", pipeline.path,
                                         "--out", folder.appendingPathComponent("never").path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\(pipeline.path):1:48: holdng: unknown column 'holdng'; did you mean 'holding'?"),
                      run.stderr)
    }
}
