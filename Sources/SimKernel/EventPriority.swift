/// The priority class of an event: among events at the same instant, a lower class
/// runs first; within a class, events run in the order they were scheduled (FIFO).
///
/// Named classes make same-time rules explicit instead of accidental, in the manner of
/// simmer's priority constants: capacity and calendar changes come before releases,
/// releases before new work, so a unit freed at 09:00 is available to work that
/// arrives at 09:00, and a shift that opens at 09:00 is open for both.
public struct EventPriority: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The class number; smaller runs first. Must be in 0...65_535.
    public let rawValue: UInt16

    /// Creates a priority class; smaller values run first.
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    /// Calendar boundaries and capacity changes (a shift opens, a suite is added).
    public static let capacityChange = EventPriority(100)
    /// The end of an activity that releases a resource.
    public static let release = EventPriority(200)
    /// Ordinary model events (default).
    public static let normal = EventPriority(300)
    /// New work entering the system (arrivals, referrals).
    public static let arrival = EventPriority(400)
    /// Bookkeeping that must observe everything else at the same instant (statistics snapshots).
    public static let observation = EventPriority(900)

    public static func < (lhs: EventPriority, rhs: EventPriority) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .capacityChange: "capacityChange"
        case .release: "release"
        case .normal: "normal"
        case .arrival: "arrival"
        case .observation: "observation"
        default: "priority(\(rawValue))"
        }
    }
}
