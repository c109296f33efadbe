/// The handle of a cancellable event (see `Simulation.scheduleCancellable`).
///
/// Plain `schedule` calls return nothing to cancel and cost no allocation; only events
/// that may be withdrawn — a timeout, a patient's progression date — carry a handle.
public final class EventHandle {
    /// Where the event stands.
    public enum State: Sendable { case pending, fired, cancelled }

    /// Where the event stands now.
    public internal(set) var state: State = .pending

    /// The time the event is (or was) scheduled for, in seconds.
    public let time: SimTime

    init(time: SimTime) { self.time = time }
}
