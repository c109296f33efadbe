import SimKernel

/// A site's capacity that changes at a time (a suite commissioned, a plant ramping up, QC
/// analysts hired, a chair added): from `from` (seconds since the start of the run) the pool
/// has `capacity` units. When capacity falls, work already holding a unit finishes; no new
/// work starts until the pool is under its new capacity.
public struct CapacityChange: Sendable, Equatable {
    /// The pools whose capacity can change.
    public enum Pool: String, Sendable, CaseIterable {
        case suites
        case qcCapacity = "qc_capacity"
        case chairs
        case beds
        /// A plant's slots per period (`slots.capacity`), for share and pooled allocation.
        case slots
        /// A staff pool's people on each shift.
        case headCount = "head_count"
    }

    public var from: SimTime
    public var pool: Pool
    public var capacity: Int

    public init(from: SimTime, pool: Pool, capacity: Int) {
        self.from = from
        self.pool = pool
        self.capacity = capacity
    }
}
