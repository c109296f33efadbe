@testable import ScenarioFile

/// Scenario texts shared by the schema tests.
enum ScenarioFixtures {
    /// A scenario that writes every key of the format at least once.
    static let complete = """
        name: axicel-central-fresh
        description: "Two centres, one hub, two plants"
        simulation:
          start_date: 2026-01-05
          horizon: 104w
          warmup: 13w
          replications: 20
          seed: 12345
          vein_to_vein_target_days: 28
        calendars:
          office:
            hours:
              mon-fri: "08:00-17:00"
              sat: ["09:00-12:00"]
            holidays: [2026-12-25, 2027-01-01]
          weekdays:
            hours:
              daily: ["06:00-12:00", "13:00-22:00"]
              sat-sun: closed
        routing: shortest_expected_wait
        products:
          axi-cel:
            starting_material: fresh
            fresh_hold_time: 48h
            manufacturing:
              - activation: 1d
              - transduction: 1d
              - expansion: {lognormal: {median: 5d, p90: 7d}}
              - formulation: 12h
              - cryopreservation: 1d
            qc: 14d
            qa_release: 4h
            lymphodepletion: 5d
            yield:
              cells_collected: {lognormal: {median: 4e9, p90: 9e9}}
              transduction_efficiency: {beta: {mean: 0.45, sd: 0.1}}
              expansion_fold: {lognormal: {median: 60, p90: 150}}
              target_dose: 2e8
              residual_failure_probability: 1%
            out_of_spec:
              exception_infusion_probability: 0.3
              remanufacture_probability: 0.5
              recollect_probability: 0.5
              max_attempts: 3
          cilta-cel:
            starting_material: cryopreserved
            manufacturing:
              - expansion: {triangular: [8d, 10d, 14d]}
            qc: {uniform: [7d, 10d]}
        indications:
          dlbcl:
            product: axi-cel
            time_to_dropout: {exponential: {mean: 400d}}
            bridging_probability: 0.5
            bridging_factor: 1.5
          mm:
            product: cilta-cel
        sites:
          centre-london:
            kind: centre
            referrals: 2/week
            indication_mix: {dlbcl: 0.8, mm: 0.2}
            referral_to_apheresis: 7d
            apheresis:
              chairs: 2
              calendar: office
              duration: 4h
              repeat_probability: 4%
            cryopreservation:
              freezers: 2
              calendar: office
              duration: 1d
            plant: plant-nl
            lymphodepletion_scheduling: 2d
            beds: 4
            post_infusion_stay: {lognormal: {median: 14d, p90: 21d}}
            icu_probability: 0.3
            icu_stay: 4d
          centre-leeds:
            kind: centre
            referrals:
              - {from: 0w, rate: 1/week}
              - {from: 26w, rate: 3/week}
            indication_mix: {mm: 1}
            apheresis: {chairs: 1}
            cryopreservation: {hub: hub-central}
            plant: plant-nl
          hub-central:
            kind: hub
            freezers: 4
            calendar: office
            duration: 1d
          plant-nl:
            kind: plant
            intake: 6h
            suites: 10
            suite_calendar: weekdays
            discipline: earliest_referral
            qc_capacity: 40
            qc_calendar: always
            qa_calendar: office
          plant-us:
            kind: plant
            suites: 4
        lanes:
          - from: centre-london
            to: plant-nl
            transit: {triangular: [18h, 24h, 36h]}
            pickup_days: [mon, tue, wed, thu, fri]
            cutoff: "15:00"
            loss_probability: 0.2%
            return: true
          - {from: centre-leeds, to: hub-central, transit: 6h, pickup_days: mon-fri}
          - {from: hub-central, to: plant-nl, transit: 1d}
          - {from: hub-central, to: plant-us, transit: 3d}
          - {from: plant-nl, to: centre-leeds, transit: 1d}
          - {from: plant-us, to: centre-leeds, transit: 3d, pickup_days: "mon, wed"}

        """

    /// The smallest useful scenario: one product, one indication, one centre, one plant.
    static let minimal = """
        name: minimal
        simulation:
          horizon: 52w
        products:
          kymriah:
            starting_material: fresh
            manufacturing:
              - expansion: 9d
            qc: 14d
        indications:
          all:
            product: kymriah
        sites:
          centre:
            kind: centre
            referrals: 1/week
            apheresis: {chairs: 1}
            plant: plant
          plant:
            kind: plant
            suites: 2
        lanes:
          - {from: centre, to: plant, transit: 1d, return: true}

        """

    /// ``minimal`` written as JSON.
    static let minimalJSON = """
        {
          "name": "minimal",
          "simulation": {"horizon": "52w"},
          "products": {
            "kymriah": {
              "starting_material": "fresh",
              "manufacturing": [{"expansion": "9d"}],
              "qc": "14d"
            }
          },
          "indications": {"all": {"product": "kymriah"}},
          "sites": {
            "centre": {"kind": "centre", "referrals": "1/week", "apheresis": {"chairs": 1}, "plant": "plant"},
            "plant": {"kind": "plant", "suites": 2}
          },
          "lanes": [{"from": "centre", "to": "plant", "transit": "1d", "return": true}]
        }
        """
}

/// The messages of loading `text` as `file`; empty when it loads.
func loadErrors(_ text: String, file: String = "bad.yaml") -> [String] {
    loadErrors(bytes: Array(text.utf8), file: file)
}

func loadErrors(bytes: [UInt8], file: String = "bad.yaml") -> [String] {
    do {
        _ = try ScenarioLoader.load(bytes: bytes, file: file)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// ``ScenarioFixtures/minimal`` with `old` replaced by `new` (exactly once).
func minimal(replacing old: String, with new: String) -> String {
    precondition(ScenarioFixtures.minimal.components(separatedBy: old).count == 2, "'\(old)' must occur once")
    return ScenarioFixtures.minimal.replacingOccurrences(of: old, with: new)
}
