/// Units of capacity booked ahead for intervals of time — beds booked for an infusion day
/// and the stay that follows. A booking holds one unit over `[start, end)`; at no time do
/// more than `capacity(at:)` bookings overlap. Capacity may change at given times (beds
/// opened or closed): a booking fits only where every instant of it has a free unit, so
/// bookings made before a fall are kept and none is made over it. Bookings are kept in start
/// order and dropped once they have ended, so the book stays as short as the bookings in force.
public struct ReservationBook: Sendable {
    public struct Booking: Sendable {
        public let id: Int
        public let start: SimTime
        public let end: SimTime
    }

    /// Units that may be booked at once from the start (≥ 0).
    public let capacity: Int
    /// Later capacities, in time order: from `from` on, `capacity` units.
    public let changes: [(from: SimTime, capacity: Int)]
    public private(set) var bookings: [Booking] = []
    private var nextID = 0

    public init(capacity: Int, changes: [(from: SimTime, capacity: Int)] = []) {
        precondition(capacity >= 0 && changes.allSatisfy { $0.capacity >= 0 }, "capacity must not be negative")
        self.capacity = capacity
        self.changes = changes
    }

    /// Units that may be booked at `time`.
    public func capacity(at time: SimTime) -> Int {
        changes.last { $0.from <= time }?.capacity ?? capacity
    }

    /// The earliest start at or after `earliest` of an interval of `length` seconds that a
    /// unit is free for throughout; nil when no unit ever is (the book has, or ends with, no
    /// capacity). Allocates nothing.
    public func earliestStart(notBefore earliest: SimTime, length: SimTime) -> SimTime? {
        let last = changes.last
        if (last?.capacity ?? capacity) == 0, earliest >= (last?.from ?? 0) { return nil }
        // The first fit is `earliest`, the end of a booking or a change of capacity: only
        // those free a unit.
        var candidate = earliest
        while !fits(start: candidate, end: candidate + length) {
            var next = SimTime.max
            for booking in bookings where booking.end > candidate && booking.end < next { next = booking.end }
            for change in changes where change.from > candidate && change.from < next { next = change.from }
            if next == .max { return nil }
            candidate = next
        }
        return candidate
    }

    /// Whether a unit is free throughout `[start, end)`: the bookings in force never number
    /// the capacity at once (their count can only rise, and the capacity fall, at `start`, at
    /// a booking's start or at a change).
    private func fits(start: SimTime, end: SimTime) -> Bool {
        func full(at time: SimTime) -> Bool {
            var count = 0
            for booking in bookings where booking.start <= time && booking.end > time { count += 1 }
            return count >= capacity(at: time)
        }
        if full(at: start) { return false }
        for booking in bookings where booking.start > start && booking.start < end {
            if full(at: booking.start) { return false }
        }
        for change in changes where change.from > start && change.from < end {
            if full(at: change.from) { return false }
        }
        return true
    }

    /// Books `[start, start + length)`; the caller found it free with `earliestStart`.
    /// - Returns: the booking's id, for `cancel`.
    public mutating func book(start: SimTime, length: SimTime) -> Int {
        let booking = Booking(id: nextID, start: start, end: start + length)
        nextID += 1
        let index = bookings.firstIndex { $0.start > start } ?? bookings.count
        bookings.insert(booking, at: index)
        return booking.id
    }

    /// Withdraws a booking (no effect if it is not in the book).
    public mutating func cancel(_ id: Int) {
        bookings.removeAll { $0.id == id }
    }

    /// Drops the bookings that ended at or before `time`.
    public mutating func removeEnded(before time: SimTime) {
        bookings.removeAll { $0.end <= time }
    }
}
