import OutputSchema

/// The sites of a scenario that decoded, by kind, each in file order.
struct DecodedSites {
    var centres: [Decoded<CentreSpec>] = []
    var hubs: [Decoded<HubSpec>] = []
    var plants: [Decoded<PlantSpec>] = []
    /// The time zones sites name (`time_zone`), by site.
    var timeZones: [String: String] = [:]
}

/// The `sites` section: a mapping of named sites, each with a `kind` (centre, hub or plant)
/// that decides which other keys it takes.
enum SitesSection {
    /// Every site that decoded; reports a missing or unknown `kind`, and a network without a
    /// centre or without a plant (when every site's kind is known).
    static func read(_ reader: NodeReader, names: NameTable) -> DecodedSites {
        var sites = DecodedSites()
        guard let entries = reader.namedEntries() else { return sites }
        for entry in entries {
            if let zone = entry.value.child("time_zone")?.timeZoneName() { sites.timeZones[entry.name] = zone }
            switch kind(of: entry) {
            case .centre?:
                if let centre = CentreSection.read(entry, names: names) {
                    sites.centres.append(Decoded(spec: centre, entry: entry))
                }
            case .hub?:
                if let hub = HubSection.read(entry, names: names) {
                    sites.hubs.append(Decoded(spec: hub, entry: entry))
                }
            case .plant?:
                if let plant = PlantSection.read(entry, names: names) {
                    sites.plants.append(Decoded(spec: plant, entry: entry))
                }
            case nil:
                break
            }
        }
        reportSharedOutputIDs(entries)
        let everyKindKnown = names.siteKinds.count == names.sites.count
        for required in [SiteKind.centre, .plant] where everyKindKnown && names.sites(of: required).isEmpty {
            reader.report("expected at least one site with kind: \(required.rawValue)")
        }
        return sites
    }

    /// Two sites whose names differ only in case or punctuation (`plant-west`, `Plant_West`)
    /// would share their resources' ids in the outputs (`plant_west_suites`).
    private static func reportSharedOutputIDs(_ entries: [NamedEntry]) {
        var first: [String: String] = [:]
        for entry in entries {
            let id = ResourceID.normalised(entry.name)
            if let earlier = first[id] {
                entry.report("site '\(entry.name)' and site '\(earlier)' would name their resources alike in the outputs "
                             + "('\(id)_…'); rename one so that the names differ in more than case and punctuation")
            } else {
                first[id] = entry.name
            }
        }
    }

    /// The `kind` of a site, which must be written first-hand (not defaulted); reports when
    /// it is missing or unknown, listing the kinds.
    private static func kind(of entry: NamedEntry) -> SiteKind? {
        let kinds = SiteKind.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .mapping = entry.value.node.kind else {
            entry.value.reportMismatch(expected: "a mapping with a 'kind' (one of \(kinds))")
            return nil
        }
        guard let kind = entry.value.child("kind") else {
            entry.value.report("missing required key 'kind' (one of \(kinds))")
            return nil
        }
        return kind.enumeration(SiteKind.self)
    }

    /// The allowed keys of a site of `kind` whose own keys are `keys`.
    static func allowedKeys(_ keys: [String]) -> [String] {
        ["kind", "time_zone"] + keys
    }
}
