import SimKernel
import ScenarioFile

// Manufacturing slots. A plant's slots are issued at the start of each period to the lists
// of its centres (quota, share) or to one plant-wide list (pooled); a slot not allocated by
// the end of its period is lost or carried over. A patient joins the list after the consult
// (or at referral) and gets a slot at once when one is available, else when one is issued or
// given back, under the list's rule. The slot fixes the earliest apheresis: its lead time
// later. While on the list or in the lead time the patient is in stage `waitlist`, at risk
// of dropout; a patient who drops out while holding a slot forfeits it unless the rule gives
// it back; one who drops out in the waitlist stage may be referred again.
extension PathwayReplication {
    /// Schedules the start of every allocation period of every plant with slots.
    func scheduleSlotPeriods() {
        guard let slots else { return }
        for (plant, starts) in slots.periods {
            for start in starts {
                simulation.schedule(at: start, priority: .capacityChange) { [self] in startSlotPeriod(plant: plant) }
            }
        }
    }

    /// A period starts at a plant: slots left from the last period are lost (or kept), this
    /// period's are issued, and allocated to the waiting patients.
    private func startSlotPeriod(plant: Int) {
        guard let slots else { return }
        for pool in slots.pools where pool.plant == plant {
            if pool.spec.unused == .lost {
                slotRecorder.expired(pool.available, at: simulation.now)
                pool.available = 0
            }
            let issued = pool.issue(at: simulation.now)
            slotRecorder.issued(issued, at: simulation.now)
            pool.available += issued
            allocateSlots(pool)
        }
    }

    /// The patient joins the slot waitlist of its centre (or its plant).
    func joinWaitlist(_ patient: Patient) {
        guard isActive(patient), let slots, let pool = slots.poolOfCentre[patient.centre] else { return }
        patient.stage = .waitlist
        patient.waitlistedAt = simulation.now
        patient.onWaitlist = true
        pool.waiting.append(patient)
        notify(PathwayEvent(time: simulation.now, kind: .waitlisted, patient: patient, stage: .waitlist,
                            site: siteID(centre: patient.centre)))
        changeWaitlist(of: patient.centre, by: 1)
        slotRecorder.listed(patient)
        allocateSlots(pool)
    }

    /// Gives the list's available slots to its waiting patients, under its rule.
    func allocateSlots(_ pool: SlotPool) {
        guard let slots, pool.available > 0, !pool.waiting.isEmpty else { return }
        // A lottery draws once per allocation, one number per waiting patient in list order,
        // only when there are fewer slots than patients.
        var numbers: [Double]? = nil
        if pool.spec.rule == .lottery && pool.available < pool.waiting.count {
            numbers = pool.waiting.map { _ in pool.lottery.uniform() }
        }
        while pool.available > 0 && !pool.waiting.isEmpty {
            let index = pool.next(lotteryNumbers: numbers, indicationRank: slots.indicationRanks[pool.plant],
                                  dropoutTime: { $0.dropoutEvent?.time })
            let patient = pool.waiting.remove(at: index)
            numbers?.remove(at: index)
            pool.available -= 1
            grantSlot(to: patient)
        }
    }

    /// A slot is allocated: on along the route — the rest of the slot's lead time until
    /// apheresis (after the consult, when the list comes before it).
    private func grantSlot(to patient: Patient) {
        let now = simulation.now, listed = patient.waitlistedAt ?? now
        patient.onWaitlist = false
        patient.slotAllocated = now
        notify(PathwayEvent(time: now, kind: .slotAllocated, patient: patient, stage: .waitlist,
                            site: siteID(centre: patient.centre)))
        changeWaitlist(of: patient.centre, by: -1)
        stages.recordWaiting(.waitlist, now - listed)
        slotRecorder.leftList(patient, after: now - listed)
        slotRecorder.granted(patient, wait: now - listed, at: now)
        advance(patient)
    }

    /// The rest of the allocated slot's lead time (all of it, or what is left after a consult
    /// that followed the slot), then apheresis.
    func waitForSlotDate(_ patient: Patient) {
        guard let allocated = patient.slotAllocated, let spec = slots?.poolOfCentre[patient.centre]?.spec else { return }
        hold(patient, in: .waitlist, for: max(0, allocated + spec.leadTime - simulation.now))
    }

    /// A patient in the waitlist stage drops out: off the list, or holding a slot not yet
    /// used, which is forfeited or given back (returned: the list to allocate it to once the
    /// pathway has ended); may be referred again.
    func leaveWaitlist(_ patient: Patient) -> SlotPool? {
        guard let slots, let pool = slots.poolOfCentre[patient.centre], patient.waitlistedAt != nil else { return nil }
        var freed: SlotPool?
        if patient.onWaitlist {
            patient.onWaitlist = false
            pool.waiting.removeAll { $0 === patient }
            changeWaitlist(of: patient.centre, by: -1)
            slotRecorder.leftList(patient, after: simulation.now - (patient.waitlistedAt ?? simulation.now))
        } else if patient.slotAllocated != nil && patient.firstApheresisStart == nil {
            if pool.spec.dropoutFreesSlot {
                pool.available += 1
                slotRecorder.returned(at: simulation.now)
                freed = pool
            } else {
                slotRecorder.forfeited(at: simulation.now)
            }
        }
        if patient.stage == .waitlist, let event = slots.reReferral[patient.centre], event.occurs() {
            let again = simulation.now + slots.reReferralDelay[patient.centre]!.ticks()
            if again < scenario.simulation.horizon {
                let centre = patient.centre, indication = patient.indication
                simulation.schedule(at: again, priority: .arrival) { [self] in
                    slotRecorder.reReferred(at: simulation.now)
                    admit(centre: centre, indication: indication)
                }
            }
        }
        return freed
    }

    private func changeWaitlist(of centre: Int, by delta: Int) {
        guard let slots else { return }
        slots.levels[centre].record(slots.levels[centre].current + delta, at: simulation.now)
    }
}
