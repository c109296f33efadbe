/// The `costs` section: the currency, prices by kind of site with one site's own prices
/// key by key, courier shipments by mode with one lane's own prices, and the weight of an
/// untreated patient (reference: `Scenarios/README.md`, "Costs").
enum CostsSection {
    static let keys = ["currency", "untreated_patient", "centres", "plants", "hubs", "sites", "shipments"]
    static let shipmentKeys = ["fresh", "cryopreserved", "lanes"]
    static let laneKeys = ["from", "to", "fresh", "cryopreserved"]

    /// The price keys of each kind of site and the field each sets.
    static var priceKeys: [SiteKind: [(key: String, field: WritableKeyPath<SiteCosts, Double>)]] { [
        .centre: [("fixed_per_day", \.fixedPerDay), ("collection", \.collection), ("freezing", \.freezing),
                  ("bed_day", \.bedDay), ("icu_day", \.icuDay), ("lost_material", \.lostMaterial)],
        .plant: [("fixed_per_day", \.fixedPerDay), ("suite_day", \.suiteDay), ("qc_capacity_day", \.qcCapacityDay),
                 ("batch_started", \.batchStarted), ("materials_per_batch", \.materialsPerBatch),
                 ("qc_test", \.qcTest), ("failed_lot", \.failedLot), ("lost_material", \.lostMaterial),
                 ("staff_hour", \.staffHour)],
        .hub: [("fixed_per_day", \.fixedPerDay), ("freezing", \.freezing), ("lost_material", \.lostMaterial)],
    ] }

    /// The section as decoded: prices by kind and by site name (only the keys written), lanes
    /// with their readers so that the checks across sections can point at a lane that is not defined.
    struct Draft {
        var currency: String
        var untreatedPatient: Double
        var byKind: [SiteKind: [String: Double]]
        var bySite: [String: [String: Double]]
        var shipments: ShipmentCosts
        var lanes: [(costs: LaneCosts, reader: MappingReader)]

        /// The prices of every site, in site-id order (`sites` by kind, each in file order).
        func spec(centres: [String], plants: [String], hubs: [String]) -> CostSpec {
            func prices(_ name: String, _ kind: SiteKind) -> SiteCosts {
                var costs = SiteCosts()
                let written = (byKind[kind] ?? [:]).merging(bySite[name] ?? [:]) { _, own in own }
                for (key, field) in CostsSection.priceKeys[kind] ?? [] { costs[keyPath: field] = written[key] ?? 0 }
                return costs
            }
            let sites = centres.map { prices($0, .centre) } + plants.map { prices($0, .plant) } + hubs.map { prices($0, .hub) }
            return CostSpec(currency: currency, untreatedPatient: untreatedPatient, sites: sites, shipments: shipments,
                            lanes: lanes.map(\.costs))
        }
    }

    /// The section, nil after a problem (reported).
    static func read(_ reader: NodeReader, names: NameTable) -> Draft? {
        guard let costs = reader.mapping(allowedKeys: keys) else { return nil }
        let currency = costs.optional("currency")?.string() ?? "USD"
        let untreated = costs.optional("untreated_patient").map(amount) ?? 0
        var byKind: [SiteKind: [String: Double]] = [:]
        var valid = untreated != nil
        for (key, kind) in [("centres", SiteKind.centre), ("plants", .plant), ("hubs", .hub)] {
            guard let prices = costs.optional(key) else { continue }
            if let read = readPrices(prices, kind: kind) { byKind[kind] = read } else { valid = false }
        }
        var bySite: [String: [String: Double]] = [:]
        if let sites = costs.optional("sites") {
            let entries = sites.namedEntries()
            if entries == nil { valid = false }
            for entry in entries ?? [] {
                guard names.isSite(entry.name) else {
                    entry.report(NodeReader.unknown("site", entry.name, among: names.sites))
                    valid = false
                    continue
                }
                guard let kind = names.siteKinds[entry.name] else { continue }
                if let read = readPrices(entry.value, kind: kind) { bySite[entry.name] = read } else { valid = false }
            }
        }
        let shipments = costs.optional("shipments").map { readShipments($0, names: names) }
            ?? (ShipmentCosts(fresh: 0, cryopreserved: 0), [])
        guard valid, let untreated, let (defaults, lanes) = shipments else { return nil }
        return Draft(currency: currency, untreatedPatient: untreated, byKind: byKind, bySite: bySite,
                     shipments: defaults, lanes: lanes)
    }

    /// The price keys written for a site of `kind`.
    private static func readPrices(_ reader: NodeReader, kind: SiteKind) -> [String: Double]? {
        let fields = priceKeys[kind] ?? []
        guard let prices = reader.mapping(allowedKeys: fields.map(\.key)) else { return nil }
        var written: [String: Double] = [:], valid = true
        for (key, _) in fields {
            guard let field = prices.optional(key) else { continue }
            if let value = amount(field) { written[key] = value } else { valid = false }
        }
        return valid ? written : nil
    }

    private static func readShipments(_ reader: NodeReader, names: NameTable)
        -> (ShipmentCosts, [(costs: LaneCosts, reader: MappingReader)])? {
        guard let shipments = reader.mapping(allowedKeys: shipmentKeys) else { return nil }
        let fresh = shipments.optional("fresh").map(amount) ?? 0
        let cryopreserved = shipments.optional("cryopreserved").map(amount) ?? 0
        let lanes = shipments.optional("lanes").map { list in
            list.list { item -> (costs: LaneCosts, reader: MappingReader)? in
                guard let lane = item.mapping(allowedKeys: laneKeys) else { return nil }
                let origin = lane.required("from")?.site(in: names)
                let destination = lane.required("to")?.site(in: names)
                let ownFresh = lane.optional("fresh").map(amount) ?? fresh
                let ownCryopreserved = lane.optional("cryopreserved").map(amount) ?? cryopreserved
                guard let origin, let destination, let ownFresh, let ownCryopreserved else { return nil }
                return (LaneCosts(origin: origin, destination: destination,
                                  costs: ShipmentCosts(fresh: ownFresh, cryopreserved: ownCryopreserved)), lane)
            }
        } ?? []
        guard let fresh, let cryopreserved, let lanes else { return nil }
        return (ShipmentCosts(fresh: fresh, cryopreserved: cryopreserved), lanes)
    }

    /// An amount of money: a number from 0 to a trillion, so that totals stay finite.
    private static func amount(_ reader: NodeReader) -> Double? {
        reader.double(in: 0...1e12)
    }
}
