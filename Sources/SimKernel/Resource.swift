/// A pool of identical units (apheresis chairs, manufacturing suites, QC analysts, beds)
/// seized one at a time, or several together, and released after use; or a stock of
/// material whose units are used up (`consume`) and replenished (`setCapacity`).
///
/// Claims wait in one line, served by rank then first come first served (`rank` 0 for
/// all gives FIFO); a claim of several units waits at the head of the line until all are
/// free, and the claims behind it wait too. Grants are immediate — the claimant's continuation runs inside the
/// event that freed the unit — so a unit released at time t serves waiting work at t.
/// An optional `gate` calendar restricts when units may be *granted* (a batch may only
/// start on a working day); work already holding a unit continues while the gate is
/// closed, which is why utilisation is measured against `capacity`, not against the gate.
/// With `workFitsGate`, a claim is granted only when its `work` also *ends* inside the open
/// stretch (a 4-hour collection does not start at 16:00 in a unit that closes at 17:00): it
/// waits for the first opening where it fits, keeping its place in line; work longer than
/// any open stretch starts at the next opening.
///
/// Statistics (since the last `resetStatistics()`): waiting time per grant in seconds,
/// time-weighted queue length, busy units and capacity.
public final class Resource {
    /// Name used in outputs.
    public let name: String
    /// Calendar gating new grants; nil when units may be granted at any time.
    public let gate: WorkCalendar?
    /// Whether claimed work must end inside the gate's opening hours, not only start there.
    public let workFitsGate: Bool
    /// Number of units (may change over time with `setCapacity`).
    public private(set) var capacity: Int
    /// Units currently held.
    public private(set) var busy = 0

    /// Waiting times (seconds) of claims granted since the last reset.
    public private(set) var waits = Tally()
    /// Number of claims waiting, over time.
    public private(set) var queueLength: TimeWeightedLevel
    /// Units held, over time.
    public private(set) var busyUnits: TimeWeightedLevel
    /// Capacity, over time.
    public private(set) var capacityUnits: TimeWeightedLevel

    private unowned let simulation: Simulation
    private var line = WaitingLine()
    private var nextSequence: UInt64 = 0
    /// Whether any claim so far was for more than one unit (single-unit pools skip the check).
    private var claimsSeveralUnits = false
    /// The earliest gate wake-up scheduled and not yet run.
    private var gateWakeup: SimTime?

    /// Creates a resource with `capacity` units (≥ 0) in `simulation`.
    public init(name: String, capacity: Int, gate: WorkCalendar? = nil, workFitsGate: Bool = false,
                in simulation: Simulation) {
        precondition(capacity >= 0, "capacity must not be negative")
        self.name = name
        self.capacity = capacity
        self.gate = gate.flatMap { $0.isAlwaysOpen ? nil : $0 }
        self.workFitsGate = workFitsGate
        self.simulation = simulation
        queueLength = TimeWeightedLevel(initial: 0, start: simulation.now)
        busyUnits = TimeWeightedLevel(initial: 0, start: simulation.now)
        capacityUnits = TimeWeightedLevel(initial: Double(capacity), start: simulation.now)
    }

    /// Number of claims waiting.
    public var waitingCount: Int { line.count }

    /// Claims one unit. `onGrant` runs as soon as a unit is free (and the gate is open) —
    /// possibly before `request` returns.
    /// - Parameter rank: queue rank; smaller is served first, ties first come first served.
    /// - Parameter work: how long the unit will be held (seconds), for `workFitsGate`.
    /// - Parameter units: how many units are claimed together (≥ 1).
    /// - Returns: the claim, to `cancel` it while it waits; nil when it was granted at once
    ///   (no claim object is made then: a claim that never waits allocates nothing).
    @discardableResult
    public func request(rank: Double = 0, work: SimTime = 0, units: Int = 1,
                        onGrant: @escaping () -> Void) -> ResourceRequest? {
        claim(rank: rank, work: work, units: units, onGrant: .closure(onGrant))
    }

    /// Claims one unit; `handler.handleEvent(tag:)` is called once it is granted (possibly
    /// before `request` returns), without allocating a closure.
    /// - Parameter work: how long the unit will be held (seconds), for `workFitsGate`.
    /// - Parameter units: how many units are claimed together (≥ 1).
    /// - Returns: the waiting claim, or nil when it was granted at once (nothing allocated).
    @discardableResult
    public func request(rank: Double = 0, work: SimTime = 0, units: Int = 1, handler: EventHandler,
                        tag: Int) -> ResourceRequest? {
        claim(rank: rank, work: work, units: units, onGrant: .handler(handler, tag))
    }

    private func claim(rank: Double, work: SimTime, units: Int, onGrant: EventAction) -> ResourceRequest? {
        precondition(units >= 1, "a claim is for at least one unit")
        if units > 1 { claimsSeveralUnits = true }
        if line.count == 0, busy + units <= capacity, gateAdmits(work: work) {
            // Nobody waits and the units are free: the grant that going through the line
            // would make, without the claim object (the sequence still advances, as it would).
            nextSequence += 1
            busy += units
            busyUnits.record(Double(busy), at: simulation.now)
            waits.add(0)
            onGrant.perform()
            return nil
        }
        let request = ResourceRequest(requestTime: simulation.now, rank: rank, work: work, units: units,
                                      sequence: nextSequence, onGrant: onGrant)
        nextSequence += 1
        line.push(request)
        queueLength.record(Double(line.count), at: simulation.now)
        grantWhilePossible()
        return request
    }

    /// Takes `units` at once for work already under way when the run starts (a patient of a
    /// pipeline snapshot holding a chair, a suite, a bed), whatever the gate; the caller has
    /// checked that they are free.
    public func occupy(_ units: Int = 1) {
        precondition(busy + units <= capacity, "\(name): occupy beyond capacity")
        busy += units
        busyUnits.record(Double(busy), at: simulation.now)
    }

    /// Withdraws a waiting claim; a claim already granted must be `release`d instead.
    public func cancel(_ request: ResourceRequest) {
        guard request.state == .waiting else { return }
        line.withdraw(request)
        queueLength.record(Double(line.count), at: simulation.now)
    }

    /// Returns `units` held units and serves the next waiting claim, if any.
    public func release(_ units: Int = 1) {
        precondition(busy >= units, "\(name): release without a held unit")
        busy -= units
        busyUnits.record(Double(busy), at: simulation.now)
        grantWhilePossible()
    }

    /// Uses up `units` held units: they leave the pool (a stock's reserved material goes into
    /// a batch), lowering both the units held and the capacity; nothing new is granted.
    public func consume(_ units: Int) {
        precondition(busy >= units, "\(name): consume without held units")
        busy -= units
        capacity -= units
        busyUnits.record(Double(busy), at: simulation.now)
        capacityUnits.record(Double(capacity), at: simulation.now)
    }

    /// Changes the number of units. Units held beyond a reduced capacity finish their
    /// work; no new grant happens until `busy` falls below the new capacity.
    public func setCapacity(_ newCapacity: Int) {
        precondition(newCapacity >= 0, "capacity must not be negative")
        capacity = newCapacity
        capacityUnits.record(Double(newCapacity), at: simulation.now)
        grantWhilePossible()
    }

    /// Drops every waiting claim without granting it (end of a run: their continuations may
    /// capture the model that owns this resource, and dropping them breaks those cycles).
    public func discardWaitingClaims() {
        line.withdrawAll()
        queueLength.record(0, at: simulation.now)
    }

    /// Forgets collected statistics (end of warm-up); levels continue from their values now.
    public func resetStatistics() {
        waits = Tally()
        queueLength.reset(at: simulation.now)
        busyUnits.reset(at: simulation.now)
        capacityUnits.reset(at: simulation.now)
    }

    /// Time-average of busy units ÷ time-average of capacity since the last reset; 0 when
    /// there was no capacity.
    public func utilization(until time: SimTime) -> Double {
        let capacityArea = capacityUnits.integral(until: time)
        return capacityArea > 0 ? busyUnits.integral(until: time) / capacityArea : 0
    }

    /// Whether the gate lets a claim for `work` seconds be granted now.
    private func gateAdmits(work: SimTime) -> Bool {
        guard let gate else { return true }
        return earliestStart(in: gate, work: work) <= simulation.now
    }

    private func grantWhilePossible() {
        while busy < capacity, line.count > 0 {
            if let gate, case let start = earliestStart(in: gate, work: line.peekFirst()?.work ?? 0), start > simulation.now {
                scheduleGateWakeup(at: start)
                return
            }
            if claimsSeveralUnits, let first = line.peekFirst(), first.units > capacity - busy { return }
            guard let next = line.popFirst() else { return }
            next.state = .granted
            busy += next.units
            busyUnits.record(Double(busy), at: simulation.now)
            queueLength.record(Double(line.count), at: simulation.now)
            waits.add(Double(simulation.now - next.requestTime))
            let onGrant = next.onGrant
            next.onGrant = nil
            onGrant?.perform()
        }
    }

    /// When a claim for `work` seconds may be granted: the gate's next opening, or with
    /// `workFitsGate` the first opening where its work fits (the next opening when it fits
    /// in none); `.max` when the gate never opens again.
    private func earliestStart(in gate: WorkCalendar, work: SimTime) -> SimTime {
        if workFitsGate, work > 0, let fit = gate.earliestFit(atOrAfter: simulation.now, work: work) {
            return fit
        }
        return gate.nextOpening(atOrAfter: simulation.now) ?? .max
    }

    private func scheduleGateWakeup(at time: SimTime) {
        guard time != .max, gateWakeup.map({ time < $0 }) ?? true else { return }
        gateWakeup = time
        simulation.schedule(at: time, priority: .capacityChange) { [unowned self] in
            if gateWakeup == time { gateWakeup = nil }
            grantWhilePossible()
        }
    }
}
