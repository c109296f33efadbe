import Foundation
import XCTest

/// A run restarted from a snapshot of another run continues it: the patients in flight at the
/// snapshot fare, in distribution, as they do in the uninterrupted run.
///
/// For each of `seeds` (100) uninterrupted runs (one replication, `--snapshot-at 140d`) the restart
/// from its `pipeline.csv` (20 replications, other seeds) estimates each snapshot patient's
/// chance of infusion, of dropout, and expected days to infusion; the uninterrupted run shows
/// one outcome. Over the snapshot's patients, (outcomes seen − outcomes forecast) has mean 0
/// when the restart is faithful, whatever the state: the test asks that the 99 % Student-t
/// interval of that mean over the seeds contains 0, for the number infused, the number dropped
/// out and the total days from the snapshot to infusion. The network has every kind of place a
/// patient can be in with random durations (lognormal, triangular), calendars, courier cut-offs,
/// a hub, fresh holds, out-of-specification routes, queues for suites, dropout with bridging.
/// Measured: seen − forecast per snapshot of about 30 patients, days to infusion −27.9 ± 48.3,
/// infused −0.20 ± 0.72, dropouts 0.05 ± 0.66. Checked to fail when the time already spent in
/// a stage is ignored (every remaining time drawn whole): days −388.7 ± 52.3, infused −2.23 ± 0.71.
final class InitialStateRestartTests: FolderTestCase {
    static let seeds = 100
    static let restartReplications = 20

    static func scenario(start: String, horizon: String) -> String {
        """
        name: restart
        simulation: {start_date: \(start), horizon: \(horizon), warmup: 0d, replications: 1, seed: 1}
        calendars:
          office:
            hours: {mon-fri: "08:00-17:00"}
            holidays: [2026-04-03, 2026-05-01, 2026-07-14]
          batch-starts:
            hours: {mon-sat: "07:00-19:00"}
        products:
          car-t:
            starting_material: cryopreserved
            fresh_hold_time: 48h
            manufacturing:
              - activation: {triangular: [20h, 1d, 36h]}
              - expansion: {lognormal: {median: 6d, p90: 9d}}
              - formulation: 1d
            qc: {triangular: [8d, 10d, 14d]}
            qa_release: {triangular: [2h, 4h, 12h]}
            lymphodepletion: 3d
            yield:
              cells_collected: {lognormal: {median: 8.0e8, p90: 2.0e9}}
              transduction_efficiency: {beta: {mean: 0.25, sd: 0.08}}
              expansion_fold: {lognormal: {median: 5.5, p90: 16}}
              target_dose: 1.0e8
              residual_failure_probability: 5%
            out_of_spec:
              exception_infusion_probability: 0.3
              remanufacture_probability: 0.5
              recollect_probability: 0.5
              max_attempts: 2
        indications:
          dlbcl:
            product: car-t
            time_to_dropout: {lognormal: {median: 150d, p90: 500d}}
            bridging_probability: 0.6
            bridging_factor: 1.5
        sites:
          centre-a: &centre
            kind: centre
            referrals: 2.5/week
            referral_to_apheresis: {triangular: [1d, 3d, 8d]}
            apheresis: {chairs: 1, calendar: office, duration: {triangular: [3h, 4h, 6h]}}
            cryopreservation: {freezers: 1, duration: {triangular: [6h, 12h, 16h]}}
            plant: plant
            lymphodepletion_scheduling: {triangular: [2d, 5d, 10d]}
            beds: 40
            post_infusion_stay: {lognormal: {median: 14d, p90: 24d}}
            icu_probability: 15%
            icu_stay: {lognormal: {median: 4d, p90: 9d}}
          centre-b:
            <<: *centre
            apheresis: {chairs: 1, duration: {triangular: [3h, 4h, 6h]}}
          centre-c:
            <<: *centre
            cryopreservation: {hub: hub}
          hub:
            kind: hub
            freezers: 1
            calendar: office
            duration: {triangular: [12h, 1d, 30h]}
          plant:
            kind: plant
            intake: {triangular: [2h, 6h, 12h]}
            suites: 12
            suite_calendar: batch-starts
            qc_capacity: 9
            qa_calendar: office
        lanes:
          - {from: centre-a, to: plant, transit: {lognormal: {median: 30h, p90: 48h}}, pickup_days: [mon, wed, fri], cutoff: "12:00", loss_probability: 1%, return: true}
          - {from: centre-b, to: plant, transit: {triangular: [1d, 2d, 3d]}, pickup_days: [mon-fri], cutoff: "14:00", loss_probability: 1%, return: true}
          - {from: centre-c, to: hub, transit: {triangular: [3h, 5h, 8h]}, pickup_days: [mon-fri], cutoff: "15:00"}
          - {from: hub, to: plant, transit: {triangular: [1d, 2d, 3d]}, pickup_days: [tue, thu], cutoff: "12:00"}
          - {from: plant, to: centre-c, transit: {triangular: [1d, 2d, 3d]}}

        """
    }

    /// Outcomes seen minus forecast, per seed: infused, dropped out, days from the snapshot to infusion.
    private struct Difference { var infused = 0.0, dropouts = 0.0, days = 0.0 }

    func testARestartFromASnapshotContinuesTheRun() throws {
        let whole = try writeScenario(Self.scenario(start: "2026-01-05", horizon: "37w"), name: "whole")
        // The same network over 17 weeks, started with `--start` 140 days after 5 January 2026.
        let restart = try writeScenario(Self.scenario(start: "2026-01-05", horizon: "17w"), name: "restart")
        var differences: [Difference] = [], placed = 0, stagesSeen = Set<String>()
        for seed in 1...Self.seeds {
            let first = folder.appendingPathComponent("whole-\(seed)"), second = folder.appendingPathComponent("restart-\(seed)")
            let a = try CartsimBinary.run(["run", whole.path, "--seed", String(seed), "--snapshot-at", "140d",
                                           "--out", first.path, "--quiet"])
            XCTAssertEqual(a.status, 0, a.stderr)
            let pipeline = first.appendingPathComponent("pipeline.csv")
            let b = try CartsimBinary.run(["run", restart.path, "--start", "2026-05-25", "--initial-state", pipeline.path,
                                           "--seed", String(1_000 + seed), "--replications", String(Self.restartReplications),
                                           "--out", second.path, "--quiet"])
            XCTAssertEqual(b.status, 0, b.stderr)
            let seen = Dictionary(uniqueKeysWithValues: try CSVFile(url: first.appendingPathComponent("patients.csv")).rows
                .map { ($0["patient_id"]!, $0) })
            var difference = Difference()
            for forecast in try CSVFile(url: second.appendingPathComponent("forecast.csv")).rows
            where forecast["stage"] != "post_infusion" {
                let patient = try XCTUnwrap(seen[forecast["patient"]!])
                let infused = patient["outcome"] == "infused"
                let p = CSVFile.number(forecast, "infused_fraction")
                difference.infused += (infused ? 1 : 0) - p
                difference.dropouts += (patient["outcome"] == "dropout" ? 1 : 0) - CSVFile.number(forecast, "dropout_fraction")
                let expectedDays = p > 0 ? p * CSVFile.number(forecast, "infusion_day_mean") : 0
                difference.days += (infused ? CSVFile.number(patient, "infusion_day") - 140 : 0) - expectedDays
                placed += 1
                stagesSeen.insert(forecast["stage"]!)
            }
            differences.append(difference)
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        XCTAssertGreaterThan(placed, 20 * Self.seeds, "snapshots of about 30 patients in flight")
        for stage in ["consult", "apheresis", "freezing", "shipping_to_plant", "intake", "suite_queue", "manufacturing",
                      "qc_testing", "shipping_to_centre", "storage", "lymphodepletion"] {
            XCTAssertTrue(stagesSeen.contains(stage), "some snapshot has a patient in \(stage); seen: \(stagesSeen.sorted())")
        }
        for (name, values) in [("infused", differences.map(\.infused)), ("dropouts", differences.map(\.dropouts)),
                               ("days to infusion", differences.map(\.days))] {
            let n = Double(values.count), mean = values.reduce(0, +) / n
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
            let halfWidth = 2.626 * sd / n.squareRoot() // t(0.995, 99)
            XCTAssertLessThanOrEqual(abs(mean), halfWidth,
                                     "\(name): seen − forecast per snapshot \(mean) ± \(halfWidth) (99 %) should contain 0")
            print("restart check, \(name): seen − forecast per snapshot \(mean) ± \(halfWidth) (99 %)")
        }
    }
}
