/// A discrete-event simulation: a clock and a future-event list.
///
/// Events are closures run at an exact `SimTime`. Events at the same instant run in
/// order of priority class, then insertion (FIFO). A `Simulation` is confined to one
/// thread; run replications in parallel by giving each its own instance.
///
/// ```swift
/// let sim = Simulation()
/// sim.schedule(after: 2 * Ticks.hour) { print("two hours in, at", sim.now) }
/// sim.run(until: Ticks.day)
/// ```
public final class Simulation {
    /// The current simulation time in seconds since the start of the run.
    public private(set) var now: SimTime = 0
    /// Number of events executed so far (cancelled events are not counted).
    public private(set) var eventsExecuted: Int = 0

    private var queue = EventQueue()
    private var nextSequence: UInt64 = 0
    private var cancelledPending = 0
    private var stopRequested = false

    /// Creates an empty simulation at time 0.
    public init() {}

    /// Number of pending (scheduled, not cancelled, not yet run) events.
    public var pendingCount: Int { queue.count - cancelledPending }

    /// Schedules `action` at the absolute time `time` (must not be in the past).
    public func schedule(at time: SimTime, priority: EventPriority = .normal,
                         _ action: @escaping () -> Void) {
        push(time: time, priority: priority, action: .closure(action), handle: nil)
    }

    /// Schedules `action` `delay` seconds from now (delay ≥ 0).
    public func schedule(after delay: SimTime, priority: EventPriority = .normal,
                         _ action: @escaping () -> Void) {
        push(time: now + delay, priority: priority, action: .closure(action), handle: nil)
    }

    /// Schedules a call of `handler.handleEvent(tag:)` `delay` seconds from now without allocating.
    public func schedule(after delay: SimTime, priority: EventPriority = .normal,
                         handler: EventHandler, tag: Int) {
        schedule(at: now + delay, priority: priority, handler: handler, tag: tag)
    }

    /// Schedules a call of `handler.handleEvent(tag:)` at `time` without allocating.
    public func schedule(at time: SimTime, priority: EventPriority = .normal,
                         handler: EventHandler, tag: Int) {
        queue.push(time: time, order: nextOrder(at: time, priority: priority), handler: handler, tag: tag)
    }

    /// Schedules `action` at `time` and returns a handle with which `cancel(_:)` withdraws it.
    @discardableResult
    public func scheduleCancellable(at time: SimTime, priority: EventPriority = .normal,
                                    _ action: @escaping () -> Void) -> EventHandle {
        let handle = EventHandle(time: time)
        push(time: time, priority: priority, action: .closure(action), handle: handle)
        return handle
    }

    /// Schedules `handler.handleEvent(tag:)` at `time` and returns a handle with which
    /// `cancel(_:)` withdraws it.
    @discardableResult
    public func scheduleCancellable(at time: SimTime, priority: EventPriority = .normal,
                                    handler: EventHandler, tag: Int) -> EventHandle {
        let handle = EventHandle(time: time)
        push(time: time, priority: priority, action: .handler(handler, tag), handle: handle)
        return handle
    }

    /// Cancels a pending event: it will never run. Cancelling an event that already ran
    /// or was already cancelled does nothing. O(1); the entry is dropped when it surfaces.
    public func cancel(_ handle: EventHandle) {
        guard handle.state == .pending else { return }
        handle.state = .cancelled
        cancelledPending += 1
    }

    /// Runs events until the list is empty, `stop()` is called, or the next event lies
    /// after `endTime`. When `endTime` is given and reached, the clock is left at `endTime`.
    public func run(until endTime: SimTime? = nil) {
        stopRequested = false
        while !stopRequested, let time = queue.peekTime {
            if let endTime, time > endTime { break }
            let (eventTime, entry) = queue.popMin()!
            switch entry {
            case .handler(let handler, let tag):
                now = eventTime
                eventsExecuted += 1
                handler.takeRetainedValue().handleEvent(tag: tag)
            case .slab(let action, let handle):
                if let handle {
                    if handle.state == .cancelled {
                        cancelledPending -= 1
                        continue
                    }
                    handle.state = .fired
                }
                now = eventTime
                eventsExecuted += 1
                action.perform()
            }
        }
        if let endTime, !stopRequested, endTime > now { now = endTime }
    }

    /// Stops `run` after the current event completes.
    public func stop() { stopRequested = true }

    /// Drops every pending event without running it. Events are closures, which may
    /// capture the model that owns this simulation; discarding them at the end of a run
    /// breaks those reference cycles.
    public func discardPendingEvents() {
        queue.removeAll()
        cancelledPending = 0
    }

    deinit { queue.removeAll() }

    private func push(time: SimTime, priority: EventPriority, action: EventAction,
                      handle: EventHandle?) {
        queue.push(time: time, order: nextOrder(at: time, priority: priority), action: action, handle: handle)
    }

    /// The ordering key of the next event scheduled at `time` (not in the past).
    private func nextOrder(at time: SimTime, priority: EventPriority) -> UInt64 {
        precondition(time >= now, "cannot schedule an event in the past (\(time) < \(now))")
        defer { nextSequence += 1 }
        return EventQueue.order(priority: priority, sequence: nextSequence)
    }
}
