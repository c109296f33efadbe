import SimKernel
import SimRandom

/// A plant's `slots`: the manufacturer's slots per period, their allocation to centres, and
/// how each waitlist is served (reference: `Scenarios/README.md`, "slots").
enum SlotsSection {
    /// The most slots per period of one pool or one centre's quota, so that sums over centres
    /// and carried-over periods stay far from integer overflow.
    static let maximumPerPeriod = 1_000_000

    static let keys = ["per", "capacity", "allocation", "centres", "rule", "indication_priority", "unused", "lead_time",
                       "waitlist_before", "dropout_frees_slot", "re_referral"]
    static let allocations = ["quota", "share", "pooled"]
    static let reReferralKeys = ["probability", "after"]

    static func read(_ reader: NodeReader, names: NameTable) -> SlotSpec? {
        guard let slots = reader.mapping(allowedKeys: keys) else { return nil }
        let period = slots.optional("per")?.enumeration(SlotSpec.Period.self) ?? .month
        let allocationName = slots.optional("allocation").map { $0.enumeration(allowed: allocations) } ?? "quota"
        let allocation = allocationName.flatMap { readAllocation($0, slots, names: names) }
        let rule = slots.optional("rule")?.enumeration(SlotSpec.Rule.self) ?? .firstCome
        let priority = readPriority(slots, rule: rule, names: names)
        let unused = slots.optional("unused")?.enumeration(SlotSpec.Unused.self) ?? .lost
        let leadTime = slots.optional("lead_time")?.duration() ?? 0
        let before = slots.optional("waitlist_before")?.enumeration(SlotSpec.Position.self) ?? .apheresis
        let frees = slots.optional("dropout_frees_slot")?.bool() ?? false
        let reReferral = slots.optional("re_referral").map(readReReferral) ?? (0, .fixedDuration(0))
        guard let allocation, let priority, let reReferral else { return nil }
        let capacity: Int
        switch allocation.allocation {
        case .quota(let quotas): capacity = quotas.values.reduce(0, +)
        case .share, .pooled: capacity = allocation.capacity ?? 0
        }
        return SlotSpec(period: period, capacity: capacity, allocation: allocation.allocation, rule: rule,
                        indicationPriority: priority, unused: unused, leadTime: leadTime, waitlistBefore: before,
                        dropoutFreesSlot: frees, reReferralProbability: reReferral.probability,
                        reReferralDelay: reReferral.delay)
    }

    /// `allocation` with its `centres` and `capacity`: quotas per centre (the capacity is
    /// their sum, so it is not written), shares of a written capacity, or one pool.
    private static func readAllocation(_ name: String, _ slots: MappingReader,
                                       names: NameTable) -> (allocation: SlotSpec.Allocation, capacity: Int?)? {
        let capacityReader = slots.optional("capacity")
        switch name {
        case "quota":
            if let capacityReader {
                capacityReader.report("with allocation: quota the slots per period are the sum of the centres' quotas; "
                                      + "remove 'capacity' or use allocation: share")
                return nil
            }
            guard let entries = slots.required("centres")?.namedEntries() else { return nil }
            let quotas = entries.map { entry in
                centre(entry, names: names).flatMap { name in entry.value.int(in: 0...maximumPerPeriod).map { (name, $0) } }
            }.allOrNone()
            guard let quotas else { return nil }
            guard !quotas.isEmpty else {
                slots.reader.child("centres")?.report("expected at least one centre and its slots per period")
                return nil
            }
            return (.quota(Dictionary(quotas, uniquingKeysWith: { first, _ in first })), nil)
        case "share":
            let capacity = slots.required("capacity")?.int(in: 0...maximumPerPeriod)
            guard let centresReader = slots.required("centres"), let entries = centresReader.namedEntries() else { return nil }
            let shares = entries.map { entry in
                centre(entry, names: names).flatMap { name in entry.value.double(in: 0...1).map { (name, $0) } }
            }.allOrNone()
            guard let shares, let capacity else { return nil }
            let sum = shares.reduce(0) { $0 + $1.1 }
            guard abs(sum - 1) <= CentreSection.shareTolerance else {
                centresReader.report("centre shares sum to \(Units.format((sum * 1e9).rounded() / 1e9)); expected 1")
                return nil
            }
            return (.share(Dictionary(shares, uniquingKeysWith: { first, _ in first })), capacity)
        default:
            if let centres = slots.optional("centres") {
                centres.report("with allocation: pooled every centre assigned to the plant shares one list; "
                               + "remove 'centres' or use allocation: quota or share")
                return nil
            }
            return slots.required("capacity")?.int(in: 0...maximumPerPeriod).map { (.pooled, $0) }
        }
    }

    /// A centre named in `centres`.
    private static func centre(_ entry: NamedEntry, names: NameTable) -> String? {
        guard names.isSite(entry.name) else {
            entry.report(NodeReader.unknown("centre", entry.name, among: names.sites(of: .centre)))
            return nil
        }
        if let kind = names.siteKinds[entry.name], kind != .centre {
            entry.report("'\(entry.name)' is a \(kind.rawValue), not a centre")
            return nil
        }
        return entry.name
    }

    /// `indication_priority`: required with `rule: indication_priority`, refused otherwise.
    private static func readPriority(_ slots: MappingReader, rule: SlotSpec.Rule, names: NameTable) -> [String]? {
        guard rule == .indicationPriority else {
            if let reader = slots.optional("indication_priority") {
                reader.report("'indication_priority' orders the list only with rule: indication_priority")
                return nil
            }
            return []
        }
        guard let list = slots.required("indication_priority")?.list() else { return nil }
        let order = list.map { $0.reference(to: "indication", among: names.indications) }.allOrNone()
        guard let order else { return nil }
        if Set(order).count != order.count {
            slots.reader.child("indication_priority")?.report("an indication is listed more than once")
            return nil
        }
        return order
    }

    /// `re_referral`: the probability that a patient who dropped out on the waitlist is
    /// referred again, and after how long.
    private static func readReReferral(_ reader: NodeReader) -> (probability: Double, delay: Distribution)? {
        guard let section = reader.mapping(allowedKeys: reReferralKeys) else { return nil }
        let probability = section.required("probability")?.probability()
        let afterReader = section.optional("after")
        let delay = afterReader?.distribution(of: .duration)
        guard let probability, afterReader == nil || delay != nil else { return nil }
        return (probability, delay ?? .fixedDuration(0))
    }
}
