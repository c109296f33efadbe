import SimKernel
import ScenarioFile
import OutputSchema

extension PathwayReplication {
    /// What the window's time-based statistics are at the horizon, before the follow-up of
    /// the cohort adds work that belongs to no window.
    struct HorizonObservation {
        let resources: [ResourceSummary]
        let stages: [StageSummary]
        let workInProgressMean: Double
        let windowYears: Double
        /// Patients of the cohort still in the pathway at the horizon.
        let cohortInProcess: Int
        /// Seconds each slot centre's waitlist spent at each length in the window (centre, durations).
        let waitlists: [(centre: Int, durations: [SimTime])]
        /// The KPIs of the plants' stock in the window (none without stock).
        let stock: [(String, Double)]
    }

    /// Observes the window's statistics at the horizon.
    func observeHorizon() -> HorizonObservation {
        let now = simulation.now
        var onShift: [ObjectIdentifier: Double] = [:]
        for staff in plants.compactMap(\.staff) {
            for (index, pool) in staff.pools.enumerated() {
                onShift[ObjectIdentifier(pool)] = staff.personSeconds(pool: index, from: recorder.windowStart, to: now)
            }
        }
        return HorizonObservation(
            resources: allResources.dropLast(centres.count).map { ResourceSummary(resource: $0, at: now, onShift: onShift[ObjectIdentifier($0)]) }
                + centres.map { ResourceSummary(resource: $0.beds, at: now, waits: $0.bedBookingWaits) },
            stages: stages.stages.map(\.summary),
            workInProgressMean: recorder.workInProgress.average(until: now),
            windowYears: Double(now - recorder.windowStart) / Double(365 * Ticks.day),
            cohortInProcess: recorder.stillInProcess,
            waitlists: slots.map { s in s.slotCentres.map { ($0, s.levels[$0].durations(until: now)) } } ?? [],
            stock: stockKPIs(at: now))
    }

    /// Turns the recorded statistics into KPIs and tables (names and definitions:
    /// `docs/output-reference.md`).
    func summarise(_ atHorizon: HorizonObservation) -> ReplicationResult {
        let r = recorder
        let windowYears = atHorizon.windowYears
        let finished = Double(r.referred - r.stillInProcess)
        func share(_ count: Int) -> Double { finished > 0 ? Double(count) / finished : 0 }
        func lotShare(_ count: Int) -> Double { r.lotsDecided > 0 ? Double(count) / Double(r.lotsDecided) : 0 }
        let dropouts = r.dropoutsByStage.values.reduce(0, +)
        let notInfused = dropouts + r.manufacturingFailures + r.materialLost
        var kpis: [(String, Double)] = [
            ("patients_referred", Double(r.referred)),
            ("patients_infused", Double(r.infused)),
            ("patients_not_infused", Double(notInfused)),
            ("patients_in_process_at_horizon", Double(atHorizon.cohortInProcess)),
            ("patients_unfinished", Double(r.stillInProcess)),
            ("collections_in_window", Double(r.collections)),
            ("releases_in_window", Double(r.releases)),
            ("infusions_in_window", Double(r.infusionEvents)),
            ("infusions_per_year", windowYears > 0 ? Double(r.infusionEvents) / windowYears : 0),
            ("vein_to_vein_mean_days", r.veinToVein.mean),
            ("vein_to_vein_p50_days", r.veinToVein.quantile(0.5)),
            ("vein_to_vein_p90_days", r.veinToVein.quantile(0.9)),
            ("vein_to_vein_p95_days", r.veinToVein.quantile(0.95)),
            ("apheresis_to_release_mean_days", r.apheresisToRelease.mean),
            ("apheresis_to_release_p50_days", r.apheresisToRelease.quantile(0.5)),
            ("apheresis_to_release_p90_days", r.apheresisToRelease.quantile(0.9)),
            ("lymphodepletion_to_infusion_mean_days", r.lymphodepletionToInfusion.mean),
            ("lymphodepletion_to_infusion_p90_days", r.lymphodepletionToInfusion.quantile(0.9)),
            ("referral_to_infusion_mean_days", r.referralToInfusion.mean),
            ("referral_to_infusion_p50_days", r.referralToInfusion.quantile(0.5)),
            ("time_in_pathway_mean_days", r.timeInPathway.mean),
            ("post_infusion_stay_p50_days", r.postInfusionStay.quantile(0.5)),
            ("work_in_progress_mean", atHorizon.workInProgressMean),
            ("not_infused_fraction", share(notInfused)),
            ("not_infused_after_apheresis_fraction",
             r.collected > 0 ? Double(r.collectedNotInfused) / Double(r.collected) : 0),
            ("dropout_fraction", share(dropouts)),
            ("manufacturing_failure_fraction", share(r.manufacturingFailures)),
            ("material_lost_fraction", share(r.materialLost)),
            ("out_of_spec_infused_fraction", share(r.infusedOutOfSpecification)),
            ("lymphodepletion_repeated_fraction", share(r.lymphodepletionRepeated)),
            ("out_of_spec_rate", lotShare(r.lotsShortOfDose + r.lotsFailingOtherTests)),
            ("out_of_spec_dose_rate", lotShare(r.lotsShortOfDose)),
            ("out_of_spec_other_rate", lotShare(r.lotsFailingOtherTests)),
            ("lots_decided_in_window", Double(r.lotsDecided)),
            ("material_losses_in_window", Double(r.lossEvents)),
            ("recollections_in_window", Double(r.recollections)),
        ]
        for stage in Stage.allCases where stage != .postInfusion && stage != .infusion && (stage != .waitlist || slots != nil) {
            kpis.append(("dropout_\(stage.name)_fraction", share(r.dropoutsByStage[stage] ?? 0)))
        }
        if recorder.veinToVeinTarget != nil {
            kpis.append(("vein_to_vein_within_target_fraction",
                         r.infused > 0 ? Double(r.infusedWithinTarget) / Double(r.infused) : 0))
        }
        if slots != nil { kpis += slotKPIs(atHorizon, share: share) }
        let downtimes = plants.compactMap(\.downtime)
        if !downtimes.isEmpty {
            kpis.append(("suite_failures_in_window", Double(downtimes.reduce(0) { $0 + $1.failures })))
            kpis.append(("contaminations_in_window", Double(downtimes.reduce(0) { $0 + $1.contaminations })))
            kpis.append(("batches_lost_to_downtime_in_window", Double(downtimes.reduce(0) { $0 + $1.batchesLost })))
        }
        let retests = plants.compactMap(\.qcRetests)
        if !retests.isEmpty {
            let ended = retests.reduce(0) { $0 + $1.testsEnded }, invalid = retests.reduce(0) { $0 + $1.invalid }
            kpis.append(("qc_tests_in_window", Double(ended)))
            kpis.append(("qc_invalid_assays_in_window", Double(invalid)))
            kpis.append(("qc_invalid_assay_rate", ended > 0 ? Double(invalid) / Double(ended) : 0))
            kpis.append(("lots_failed_for_invalid_assays_in_window", Double(retests.reduce(0) { $0 + $1.lotsFailed })))
        }
        if scenario.indications.contains(where: { $0.timeToDropout != nil }) {
            func perYear(_ count: Int) -> Double { windowYears > 0 ? Double(count) / windowYears : 0 }
            let causes = reportedWaitCauses
            kpis.append(("dropouts_waiting_per_year", perYear(causes.reduce(0) { $0 + (r.dropoutsWaiting[$1] ?? 0) })))
            for cause in causes {
                kpis.append(("dropouts_waiting_for_\(cause.rawValue)_per_year", perYear(r.dropoutsWaiting[cause] ?? 0)))
            }
        }
        kpis += atHorizon.stock
        if let costLedger { kpis += costLedger.kpis() }
        let resources = atHorizon.resources
        for resource in resources {
            let key = resource.id
            kpis.append(("\(key)_utilization", resource.utilization))
            kpis.append(("\(key)_wait_mean_days", resource.meanWaitDays))
            kpis.append(("\(key)_wait_p90_days", resource.p90WaitDays))
        }
        var result = ReplicationResult(
            replication: replication, kpis: kpis.map { (name: $0.0, value: $0.1) }, stages: atHorizon.stages,
            resources: resources, series: series, patients: keptPatients.map(record),
            events: simulation.eventsExecuted, patientsSimulated: nextPatientID)
        result.pipeline = pipeline
        result.breakdowns = breakdowns.values()
        result.snapshot = snapshotPatients.map { patient in
            let infusion = patient[.infusion]
            return SnapshotOutcome(outcome: patient.outcome.label, infusionDay: infusion.map(Ticks.days),
                                   veinToVeinDays: infusion.flatMap { i in patient.firstApheresisStart.map { Ticks.days(i - $0) } })
        }
        return result
    }

    /// The KPIs of the plants' stock at `time` (the horizon): network totals, then each
    /// item's (`<plant>_<item>_…`).
    private func stockKPIs(at time: SimTime) -> [(String, Double)] {
        let items = plants.flatMap { plant in plant.stock.map { (plant.spec.name, $0) } }
        guard !items.isEmpty else { return [] }
        let waitDays = items.reduce(0.0) { total, item in
            let waits = item.1.units.waits
            return total + (waits.count > 0 ? waits.mean * Double(waits.count) : 0)
        } / Double(Ticks.day)
        var kpis: [(String, Double)] = [
            ("stock_outs_in_window", Double(items.reduce(0) { $0 + $1.1.stockOuts })),
            ("stock_wait_days_in_window", waitDays),
        ]
        for (plant, stock) in items {
            let id = ResourceID.of(site: plant, pool: stock.spec.name), waits = stock.units.waits
            kpis += [
                ("\(id)_stock_mean", stock.units.capacityUnits.average(until: time)),
                ("\(id)_stock_wait_mean_days", waits.mean / Double(Ticks.day)),
                ("\(id)_stock_wait_p90_days", waits.quantile(0.9) / Double(Ticks.day)),
                ("\(id)_stock_outs_in_window", Double(stock.stockOuts)),
                ("\(id)_units_used_in_window", Double(stock.unitsUsed)),
                ("\(id)_orders_in_window", Double(stock.orders)),
                ("\(id)_deliveries_in_window", Double(stock.deliveries)),
                ("\(id)_lots_failed_in_window", Double(stock.lotsFailed)),
            ]
        }
        return kpis
    }

    /// The KPIs of the slot waitlists (only where a plant allocates slots).
    private func slotKPIs(_ atHorizon: HorizonObservation, share: (Int) -> Double) -> [(String, Double)] {
        let s = slotRecorder
        let lists = atHorizon.waitlists
        let means = lists.map { LevelDurations.mean(of: $0.durations) }
        var kpis: [(String, Double)] = [
            ("waitlist_length_mean", means.isEmpty ? .nan : means.reduce(0, +) / Double(means.count)),
            ("waitlist_length_p90", LevelDurations.quantile(0.9, of: LevelDurations.pooled(lists.map(\.durations)))),
            ("patients_waitlisted", Double(s.waitlisted)),
            ("waitlist_time_mean_days", s.timeOnList.mean),
            ("slot_wait_mean_days", s.slotWait.mean),
            ("slot_wait_p50_days", s.slotWait.quantile(0.5)),
            ("slot_wait_p90_days", s.slotWait.quantile(0.9)),
            ("waitlist_to_apheresis_mean_days", s.listToApheresis.mean),
            ("waitlist_to_apheresis_p50_days", s.listToApheresis.quantile(0.5)),
            ("slot_granted_fraction", share(s.granted)),
            ("waitlisted_infused_fraction", s.waitlisted > 0 ? Double(s.waitlistedInfused) / Double(s.waitlisted) : 0),
            ("slots_issued_in_window", Double(s.issued)),
            ("slots_allocated_in_window", Double(s.allocated)),
            ("slots_expired_in_window", Double(s.expired)),
            ("slots_forfeited_in_window", Double(s.forfeited)),
            ("slots_returned_in_window", Double(s.returned)),
            ("slot_utilization", s.issued > 0 ? Double(s.allocated) / Double(s.issued) : 0),
            ("re_referrals_in_window", Double(s.reReferrals)),
        ]
        for (list, mean) in zip(lists, means) {
            let id = ResourceID.of(site: centres[list.centre].spec.name, pool: "waitlist")
            kpis.append(("\(id)_length_mean", mean))
            kpis.append(("\(id)_length_p90", LevelDurations.quantile(0.9, of: list.durations)))
        }
        return kpis
    }

    private func record(_ patient: Patient) -> PatientRecord {
        let dropoutStage: String
        if case .dropout(let stage) = patient.outcome { dropoutStage = stage.name } else { dropoutStage = "" }
        let infusion = patient[.infusion]
        return PatientRecord(
            id: patient.id, centre: centres[patient.centre].spec.name,
            indication: indications[patient.indication].spec.name,
            product: products[patient.product].spec.name,
            plant: patient.routed ? plants[patient.plant].spec.name : "",
            hub: patient.hub.map { hubs[$0].spec.name } ?? "", referralDay: Ticks.days(patient.referral),
            firstApheresisStartDay: patient.firstApheresisStart.map(Ticks.days),
            milestoneDays: patient.timestamps.map { $0.map(Ticks.days) }, outcome: patient.outcome.label,
            outcomeDay: patient.endTime.map(Ticks.days),
            dropoutStage: dropoutStage, outOfSpecificationInfused: patient.infusedOutOfSpecification,
            collections: patient.collections, manufacturingAttempts: patient.manufacturingAttempts,
            bridged: patient.bridged,
            veinToVeinDays: infusion.flatMap { i in patient.firstApheresisStart.map { Ticks.days(i - $0) } },
            inWarmup: patient.referral < scenario.simulation.warmup)
    }
}
