import SimKernel
import ScenarioFile

extension PathwayReplication {
    /// The released product ships back to the centre and is stored until lymphodepletion
    /// is scheduled; a loss on the way means starting over from collection.
    func returnToCentre(_ patient: Patient) {
        ship(patient, lane: lane(siteID(plant: patient.plant), siteID(centre: patient.centre)), stage: .shippingToCentre,
             departure: .centreDeparture, to: .centre)
    }

    /// Lymphodepletion commits the patient: progression no longer ends the pathway.
    func lymphodeplete(_ patient: Patient) {
        if let event = patient.dropoutEvent { simulation.cancel(event) }
        patient.stage = .lymphodepletion
        patient.mark(.lymphodepletionStart, at: simulation.now)
        work(patient, for: products[patient.product].spec.lymphodepletion, priority: .normal,
             then: .lymphodepletionDone)
    }

    /// Infusion needs a bed; the patient stays for the post-infusion stay (plus ICU for a
    /// share of patients) and then frees the bed.
    func infuse(_ patient: Patient) {
        patient.stage = .infusion
        seize(centres[patient.centre].beds, for: patient, then: .bedGranted)
    }

    func startInfusion(_ patient: Patient) {
        let centre = centres[patient.centre]
        stages.recordWaiting(.infusion, patient.pending.waited)
        patient.mark(.infusion, at: simulation.now)
        patient.stage = .postInfusion
        series.count(.infusions, at: simulation.now)
        end(patient, .infused)
        var stay = centre.postInfusionStay.ticks()
        let icuStay = centre.icuStay.ticks()
        if centre.icu.occurs() { stay += icuStay }
        work(patient, for: stay, then: .discharged)
    }

    func discharge(_ patient: Patient) {
        centres[patient.centre].beds.release()
        stages.recordWorking(.postInfusion, patient.pending.work)
        patient.mark(.discharge, at: simulation.now)
    }
}
