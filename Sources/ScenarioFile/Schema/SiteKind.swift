/// The kinds of site a scenario's `sites` section holds, spelt as in the file (`kind: plant`).
enum SiteKind: String, CaseIterable, Sendable {
    /// A treatment centre: referrals, apheresis, lymphodepletion, infusion.
    case centre
    /// A cryopreservation hub that freezes starting material on its way to a plant.
    case hub
    /// A manufacturing plant.
    case plant
}
