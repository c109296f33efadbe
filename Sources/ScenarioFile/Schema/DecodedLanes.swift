/// The lanes of a scenario, in file order with each reverse lane after its item, indexed by
/// their ends once so that the checks across sections look a lane up in O(1) rather than
/// searching every lane for every centre; `lanes` is nil when the section could not be read
/// at all (then no lane can be said to be missing).
struct DecodedLanes {
    /// A lane whose two ends decoded.
    typealias Definite = (origin: String, destination: String, lane: DecodedLane)

    let lanes: [DecodedLane]?
    /// The lanes whose two ends decoded, in file order.
    let definite: [Definite]
    /// The position in `definite` of the first lane between two sites.
    private let firstByEnds: [Ends: Int]
    /// The positions in `definite` of the lanes from each site, ascending.
    private let positionsByOrigin: [String: [Int]]
    /// Destinations of lanes whose origin did not decode, origins of lanes whose destination
    /// did not decode, and whether some lane decoded neither end: such lanes match any site.
    private let destinationsFromAnySite: Set<String>
    private let originsToAnySite: Set<String>
    private let hasLaneWithNoEnds: Bool

    private struct Ends: Hashable {
        let origin: String
        let destination: String
    }

    /// Indexes `lanes`; O(number of lanes).
    init(lanes: [DecodedLane]?) {
        self.lanes = lanes
        definite = (lanes ?? []).compactMap { lane in
            guard let origin = lane.origin, let destination = lane.destination else { return nil }
            return (origin, destination, lane)
        }
        var firstByEnds: [Ends: Int] = [:], positionsByOrigin: [String: [Int]] = [:]
        for (position, lane) in definite.enumerated() {
            let ends = Ends(origin: lane.origin, destination: lane.destination)
            if firstByEnds[ends] == nil { firstByEnds[ends] = position }
            positionsByOrigin[lane.origin, default: []].append(position)
        }
        self.firstByEnds = firstByEnds
        self.positionsByOrigin = positionsByOrigin
        let partial = (lanes ?? []).filter { $0.origin == nil || $0.destination == nil }
        destinationsFromAnySite = Set(partial.compactMap { $0.origin == nil ? $0.destination : nil })
        originsToAnySite = Set(partial.compactMap { $0.destination == nil ? $0.origin : nil })
        hasLaneWithNoEnds = partial.contains { $0.origin == nil && $0.destination == nil }
    }

    /// Whether a lane from `origin` to `destination` is written (an end that failed to
    /// decode counts as a match); true when the section could not be read. O(1).
    func exists(from origin: String, to destination: String) -> Bool {
        guard lanes != nil else { return true }
        return firstByEnds[Ends(origin: origin, destination: destination)] != nil || hasLaneWithNoEnds
            || destinationsFromAnySite.contains(destination) || originsToAnySite.contains(origin)
    }

    /// The first lane written from `origin` to `destination` with both ends decoded. O(1).
    func first(from origin: String, to destination: String) -> DecodedLane? {
        firstByEnds[Ends(origin: origin, destination: destination)].map { definite[$0].lane }
    }

    /// The lanes with both ends decoded that leave any of `origins`, in file order.
    /// O(number of such lanes).
    func leaving(_ origins: [String]) -> [Definite] {
        let positions = origins.flatMap { positionsByOrigin[$0] ?? [] }
        return (origins.count > 1 ? Set(positions).sorted() : positions).map { definite[$0] }
    }
}
