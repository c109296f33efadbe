/// Slots are allocated to the centres assigned to their plant.
extension SemanticChecks {
    /// A plant's slots need assigned routing (a centre's patients wait for its own plant's
    /// slots); the centres given quotas or shares must be assigned to the plant, and every
    /// centre with referrals assigned to it must have a quota or share.
    func checkSlots() {
        for plant in draft.sites.plants {
            guard let slots = plant.spec.slots else { continue }
            if draft.routing != .assigned {
                plant.report("slots are allocated to the centres assigned to plant '\(plant.name)'; they need "
                             + "routing: assigned, not \(draft.routing.rawValue)", at: "slots")
            }
            let listed: [String]
            switch slots.allocation {
            case .quota(let quotas): listed = Array(quotas.keys)
            case .share(let shares): listed = Array(shares.keys)
            case .pooled: continue
            }
            for centre in draft.sites.centres {
                let assigned = centre.spec.plant == plant.name
                if listed.contains(centre.name) && !assigned {
                    plant.report("centre '\(centre.name)' is given slots at plant '\(plant.name)' but is assigned to "
                                 + "plant '\(centre.spec.plant)'", at: "slots", "centres", centre.name)
                }
                if assigned && !listed.contains(centre.name) && demands.contains(where: { $0.name == centre.name && $0.hasReferrals }) {
                    centre.report("centre '\(centre.name)' is assigned to plant '\(plant.name)', whose slots are "
                                  + "allocated by centre, but has no quota or share in its slots.centres", at: "plant")
                }
            }
        }
    }
}
