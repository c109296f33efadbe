import OutputSchema
import SimKernel
import ScenarioFile

extension PathwayReplication {
    /// Reserves the stock a batch takes, item by item, then waits for a suite (FIFO,
    /// earliest referral first, or slot order for batches with a manufacturing slot; batches
    /// start only on the suite calendar) — unfrozen material expires if its hold time runs
    /// out first — then runs the product's steps back to back while holding the suite. A
    /// dropped-out patient's batch is discarded at the next step boundary, freeing the suite.
    func manufacture(_ patient: Patient) {
        guard isActive(patient) else { return }
        patient.stage = .suiteQueue
        patient.pending.batchQueued = simulation.now
        reserveStockThenSuite(patient)
    }

    /// The place of the patient's batch in the lines for stock and suites: a slot is the
    /// batch's claim on a suite, so slot holders go in slot order.
    func batchRank(of patient: Patient, at plant: PlantRuntime) -> Double {
        patient.slotAllocated.map(Double.init)
            ?? (plant.spec.discipline == .earliestReferral ? Double(patient.referral) : 0)
    }

    /// Claims the next stock item the batch takes, or, once all are reserved, a suite.
    func reserveStockThenSuite(_ patient: Patient) {
        guard plantKeepsStock[patient.plant], let stock = nextStock(of: patient) else {
            let plant = plants[patient.plant]
            seizeBeforeFreshHoldExpires(plant.suites, for: patient, rank: batchRank(of: patient, at: plant), then: .suiteGranted)
            return
        }
        seizeBeforeFreshHoldExpires(stock.units, for: patient, rank: batchRank(of: patient, at: plants[patient.plant]),
                                    units: stock.spec.perBatch,
                                    then: .stockGranted)
        // A grant at once goes straight on to the next claim, so only a claim on this stock still waiting is a stock-out.
        if patient.waitingClaim?.resource === stock.units, inWindow { stock.stockOuts += 1 }
        reorderIfNeeded(stock)
    }

    func startManufacturing(_ patient: Patient) {
        // The wait for stock and for the suite together, from joining the line.
        stages.recordWaiting(.suiteQueue, simulation.now - patient.pending.batchQueued)
        useReservedStock(of: patient)
        patient.manufacturingAttempts += 1
        patient.freshHoldDeadline = nil
        patient.mark(.suiteStart, at: simulation.now)
        patient.stage = .manufacturing
        planLymphodepletionAhead(patient)
        batchRuns(patient, true)
        runStep(0, of: patient)
    }

    /// Starts manufacturing step `step` of the patient's batch, or, after the last one,
    /// frees the suite and sends the lot to QC.
    func runStep(_ step: Int, of patient: Patient) {
        let steps = products[patient.product].stageIndices
        guard step < steps.count else {
            batchRuns(patient, false)
            let contaminated = isContaminated(patient)
            if !contaminated { freeSuite(of: patient) }
            notify(PathwayEvent(time: simulation.now, kind: .finished, patient: patient, stage: .manufacturing,
                                site: siteID(plant: patient.plant), resource: plants[patient.plant].suites))
            if contaminated {
                if isActive(patient) { recollectOrEnd(patient, otherwise: .manufacturingFailure) }
                return
            }
            patient.mark(.manufacturingEnd, at: simulation.now)
            harvest(patient)
            return
        }
        patient.pending.step = step
        startStaffed(.step, of: patient)
    }

    /// Starts the patient's step `pending.step` now; it lasts its drawn duration, and at
    /// least its staff's hands-on time.
    func startStep(of patient: Patient, handsOn: SimTime) {
        let step = patient.pending.step
        patient.pending.stepStart = simulation.now
        let duration = max(handsOn, draws(for: patient).steps[step].ticks())
        notify(PathwayEvent(time: simulation.now, kind: .started, patient: patient, stage: .manufacturing, step: step,
                            site: siteID(plant: patient.plant), duration: duration))
        scheduleStepEnd(of: patient, after: duration)
    }

    /// A step ended: record it; a dropped-out patient's batch is discarded here.
    func finishStep(of patient: Patient) {
        let step = patient.pending.step
        patient.stepEvent = nil
        let stage = products[patient.product].stageIndices[step], working = simulation.now - patient.pending.stepStart
        if isStaffed(.step, of: patient) {
            stages.record(stage, waiting: patient.pending.staffWaited, working: working)
        } else {
            stages.recordWorking(stage, working)
        }
        notify(PathwayEvent(time: simulation.now, kind: .finished, patient: patient, stage: .manufacturing, step: step,
                            site: siteID(plant: patient.plant)))
        guard isActive(patient) else {
            batchRuns(patient, false)
            freeSuite(of: patient)
            notify(PathwayEvent(time: simulation.now, kind: .finished, patient: patient, stage: .manufacturing,
                                site: siteID(plant: patient.plant), resource: plants[patient.plant].suites))
            return
        }
        runStep(step + 1, of: patient)
    }

    /// Harvest: the lot's yield (cells collected × transduction efficiency × expansion fold)
    /// and whether it fails another release test are drawn now, for every lot, so that the
    /// streams stay aligned wherever the dose is checked. Where the product checks the dose
    /// at harvest, a lot short of it goes to the out-of-specification policy at once and
    /// skips QC (unless infused under an exception, which still needs QC).
    private func harvest(_ patient: Patient) {
        drawLotResults(patient)
        if patient.lotShortOfDose && products[patient.product].spec.yield.doseCheckedAt == .harvest {
            decide(patient, .shortOfDose)
            patient.lotDecided = true
            handleOutOfSpecification(patient)
            return
        }
        advance(patient)
    }

    /// Draws the harvested lot's results: its yield against the target dose, and whether it
    /// fails another release test.
    func drawLotResults(_ patient: Patient) {
        let inputs = draws(for: patient)
        let dose = patient.cellsCollected * inputs.transductionEfficiency.value() * inputs.expansionFold.value()
        patient.lotShortOfDose = dose < products[patient.product].spec.yield.targetDose
        patient.lotFailsOtherTest = inputs.residualFailure.occurs()
        patient.lotDecided = false
    }

    /// QC release testing in the plant's QC lab; at its end the lot's draws decide whether
    /// it meets specification.
    func test(_ patient: Patient) {
        guard isActive(patient) else { return }
        patient.stage = .qcTesting
        seize(plants[patient.plant].qcLab, for: patient, then: .qcGranted)
    }

    func startTest(_ patient: Patient) {
        patient.pending.staffWaited = 0
        startStaffed(.qcTest, of: patient)
    }

    /// Starts the lot's test now; it lasts its drawn duration, and at least its staff's
    /// hands-on time.
    func startTest(of patient: Patient, handsOn: SimTime) {
        let qc = plants[patient.plant].qc?[patient.centre] ?? draws(for: patient).qc
        work(patient, for: max(handsOn, qc.ticks()), then: .qcDone)
    }

    func finishTest(_ patient: Patient) {
        let qcLab = plants[patient.plant].qcLab
        qcLab.release()
        stages.record(Stage.qcTesting, waiting: patient.pending.waited + patient.pending.staffWaited,
                      working: patient.pending.work)
        notify(PathwayEvent(time: simulation.now, kind: .finished, patient: patient, stage: .qcTesting,
                            site: siteID(plant: patient.plant), resource: qcLab))
        guard isActive(patient) else { return }
        if let retests = plants[patient.plant].qcRetests, retestAfterInvalidAssay(patient, retests) { return }
        patient.mark(.qcEnd, at: simulation.now)
        if patient.lotDecided {
            advance(patient)
            return
        }
        let result: LotResult = patient.lotShortOfDose ? .shortOfDose
            : patient.lotFailsOtherTest ? .failedOtherTest : .inSpecification
        decide(patient, result)
        if result == .inSpecification {
            advance(patient)
        } else {
            handleOutOfSpecification(patient)
        }
    }

    /// Whether the test that just ended was invalid and is repeated (the lot queues for QC
    /// again). A lot out of repeats fails as `failed_other_test`, unless its specification was
    /// decided at harvest (it goes on as decided).
    private func retestAfterInvalidAssay(_ patient: Patient, _ retests: QCRetests) -> Bool {
        let invalid = retests.isInvalid(centre: patient.centre, at: simulation.now)
        if inWindow {
            retests.testsEnded += 1
            if invalid { retests.invalid += 1 }
        }
        guard invalid else {
            patient.qcRetests = 0
            return false
        }
        if patient.qcRetests < retests.spec.maxRetests {
            patient.qcRetests += 1
            test(patient)
            return true
        }
        patient.qcRetests = 0
        guard !patient.lotDecided else { return false }
        if inWindow { retests.lotsFailed += 1 }
        patient.mark(.qcEnd, at: simulation.now)
        decide(patient, .failedOtherTest)
        handleOutOfSpecification(patient)
        return true
    }

    /// Records how the patient's lot's specification was decided.
    private func decide(_ patient: Patient, _ result: LotResult) {
        recorder.lotDecided(result, at: simulation.now)
        notify(PathwayEvent(time: simulation.now, kind: .lotDecided, patient: patient, stage: patient.stage,
                            site: siteID(plant: patient.plant), lot: result))
    }

    /// Out-of-specification lot: infuse under an exception, re-manufacture from retained
    /// material, re-collect, or end as a manufacturing failure — in that order of preference.
    /// Every decision is drawn each time, keeping streams aligned across variants. A lot found
    /// short at harvest and infused under an exception goes on to QC first (the next step of
    /// its route), one decided at QC to release.
    private func handleOutOfSpecification(_ patient: Patient) {
        let product = products[patient.product]
        let policy = product.spec.outOfSpecification
        let inputs = draws(for: patient)
        let exception = inputs.exceptionInfusion.occurs()
        let retained = inputs.remanufacture.occurs()
        let recollect = inputs.recollect.occurs()
        if exception {
            patient.infusedOutOfSpecification = true
            advance(patient)
        } else if retained && patient.manufacturingAttempts < policy.maxAttempts {
            cancelLymphodepletionPlan(patient)
            jump(patient, to: .manufacture)
        } else if recollect {
            recollectOrEnd(patient, otherwise: .manufacturingFailure)
        } else {
            end(patient, .manufacturingFailure)
        }
    }

    /// QA/QP release: review work done on the plant's QA calendar (it waits for opening
    /// hours and pauses outside them), once its staff, if it needs any, are granted.
    func release(_ patient: Patient) {
        patient.stage = .qaRelease
        patient.pending.staffWaited = 0
        startStaffed(.release, of: patient)
    }

    /// Starts the release work now; it takes its drawn working time, and at least its
    /// staff's hands-on time.
    func startRelease(of patient: Patient, handsOn: SimTime) {
        let work = max(handsOn, draws(for: patient).qaWork.ticks())
        let start = simulation.now
        // Work beyond the calendar's search horizon ends after the run's horizon, and never
        // before its own length (the follow-up after the horizon goes on from `start`).
        let finish = plants[patient.plant].qaCalendar.finishTime(start: start, work: work)
            ?? max(scenario.simulation.horizon + 1, start + work)
        patient.pending.workStart = start
        patient.pending.work = work
        notify(PathwayEvent(time: start, kind: .started, patient: patient, stage: .qaRelease,
                            site: siteID(plant: patient.plant), duration: work))
        simulation.schedule(at: finish, handler: patient, tag: Resume.released.rawValue)
    }

    func finishRelease(_ patient: Patient) {
        let p = patient.pending
        stages.record(Stage.qaRelease, waiting: simulation.now - p.workStart - p.work + p.staffWaited, working: p.work)
        notify(PathwayEvent(time: simulation.now, kind: .finished, patient: patient, stage: .qaRelease,
                            site: siteID(plant: patient.plant)))
        guard isActive(patient) else { return }
        patient.mark(.release, at: simulation.now)
        series.count(.releases, at: simulation.now)
        recorder.released(patient)
        advance(patient)
    }
}
