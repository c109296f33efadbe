/// The one-centre, one-plant network of ``StaffTests`` and ``StockTests``: ample chairs,
/// suites, QC and beds, no calendars but those given, fixed delays (consult 1 d, apheresis
/// 4 h, courier 20 h, a 1-hour expansion, instant QC and release), so that the plant's own
/// constraint (`plantSection`: its staff or its stock) is the only one.
enum OnePlantNetwork {
    static func scenario(name: String, simulation: String, referrals: String, calendars: String = "",
                         plantSection: String) -> String {
        """
        name: \(name)
        simulation: \(simulation)
        \(calendars)products:
          car-t:
            starting_material: fresh
            fresh_hold_time: 1000d
            manufacturing:
              - expansion: 1h
            qc: 0h
            qa_release: 0h
            lymphodepletion: 1d
        indications:
          dlbcl: {product: car-t}
        sites:
          centre:
            kind: centre
            referrals: \(referrals)
            referral_to_apheresis: 1d
            apheresis: {chairs: 40, duration: 4h}
            plant: plant
            lymphodepletion_scheduling: 0d
            beds: 1000
            post_infusion_stay: 1d
          plant:
            kind: plant
            intake: 1h
            suites: 200
            qc_capacity: 100
        \(plantSection)
        lanes:
          - {from: centre, to: plant, transit: 20h, return: true}

        """
    }
}
