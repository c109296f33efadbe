/// What one treatment centre asks of the network, from its spec and the starting material
/// of the products it uses.
struct CentreDemand {
    let centre: Decoded<CentreSpec>
    /// The products of the centre's indications with a positive share, with their starting
    /// material (products that failed to decode are left out).
    let products: [(name: String, material: StartingMaterial)]

    var name: String { centre.name }
    var hub: String? { centre.spec.cryopreservationHub }

    /// Whether some referral period has a positive rate.
    var hasReferrals: Bool { centre.spec.referrals.contains { $0.perDay > 0 } }

    /// The first cryopreserved product the centre uses, if any.
    var cryopreservedProduct: String? { products.first { $0.material == .cryopreserved }?.name }

    /// Whether material ships from the centre itself to the plant: fresh material, or any
    /// material when the centre names no hub.
    var shipsFromCentre: Bool { hub == nil || products.contains { $0.material == .fresh } }

    /// Whether cryopreserved material goes to the centre's hub to be frozen.
    var shipsViaHub: Bool { hub != nil && cryopreservedProduct != nil }

    /// Whether cryopreserved material is frozen at the centre itself.
    var freezesAtCentre: Bool { hub == nil && cryopreservedProduct != nil }

    /// The plants assigned to make the centre's products (its `plant` when it uses none).
    var plants: [String] {
        var plants: [String] = []
        for product in products.map({ centre.spec.plant(for: $0.name) }) + (products.isEmpty ? [centre.spec.plant] : [])
        where !plants.contains(product) { plants.append(product) }
        return plants
    }

    /// The sites from which the centre's material leaves for a plant.
    var origins: [String] {
        (shipsFromCentre ? [name] : []) + (shipsViaHub ? hub.map { [$0] } ?? [] : [])
    }
}
