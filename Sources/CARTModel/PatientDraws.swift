import SimKernel
import SimRandom
import ScenarioFile

// Patients carry their own randomness: every input a patient's process draws comes from a
// stream of the patient's centre (`centre.<c>.product.<p>.<input>`,
// `centre.<c>.indication.<i>.<input>`), consumed in the order that centre's patients need
// it, and a patient's repeated attempts (re-manufacture, re-collection) draw from streams of
// their own (`….repeat`). So a change at one centre (its demand, its lane, its losses) leaves
// the draws of every other centre's patients as they were, and `compare` of such variants
// pairs the other centres exactly (common random numbers).

/// The process inputs of one product for the patients of one centre, first attempts or repeats.
final class ProductDraws {
    let steps: [RandomInput]
    let qc: RandomInput
    let qaWork: RandomInput
    let cellsCollected: RandomInput
    let transductionEfficiency: RandomInput
    let expansionFold: RandomInput
    let residualFailure: RandomEvent
    let exceptionInfusion: RandomEvent
    let remanufacture: RandomEvent
    let recollect: RandomEvent

    init(_ spec: ProductSpec, centre: String, repeats: Bool, in model: PathwayReplication) {
        let p = "centre.\(centre).product.\(spec.name)", suffix = repeats ? ".repeat" : ""
        func input(_ distribution: Distribution, _ name: String) -> RandomInput {
            model.input(distribution, "\(p).\(name)\(suffix)")
        }
        func event(_ probability: Double, _ name: String) -> RandomEvent {
            model.event(probability, "\(p).\(name)\(suffix)")
        }
        let yield = spec.yield, policy = spec.outOfSpecification
        steps = spec.manufacturingSteps.map { input($0.duration, $0.name) }
        qc = input(spec.qcDuration, "qc")
        qaWork = input(spec.qaReleaseWork, "qa_release")
        cellsCollected = input(yield.cellsCollected, "cells_collected")
        transductionEfficiency = input(yield.transductionEfficiency, "transduction_efficiency")
        expansionFold = input(yield.expansionFold, "expansion_fold")
        residualFailure = event(yield.residualFailureProbability, "residual_failure")
        exceptionInfusion = event(policy.exceptionInfusionProbability, "exception")
        remanufacture = event(policy.remanufactureProbability, "remanufacture")
        recollect = event(policy.recollectProbability, "recollect")
    }
}

/// The disease inputs of one indication for the patients of one centre.
struct IndicationDraws {
    let timeToDropout: RandomInput?
    let bridging: RandomEvent

    init(_ spec: IndicationSpec, centre: String, in model: PathwayReplication) {
        let i = "centre.\(centre).indication.\(spec.name)"
        timeToDropout = spec.timeToDropout.map { model.input($0, "\(i).time_to_dropout") }
        bridging = model.event(spec.bridgingProbability, "\(i).bridging")
    }
}

extension PathwayReplication {
    /// The product inputs `patient` draws from now: its centre's, for a first attempt, or
    /// its centre's repeat streams once a lot or a collection is being repeated (made on
    /// first use: most replications need few). `collecting`: the draw belongs to a
    /// collection that has not been dispatched yet (its round is the next one).
    func draws(for patient: Patient, collecting: Bool = false) -> ProductDraws {
        let repeated = collecting ? patient.materialRounds > 0
            : patient.manufacturingAttempts > 1 || patient.materialRounds > 1
        let round = repeated ? 1 : 0
        let slot = patient.product * 2 + round
        if let draws = productDraws[patient.centre][slot] { return draws }
        let draws = ProductDraws(products[patient.product].spec, centre: centres[patient.centre].spec.name,
                                 repeats: round == 1, in: self)
        productDraws[patient.centre][slot] = draws
        return draws
    }
}
