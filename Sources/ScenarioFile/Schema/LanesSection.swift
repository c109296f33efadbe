import SimKernel
import SimRandom

/// One courier lane as read from the file, kept even when parts of it failed to decode so
/// that checks for missing lanes do not report a lane that is written but has problems.
struct DecodedLane {
    /// The origin and destination sites, nil when that end did not decode (then it matches
    /// any site in ``DecodedLanes/exists(from:to:)``).
    let origin: String?
    let destination: String?
    /// The lane, when every field decoded.
    let spec: LaneSpec?
    /// The lane's item in the file (`lanes[2]`).
    let reader: NodeReader
    /// Whether this is the reverse lane made by `return: true` on the item.
    let isReturn: Bool

    /// Where a problem with this lane is reported: the item, or its `return` key for a reverse lane.
    var anchor: NodeReader {
        isReturn ? reader.child("return") ?? reader : reader
    }

    /// `lanes[0]`, or `the return of lanes[0]`.
    var name: String {
        isReturn ? "the return of \(reader.path)" : reader.path
    }
}

/// The `lanes` section: a list of courier lanes between sites.
enum LanesSection {
    static let keys = ["from", "to", "transit", "pickup_days", "cutoff", "holidays", "loss_probability", "return"]

    /// Every lane item, with its reverse when `return: true`; nil lanes when the section is
    /// missing or not a list (reported).
    static func read(_ reader: NodeReader?, names: NameTable, originDay: Int) -> DecodedLanes {
        guard let items = reader?.list() else { return DecodedLanes(lanes: nil) }
        return DecodedLanes(lanes: items.flatMap { read($0, names: names, originDay: originDay) })
    }

    private static func read(_ reader: NodeReader, names: NameTable, originDay: Int) -> [DecodedLane] {
        guard let lane = reader.mapping(allowedKeys: keys) else {
            return [DecodedLane(origin: nil, destination: nil, spec: nil, reader: reader, isReturn: false)]
        }
        let origin = lane.required("from")?.site(in: names)
        let destinationReader = lane.required("to")
        var destination = destinationReader?.site(in: names)
        if let destinationReader, let to = destination, to == origin {
            destinationReader.report("a lane must lead to another site, got '\(to)' at both ends")
            destination = nil
        }
        let transit = lane.required("transit")?.distribution(of: .duration)
        let pickupDays = lane.optional("pickup_days").map(readPickupDays) ?? Array(0..<7)
        let cutoff = lane.optional("cutoff")?.timeOfDay()  // nil: the courier comes on demand
        let holidays = lane.optional("holidays").map { CalendarsSection.readHolidays($0, originDay: originDay) } ?? []
        let loss = lane.optional("loss_probability")?.probability() ?? 0
        let returns = lane.optional("return")?.bool() ?? false
        var spec: LaneSpec?
        if let origin, let destination, let transit, let pickupDays, let holidays {
            spec = LaneSpec(origin: origin, destination: destination, transit: transit,
                            pickupDays: Set(pickupDays), cutoff: cutoff, holidays: holidays, lossProbability: loss)
        }
        let forward = DecodedLane(origin: origin, destination: destination, spec: spec, reader: reader,
                                  isReturn: false)
        guard returns else { return [forward] }
        let reverse = spec.map { spec in
            LaneSpec(origin: spec.destination, destination: spec.origin, transit: spec.transit,
                     pickupDays: spec.pickupDays, cutoff: spec.cutoff, holidays: spec.holidays,
                     lossProbability: spec.lossProbability)
        }
        return [forward, DecodedLane(origin: destination, destination: origin, spec: reverse, reader: reader,
                                     isReturn: true)]
    }

    /// `pickup_days`: weekdays and ranges, at least one day.
    private static func readPickupDays(_ reader: NodeReader) -> [Int]? {
        guard let days = reader.weekdays() else { return nil }
        guard !days.isEmpty else {
            reader.report("expected at least one pickup day, e.g. 'mon-fri'")
            return nil
        }
        return days
    }
}
