/// One claim on a `Resource` unit, from the moment it is made until it is granted
/// (or withdrawn). Keep it to `cancel` a waiting claim, e.g. when a patient drops out.
public final class ResourceRequest: HeapOrdered {
    /// Where the claim stands.
    public enum State: Sendable { case waiting, granted, cancelled }

    /// Where the claim stands now.
    public internal(set) var state: State = .waiting
    /// When the claim was made (seconds).
    public let requestTime: SimTime
    /// Queue rank under the priority discipline: smaller is served first.
    public let rank: Double
    /// The work the unit is claimed for (seconds), which must fit in the gate's opening
    /// hours when the resource says so; 0 when not known or not gated.
    public let work: SimTime
    /// Units claimed together (a team of two operators); granted all at once.
    public let units: Int
    let sequence: UInt64
    /// The continuation; dropped once the claim is granted or withdrawn, so that a claim
    /// kept by its owner does not keep the continuation's captures alive.
    var onGrant: EventAction?

    init(requestTime: SimTime, rank: Double, work: SimTime, units: Int, sequence: UInt64, onGrant: EventAction) {
        self.requestTime = requestTime
        self.units = units
        self.rank = rank
        self.work = work
        self.sequence = sequence
        self.onGrant = onGrant
    }

    /// Service order: by rank, then first come first served.
    func precedes(_ other: ResourceRequest) -> Bool {
        rank < other.rank || (rank == other.rank && sequence < other.sequence)
    }
}
