import SimKernel
import ScenarioFile

// Lymphodepletion and infusion. Lymphodepletion is always scheduled against a bed booked for
// the infusion day and the whole stay (drawn when the bed is booked), so that no patient is
// lymphodepleted without a bed to be infused in: LD starts at the booked infusion time less
// its duration. With `on_arrival` the booking is made once the product is at the centre; with
// `ahead_of_release` it is made when the batch starts, for the product's planned arrival, and
// infusion may then wait for a late product — up to the product's `infusion_window` after LD
// ends, beyond which LD is given again. LD events keep their data on the patient, not in
// `pending`, because a planned LD runs while the product is still being made.
extension PathwayReplication {
    /// The released product ships back to the centre; a loss on the way means starting over
    /// from collection.
    func returnToCentre(_ patient: Patient) {
        ship(patient, lane: lane(siteID(plant: patient.plant), siteID(centre: patient.centre)), stage: .shippingToCentre,
             departure: .centreDeparture)
    }

    /// The product reached the centre.
    func receiveAtCentre(_ patient: Patient) {
        patient.mark(.centreArrival, at: simulation.now)
        patient.productAtCentre = true
        if patient.lymphodepletionStart != nil {
            // LD already given (ahead of release): infuse when LD ends, or now if it has.
            if let end = patient.lymphodepletionEnd { infuseAfterLymphodepletion(patient, endedAt: end) }
        } else if patient.bedBooking == nil {
            hold(patient, in: .storage, for: centres[patient.centre].lymphodepletionScheduling.ticks())
        } else {
            // A planned LD is booked: the patient waits for its day.
            patient.stage = .storage
            patient.readyForLymphodepletion = simulation.now
        }
    }

    /// With `ahead_of_release`, a batch that starts books the patient's LD for the product's
    /// planned arrival: the medians of the remaining process, the return courier's next pickup
    /// after the planned release, and its median transit.
    func planLymphodepletionAhead(_ patient: Patient) {
        let product = products[patient.product]
        guard product.spec.lymphodepletionPlan == .aheadOfRelease, patient.lymphodepletionStart == nil,
              patient.bedBooking == nil else { return }
        let process = product.spec.manufacturingSteps.reduce(0.0) { $0 + $1.duration.quantile(0.5) }
            + product.spec.qcDuration.quantile(0.5) + product.spec.qaReleaseWork.quantile(0.5)
        let plannedRelease = simulation.now + Ticks.fromSeconds(process)
        let back = lane(siteID(plant: patient.plant), siteID(centre: patient.centre))
        let plannedArrival = back.schedule.departure(readyAt: plannedRelease)
            + Ticks.fromSeconds(back.transit.distribution.quantile(0.5))
        bookLymphodepletion(patient, infusionNotBefore: plannedArrival)
    }

    /// Books a bed for the earliest infusion at or after `earliest` (and at least one LD
    /// duration from now) and schedules LD to end then; the patient waits meanwhile, still at
    /// risk of dropout.
    func bookLymphodepletion(_ patient: Patient, infusionNotBefore earliest: SimTime? = nil) {
        guard isActive(patient) else { return }
        let centre = centres[patient.centre]
        let duration = products[patient.product].spec.lymphodepletion
        let now = simulation.now
        drawStay(for: patient, at: centre)
        let soonest = max(earliest ?? now, now + duration)
        centre.bedBook.removeEnded(before: now)
        guard let infusion = centre.bedBook.earliestStart(notBefore: soonest, length: patient.bookedStay) else {
            return // no beds at all: validated against
        }
        centre.bedBookingWaits.add(Double(infusion - soonest))
        patient.bedWaitFrom = infusion > soonest ? soonest - duration : nil
        patient.bedBooking = centre.bedBook.book(start: infusion, length: patient.bookedStay)
        patient.bookedInfusion = infusion
        if patient.productAtCentre { patient.readyForLymphodepletion = now }
        patient.plannedLymphodepletion = simulation.scheduleCancellable(
            at: infusion - duration, handler: patient, tag: Resume.lymphodepletionDue.rawValue)
    }

    /// Withdraws a booked bed and the LD planned with it (a failed lot, a loss, an ended pathway).
    func cancelLymphodepletionPlan(_ patient: Patient) {
        if let event = patient.plannedLymphodepletion {
            simulation.cancel(event)
            patient.plannedLymphodepletion = nil
        }
        if let booking = patient.bedBooking {
            centres[patient.centre].bedBook.cancel(booking)
            patient.bedBooking = nil
        }
        patient.bedWaitFrom = nil
    }

    /// Lymphodepletion starts: it commits the patient, whom progression no longer removes.
    func lymphodeplete(_ patient: Patient) {
        patient.plannedLymphodepletion = nil
        patient.bedWaitFrom = nil
        guard isActive(patient) else { return }
        if let event = patient.dropoutEvent { simulation.cancel(event) }
        if let ready = patient.readyForLymphodepletion {
            stages.recordWaiting(.storage, simulation.now - ready)
            patient.readyForLymphodepletion = nil
        }
        if patient.productAtCentre { patient.stage = .lymphodepletion }
        patient.lymphodepletionStart = simulation.now
        patient.lymphodepletionEnd = nil
        patient.lymphodepletions += 1
        patient.mark(.lymphodepletionStart, at: simulation.now)
        let duration = products[patient.product].spec.lymphodepletion
        notify(PathwayEvent(time: simulation.now, kind: .started, patient: patient, stage: .lymphodepletion,
                            site: siteID(centre: patient.centre), duration: duration))
        simulation.schedule(after: duration, priority: .normal, handler: patient, tag: Resume.lymphodepletionDone.rawValue)
    }

    func finishLymphodepletion(_ patient: Patient) {
        stages.recordWorking(.lymphodepletion, products[patient.product].spec.lymphodepletion)
        notify(PathwayEvent(time: simulation.now, kind: .finished, patient: patient, stage: .lymphodepletion,
                            site: siteID(centre: patient.centre)))
        guard isActive(patient) else { return }
        patient.lymphodepletionEnd = simulation.now
        if patient.productAtCentre {
            infuseAfterLymphodepletion(patient, endedAt: simulation.now)
        } else if let booking = patient.bedBooking {
            // The product is late: the bed goes back to the book until it arrives.
            centres[patient.centre].bedBook.cancel(booking)
            patient.bedBooking = nil
        }
    }

    /// The patient is lymphodepleted and the product is at the centre: infuse in the booked
    /// bed, or book the first bed within the infusion window, or give LD again.
    private func infuseAfterLymphodepletion(_ patient: Patient, endedAt end: SimTime) {
        let now = simulation.now
        if patient.bedBooking != nil, patient.bookedInfusion == now {
            infuse(patient)
            return
        }
        let centre = centres[patient.centre]
        let deadline = end + products[patient.product].spec.infusionWindow
        drawStay(for: patient, at: centre)
        centre.bedBook.removeEnded(before: now)
        if let infusion = centre.bedBook.earliestStart(notBefore: now, length: patient.bookedStay), infusion <= deadline {
            patient.bedBooking = centre.bedBook.book(start: infusion, length: patient.bookedStay)
            patient.bookedInfusion = infusion
            patient.waitingSince = end
            simulation.schedule(at: infusion, handler: patient, tag: Resume.infusionDue.rawValue)
        } else {
            patient.lymphodepletionStart = nil
            patient.lymphodepletionEnd = nil
            patient.stage = .storage
            bookLymphodepletion(patient)
        }
    }

    /// Draws the post-infusion stay of a patient at `centre`: the stay, plus an ICU stay for a share.
    func drawStay(for patient: Patient, at centre: CentreRuntime) {
        let stay = centre.postInfusionStay.ticks()
        let icuStay = centre.icuStay.ticks()
        patient.bookedICUStay = centre.icu.occurs() ? icuStay : 0
        patient.bookedStay = stay + patient.bookedICUStay
    }

    /// Infusion in the booked bed; the patient stays the booked length and then frees it.
    func infuse(_ patient: Patient) {
        patient.stage = .infusion
        seize(centres[patient.centre].beds, for: patient, then: .bedGranted)
    }

    func startInfusion(_ patient: Patient) {
        let waited = patient.waitingSince.map { simulation.now - $0 } ?? 0
        stages.recordWaiting(.infusion, waited + patient.pending.waited)
        patient.waitingSince = nil
        patient.bedBooking = nil
        patient.mark(.infusion, at: simulation.now)
        patient.stage = .postInfusion
        series.count(.infusions, at: simulation.now)
        inHospital += 1
        end(patient, .infused)
        work(patient, for: patient.bookedStay, then: .discharged)
    }

    func discharge(_ patient: Patient) {
        let beds = centres[patient.centre].beds
        beds.release()
        stages.recordWorking(.postInfusion, patient.pending.work)
        notify(PathwayEvent(time: simulation.now, kind: .discharged, patient: patient, stage: .postInfusion,
                            site: siteID(centre: patient.centre), resource: beds))
        recorder.discharged(patient, stay: patient.pending.work)
        inHospital -= 1
        if followingUp && followUpIsOver { simulation.stop() }
        patient.mark(.discharge, at: simulation.now)
    }
}
