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
        let length = products[patient.product].spec.lymphodepletion
        simulation.schedule(after: length) { [self] in
            stages.record(Stage.lymphodepletion, waiting: 0, working: length)
            infuse(patient)
        }
    }

    /// Infusion needs a bed; the patient stays for the post-infusion stay (plus ICU for a
    /// share of patients) and then frees the bed.
    private func infuse(_ patient: Patient) {
        let centre = centres[patient.centre]
        patient.stage = .infusion
        seize(centre.beds, for: patient) { [self] waited in
            stages.record(Stage.infusion, waiting: waited, working: 0)
            patient.mark(.infusion, at: simulation.now)
            patient.stage = .postInfusion
            series.count(\.infusions, at: simulation.now)
            end(patient, .infused)
            var stay = centre.postInfusionStay.ticks()
            let icuStay = centre.icuStay.ticks()
            if centre.icu.occurs() { stay += icuStay }
            simulation.schedule(after: stay, priority: .release) { [self] in
                centre.beds.release()
                stages.record(Stage.postInfusion, waiting: 0, working: stay)
                patient.mark(.discharge, at: simulation.now)
            }
        }
    }
}
