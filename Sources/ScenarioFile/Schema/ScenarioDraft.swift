import SimKernel

/// Everything decoded from a scenario file, before the checks across sections; items that
/// failed to decode are missing (their problems are reported).
struct ScenarioDraft {
    /// The names the file defines, read before decoding.
    var names: NameTable
    var name: String?
    var description: String
    var simulation: SimulationSettings?
    /// Calendars that decoded, `always` included.
    var calendars: [String: WorkCalendar]
    var routing: RoutingPolicy
    var products: [Decoded<ProductSpec>]
    var indications: [Decoded<IndicationSpec>]
    var sites: DecodedSites
    var lanes: DecodedLanes
    /// The `costs` section, if written.
    var costs: CostsSection.Draft?
    /// The `demand` section, if written.
    var demand: DemandSpec?
    /// The `referral_list` and its file's bytes, if written (nil inside after a problem).
    var referralList: (referrals: [ListedReferral], bytes: [UInt8])??

    /// The scenario, when every part decoded; call only when no problem was reported.
    func scenario(sourceHash: String) -> ScenarioDescription? {
        guard let name, let simulation, let lanes = lanes.lanes?.map(\.spec).allOrNone()
        else { return nil }
        var scenario = ScenarioDescription(
            name: name, description: description, simulation: simulation, calendars: calendars,
            products: products.map(\.spec), indications: indications.map(\.spec),
            centres: sites.centres.map(\.spec), plants: sites.plants.map(\.spec), hubs: sites.hubs.map(\.spec),
            lanes: lanes, routing: routing, sourceHash: sourceHash)
        let zones = Dictionary(uniqueKeysWithValues: names.sites.map { ($0, sites.timeZones[$0] ?? simulation.timeZone) })
        if let demand {
            for index in scenario.centres.indices {
                scenario.centres[index].referrals = demand.apply(to: scenario.centres[index].referrals,
                                                                 horizon: simulation.horizon)
            }
        }
        scenario.referralList = (referralList ?? nil)?.referrals ?? []
        scenario.costs = costs?.spec(centres: scenario.centres.map(\.name), plants: scenario.plants.map(\.name),
                                     hubs: scenario.hubs.map(\.name))
        scenario.clockShifts = ClockShifts.make(scenarioZone: simulation.timeZone, siteZones: zones, settings: simulation)
        return scenario
    }
}
