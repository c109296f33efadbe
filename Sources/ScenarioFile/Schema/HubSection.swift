/// A site of `kind: hub`: freezers that cryopreserve fresh material from centres before it
/// goes on to a plant.
enum HubSection {
    static let keys = SitesSection.allowedKeys(FreezerFields.keys)

    static func read(_ entry: NamedEntry, names: NameTable) -> HubSpec? {
        guard let hub = entry.value.mapping(allowedKeys: keys),
              let freezer = FreezerFields.read(hub, names: names)
        else { return nil }
        return HubSpec(name: entry.name, freezer: freezer)
    }
}
