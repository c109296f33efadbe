import SimKernel
import ScenarioFile

// Consumables: a batch reserves the stock items its product takes before it queues for a
// suite, uses them when it starts, and returns them if it never does. Deliveries come by
// continuous review (order `quantity` whenever the position is at or below the reorder
// point) or on a fixed schedule, after a random lead time, never inside a disruption
// window; a delivered lot may fail its release and be discarded.
extension PathwayReplication {
    /// Places the orders the initial stock calls for and starts every delivery schedule.
    func startStock() {
        for plant in plants {
            for stock in plant.stock {
                switch stock.spec.replenishment {
                case .reorder: reorderIfNeeded(stock)
                case .schedule(_, _, let from): scheduleDispatch(stock, at: from)
                }
            }
        }
    }

    /// The next stock item the patient's batch has to reserve, if any.
    func nextStock(of patient: Patient) -> PlantStock? {
        let plant = plants[patient.plant], items = plant.stockOfProduct[patient.product]
        return patient.reservedStock < items.count ? plant.stock[items[patient.reservedStock]] : nil
    }

    /// A stock item was reserved for the patient's batch: the next one, or the suite.
    func stockReserved(_ patient: Patient) {
        patient.reservedStock += 1
        reserveStockThenSuite(patient)
    }

    /// The batch starts: the stock reserved for it is used up.
    func useReservedStock(of patient: Patient) {
        guard patient.reservedStock > 0 else { return }
        let plant = plants[patient.plant]
        for item in plant.stockOfProduct[patient.product].prefix(patient.reservedStock) {
            let stock = plant.stock[item]
            stock.units.consume(stock.spec.perBatch)
            if inWindow { stock.unitsUsed += stock.spec.perBatch }
        }
        patient.reservedStock = 0
    }

    /// The batch will not start (the patient dropped out, the fresh material expired): the
    /// stock reserved for it goes back, to the batches waiting for it.
    func returnReservedStock(of patient: Patient) {
        guard patient.reservedStock > 0 else { return }
        let plant = plants[patient.plant]
        let items = plant.stockOfProduct[patient.product].prefix(patient.reservedStock)
        patient.reservedStock = 0
        for item in items { plant.stock[item].units.release(plant.stock[item].spec.perBatch) }
    }

    /// Orders as long as the stock's position is at or below its reorder point.
    func reorderIfNeeded(_ stock: PlantStock) {
        guard case .reorder(let point, let quantity) = stock.spec.replenishment else { return }
        while stock.position <= point {
            stock.onOrder += quantity
            if inWindow { stock.orders += 1 }
            simulation.schedule(at: stock.arrival(dispatchedAt: simulation.now), priority: .capacityChange) { [self] in
                stock.onOrder -= quantity
                deliver(quantity, to: stock)
            }
        }
    }

    /// The schedule's next dispatch at `time`, each one scheduling the one after it.
    private func scheduleDispatch(_ stock: PlantStock, at time: SimTime) {
        guard case .schedule(let every, let quantity, _) = stock.spec.replenishment else { return }
        simulation.schedule(at: time, priority: .capacityChange) { [self] in
            if inWindow { stock.orders += 1 }
            simulation.schedule(at: stock.arrival(dispatchedAt: simulation.now), priority: .capacityChange) { [self] in
                deliver(quantity, to: stock)
            }
            if !(followingUp && followUpIsOver) { scheduleDispatch(stock, at: time + every) }
        }
    }

    /// A lot of `quantity` units arrives: it fails its release and is discarded (a
    /// reorder policy orders again), or goes on hand, serving the batches waiting.
    private func deliver(_ quantity: Int, to stock: PlantStock) {
        if stock.releaseFailure.occurs() {
            if inWindow { stock.lotsFailed += 1 }
            reorderIfNeeded(stock)
            return
        }
        if inWindow { stock.deliveries += 1 }
        stock.units.setCapacity(stock.units.capacity + quantity)
    }
}
