import SimKernel
import SimRandom
import ScenarioFile

/// One list of patients waiting for slots and the slots available to it during one
/// replication: a centre's own list (quota or share allocation) or a plant-wide list
/// (pooled allocation).
final class SlotPool {
    let spec: SlotSpec
    /// The plant whose slots these are.
    let plant: Int
    /// Slots of this list per period: a fixed quota, or the centre's share of the plant's
    /// slots (entitlement accrued, whole slots given), or the plant's slots when pooled.
    let quota: Int?
    let share: Double?
    /// Slots not yet allocated.
    var available = 0
    /// Waiting patients in listing order.
    var waiting: [Patient] = []
    /// Share allocation: entitlement accrued and slots given so far.
    private var accrued = 0.0
    private var given = 0
    /// The lottery's numbers for this list (drawn only under `rule: lottery`).
    let lottery: RandomStream
    /// The plant's slots per period from given times on (`capacity_changes`), in time order.
    let capacityChanges: [(from: SimTime, capacity: Int)]

    init(spec: SlotSpec, plant: Int, quota: Int?, share: Double?, lottery: RandomStream,
         capacityChanges: [(from: SimTime, capacity: Int)]) {
        self.capacityChanges = capacityChanges
        self.spec = spec
        self.plant = plant
        self.quota = quota
        self.share = share
        self.lottery = lottery
    }

    /// The slots this list receives at the start of a period.
    func issue(at time: SimTime) -> Int {
        if let quota { return quota }
        let capacity = capacityChanges.last { $0.from <= time }?.capacity ?? spec.capacity
        guard let share else { return capacity }
        accrued += share * Double(capacity)
        // A whole slot is due once the accrued entitlement reaches it (to within rounding).
        let due = Int((accrued + 1e-9).rounded(.down)) - given
        given += due
        return due
    }

    /// The index in `waiting` of the patient the next slot goes to, under the list's rule
    /// (`lottery` numbers: one per waiting patient, in list order).
    func next(lotteryNumbers: [Double]?, indicationRank: [Int], dropoutTime: (Patient) -> SimTime?) -> Int {
        switch spec.rule {
        case .firstCome:
            return 0
        case .lottery:
            guard let numbers = lotteryNumbers else { return 0 }
            return numbers.indices.min { numbers[$0] < numbers[$1] }!
        case .indicationPriority:
            return waiting.indices.min { indicationRank[waiting[$0].indication] < indicationRank[waiting[$1].indication] }!
        case .urgency:
            func key(_ index: Int) -> SimTime { dropoutTime(waiting[index]) ?? .max }
            return waiting.indices.min { key($0) < key($1) }!
        }
    }
}

/// The slots of every plant that allocates them, during one replication.
final class SlotNetwork {
    /// Every list, in plant order then centre order.
    let pools: [SlotPool]
    /// The list each centre's patients join (nil: the centre's plant has no slots).
    let poolOfCentre: [SlotPool?]
    /// The period start times of each plant with slots, until the follow-up's limit.
    let periods: [(plant: Int, starts: [SimTime])]
    /// Rank of each indication under `indication_priority` of each plant (index = indication;
    /// unlisted indications rank after the listed ones).
    let indicationRanks: [[Int]]
    /// Patients on each centre's list over time (index = centre).
    var levels: [LevelDurations]
    /// Whether re-referral of each centre's dropped-out waiting patients occurs, and when.
    let reReferral: [RandomEvent?]
    let reReferralDelay: [RandomInput?]

    init?(_ model: PathwayReplication) {
        let scenario = model.scenario
        guard scenario.plants.contains(where: { $0.slots != nil }) else { return nil }
        var pools: [SlotPool] = [], poolOfCentre = [SlotPool?](repeating: nil, count: scenario.centres.count)
        var periods: [(Int, [SimTime])] = [], ranks: [[Int]] = []
        for (plantIndex, plant) in scenario.plants.enumerated() {
            let rank = scenario.indications.map { indication in
                plant.slots?.indicationPriority.firstIndex(of: indication.name) ?? scenario.indications.count
            }
            ranks.append(rank)
            guard let spec = plant.slots else { continue }
            // Slots go on being issued while the cohort is followed after the horizon, for at most
            // as long as a calendar is searched for an opening.
            let followUpLimit = scenario.simulation.horizon + SimTime(WorkCalendar.searchHorizonDays) * Ticks.day
            periods.append((plantIndex, spec.periodStarts(from: scenario.simulation.startDate, until: followUpLimit)))
            let assigned = scenario.centres.indices.filter { scenario.centres[$0].plant == plant.name }
            let changes = plant.capacityChanges.filter { $0.pool == .slots }.map { ($0.from, $0.capacity) }
            switch spec.allocation {
            case .pooled:
                let pool = SlotPool(spec: spec, plant: plantIndex, quota: nil, share: nil,
                                    lottery: model.stream("plant.\(plant.name).slot_lottery"), capacityChanges: changes)
                pools.append(pool)
                for centre in assigned { poolOfCentre[centre] = pool }
            case .quota, .share:
                for centre in assigned {
                    let name = scenario.centres[centre].name
                    var quota: Int?, share: Double?
                    if case .quota(let quotas) = spec.allocation { quota = quotas[name] ?? 0 }
                    if case .share(let shares) = spec.allocation { share = shares[name] ?? 0 }
                    let pool = SlotPool(spec: spec, plant: plantIndex, quota: quota, share: share,
                                        lottery: model.stream("centre.\(name).slot_lottery"), capacityChanges: changes)
                    pools.append(pool)
                    poolOfCentre[centre] = pool
                }
            }
        }
        self.pools = pools
        self.poolOfCentre = poolOfCentre
        self.periods = periods
        indicationRanks = ranks
        levels = Array(repeating: LevelDurations(), count: scenario.centres.count)
        reReferral = scenario.centres.indices.map { centre in
            poolOfCentre[centre].map { model.event($0.spec.reReferralProbability, "centre.\(scenario.centres[centre].name).re_referral") }
        }
        reReferralDelay = scenario.centres.indices.map { centre in
            poolOfCentre[centre].map { model.input($0.spec.reReferralDelay, "centre.\(scenario.centres[centre].name).re_referral_delay") }
        }
    }

    /// The centres whose patients wait for slots.
    var slotCentres: [Int] { poolOfCentre.indices.filter { poolOfCentre[$0] != nil } }
}
