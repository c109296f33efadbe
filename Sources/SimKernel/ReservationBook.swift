/// Units of capacity booked ahead for intervals of time — beds booked for an infusion day
/// and the stay that follows. A booking holds one unit over `[start, end)`; at no time do
/// more than `capacity` bookings overlap. Bookings are kept in start order and dropped once
/// they have ended, so the book stays as short as the bookings in force.
public struct ReservationBook: Sendable {
    public struct Booking: Sendable {
        public let id: Int
        public let start: SimTime
        public let end: SimTime
    }

    /// Units that may be booked at once (≥ 0).
    public let capacity: Int
    public private(set) var bookings: [Booking] = []
    private var nextID = 0

    public init(capacity: Int) {
        precondition(capacity >= 0, "capacity must not be negative")
        self.capacity = capacity
    }

    /// The earliest start at or after `earliest` of an interval of `length` seconds that a
    /// unit is free for throughout; nil when the book has no capacity at all. Allocates nothing.
    public func earliestStart(notBefore earliest: SimTime, length: SimTime) -> SimTime? {
        guard capacity > 0 else { return nil }
        // The first fit is `earliest` or the end of a booking: only ends free a unit.
        var candidate = earliest
        while !fits(start: candidate, end: candidate + length) {
            var next = SimTime.max
            for booking in bookings where booking.end > candidate && booking.end < next { next = booking.end }
            candidate = next
        }
        return candidate
    }

    /// Whether a unit is free throughout `[start, end)`: the bookings in force never number
    /// `capacity` at once (their count can only rise at `start` or at a booking's start).
    private func fits(start: SimTime, end: SimTime) -> Bool {
        func inForce(at time: SimTime) -> Int {
            var count = 0
            for booking in bookings where booking.start <= time && booking.end > time { count += 1 }
            return count
        }
        if inForce(at: start) >= capacity { return false }
        for booking in bookings where booking.start > start && booking.start < end {
            if inForce(at: booking.start) >= capacity { return false }
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
