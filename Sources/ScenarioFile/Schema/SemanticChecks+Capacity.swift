/// Stages with demand but no capacity, and calendars of such stages that never open.
extension SemanticChecks {
    /// A centre with referrals needs apheresis chairs, beds and, for cryopreserved products,
    /// freezers (its own or a hub's); a hub a centre uses needs freezers; a plant that
    /// receives material needs suites and QC capacity.
    func checkCapacities() {
        for demand in demands where demand.hasReferrals {
            let centre = demand.centre
            if centre.spec.apheresisChairs == 0 {
                centre.report("centre '\(demand.name)' receives referrals but has 0 apheresis chairs",
                              at: "apheresis", "chairs")
            }
            if centre.spec.beds == 0 {
                centre.report("centre '\(demand.name)' receives referrals but has 0 beds", at: "beds")
            }
            if let last = centre.spec.capacityChanges.last(where: { $0.pool == .beds }), last.capacity == 0 {
                centre.report("centre '\(demand.name)' receives referrals but its beds fall to 0 for good from its "
                              + "last capacity change: no patient could be infused after it", at: CapacityChangesSection.key)
            }
            if demand.freezesAtCentre, let product = demand.cryopreservedProduct {
                if let freezer = centre.spec.freezer {
                    if freezer.capacity == 0 {
                        centre.report("centre '\(demand.name)' freezes starting material for product '\(product)' "
                            + "but has 0 freezers", at: "cryopreservation", "freezers")
                    }
                } else {
                    centre.report("centre '\(demand.name)' uses the cryopreserved product '\(product)' but has no "
                        + "cryopreservation; add cryopreservation: {hub: …} or {freezers: …}")
                }
            }
        }
        for hub in draft.sites.hubs where hub.spec.freezer.capacity == 0 {
            if let users = hubUsers[hub.name] {
                hub.report("hub '\(hub.name)' has 0 freezers, but \(users.joined(separator: ", ")) "
                    + "\(users.count == 1 ? "sends" : "send") material to be frozen there", at: "freezers")
            }
        }
        for plant in draft.sites.plants {
            guard let senders = plantSenders[plant.name], !senders.isEmpty else { continue }
            let from = "plant '\(plant.name)' receives material from \(senders.joined(separator: ", "))"
            if plant.spec.suites == 0 { plant.report("\(from) but has 0 suites", at: "suites") }
            if plant.spec.qcCapacity == 0 { plant.report("\(from) but has a QC capacity of 0", at: "qc_capacity") }
        }
    }

    /// Every calendar that gates a stage with demand must open at some time.
    func checkCalendars() {
        for demand in demands where demand.hasReferrals {
            requireOpen(demand.centre.spec.apheresisCalendar, demand.centre, at: ["apheresis", "calendar"])
            if demand.freezesAtCentre, let freezer = demand.centre.spec.freezer {
                requireOpen(freezer.calendar, demand.centre, at: ["cryopreservation", "calendar"])
            }
        }
        for hub in draft.sites.hubs where hubUsers[hub.name] != nil {
            requireOpen(hub.spec.freezer.calendar, hub, at: ["calendar"])
        }
        for plant in draft.sites.plants where !(plantSenders[plant.name] ?? []).isEmpty {
            requireOpen(plant.spec.suiteCalendar, plant, at: ["suite_calendar"])
            requireOpen(plant.spec.qcCalendar, plant, at: ["qc_calendar"])
            requireOpen(plant.spec.qaCalendar, plant, at: ["qa_calendar"])
        }
    }

    private func requireOpen<Spec>(_ calendar: String, _ item: Decoded<Spec>, at keys: [String]) {
        guard draft.calendars[calendar]?.isNeverOpen == true else { return }
        item.report("calendar '\(calendar)' is never open (it has no opening hours), so no work could start here",
                    atPath: keys)
    }
}
