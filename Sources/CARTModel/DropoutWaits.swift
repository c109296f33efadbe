import SimKernel

/// What a patient who dropped out was waiting for at that moment: what a day of waiting
/// costs patients, stage by stage (the `dropouts_waiting_for_<cause>_per_year` KPIs).
enum WaitCause: String, CaseIterable {
    /// On a centre's waitlist for a manufacturing slot.
    case slot
    /// For an apheresis chair.
    case chair
    /// For a controlled-rate freezer (centre or hub).
    case freezer
    /// For the stock a batch takes (vector, reagents) before it queues for a suite.
    case stock
    /// For a manufacturing suite.
    case suite
    /// For QC capacity.
    case qc
    /// For a bed: lymphodepletion waits because no bed is free for the infusion day it
    /// could otherwise have had.
    case bed
}

extension PathwayReplication {
    /// What the patient is waiting for now, if anything.
    func waitCause(of patient: Patient) -> WaitCause? {
        if let claim = patient.waitingClaim?.resource {
            let centre = centres[patient.centre]
            if claim === centre.chairs { return .chair }
            if claim === centre.beds { return .bed }
            if patient.routed {
                let plant = plants[patient.plant]
                if claim === plant.suites { return .suite }
                if claim === plant.qcLab { return .qc }
                if plant.stock.contains(where: { $0.units === claim }) { return .stock }
            }
            return .freezer
        }
        if patient.stage == .waitlist { return .slot }
        if patient.stage == .storage, let from = patient.bedWaitFrom, simulation.now >= from { return .bed }
        return nil
    }

    /// The causes reported as KPIs: every one the scenario can have.
    var reportedWaitCauses: [WaitCause] {
        let freezers = centres.contains { $0.freezer != nil } || !hubs.isEmpty
        let stock = plants.contains { !$0.stock.isEmpty }
        return WaitCause.allCases.filter {
            ($0 != .slot || slots != nil) && ($0 != .freezer || freezers) && ($0 != .stock || stock)
        }
    }
}
