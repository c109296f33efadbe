import SimKernel
import SimRandom

/// A manufacturer's slots at a plant: how many batches it accepts per period, how they are
/// shared between the centres that send to it, and how each centre's waitlist is served.
/// Every centre assigned to the plant waits for a slot before apheresis (or before its
/// consult); the slot fixes the earliest apheresis date, `leadTime` after it is allocated,
/// and is the batch's claim on a suite (slot holders take suites in slot order).
public struct SlotSpec: Sendable {
    /// The length of an allocation period.
    public enum Period: String, Sendable, CaseIterable {
        /// Seven days from the start of the run.
        case week
        /// A calendar month: periods start at the run's start and on the 1st of each month.
        case month
    }

    /// How a period's slots are shared between centres.
    public enum Allocation: Sendable, Equatable {
        /// A fixed number of slots per period for each centre (centre name → slots).
        case quota([String: Int])
        /// A share of the plant's slots for each centre (centre name → share, summing to 1);
        /// a centre's entitlement accrues period by period and it receives whole slots as the
        /// accrued entitlement passes each integer, so that over time each centre gets its share.
        case share([String: Double])
        /// One list for all the plant's centres: each slot goes to the plant-wide list.
        case pooled
    }

    /// Which waiting patient an allocated slot goes to.
    public enum Rule: String, Sendable, CaseIterable {
        /// The patient listed earliest.
        case firstCome = "first_come"
        /// The patient whose indication comes first in `indicationPriority`; ties first come.
        case indicationPriority = "indication_priority"
        /// The patient closest to progression (earliest time to dropout, a clinician's
        /// judgement of urgency taken as exact); patients without a dropout time last; ties first come.
        case urgency
        /// A draw: each allocation draws a fresh uniform number for every patient on the list
        /// (in list order, from the list's own stream) and the lowest numbers win.
        case lottery
    }

    /// What happens to slots not allocated by the end of their period.
    public enum Unused: String, Sendable, CaseIterable {
        /// They are lost.
        case lost
        /// They stay available in later periods.
        case carryOver = "carry_over"
    }

    /// Where the waitlist sits in the pathway.
    public enum Position: String, Sendable, CaseIterable {
        /// After the consult, before apheresis.
        case apheresis
        /// Right after referral, before the consult.
        case consult
    }

    public var period: Period
    /// Slots per period for the whole plant (with quotas, their sum).
    public var capacity: Int
    public var allocation: Allocation
    public var rule: Rule
    /// Indications in order of priority (with `indicationPriority`; indications not listed come last).
    public var indicationPriority: [String]
    public var unused: Unused
    /// Slot allocated → earliest apheresis (seconds).
    public var leadTime: SimTime
    public var waitlistBefore: Position
    /// Whether a patient who drops out while holding a slot (allocated, not yet collected)
    /// gives it back for the next patient; otherwise it is forfeited.
    public var dropoutFreesSlot: Bool
    /// Probability that a patient who dropped out while on the waitlist is referred again.
    public var reReferralProbability: Double
    /// Dropout on the waitlist → the new referral (seconds).
    public var reReferralDelay: Distribution

    public init(period: Period, capacity: Int, allocation: Allocation, rule: Rule, indicationPriority: [String],
                unused: Unused, leadTime: SimTime, waitlistBefore: Position, dropoutFreesSlot: Bool,
                reReferralProbability: Double, reReferralDelay: Distribution) {
        self.period = period
        self.capacity = capacity
        self.allocation = allocation
        self.rule = rule
        self.indicationPriority = indicationPriority
        self.unused = unused
        self.leadTime = leadTime
        self.waitlistBefore = waitlistBefore
        self.dropoutFreesSlot = dropoutFreesSlot
        self.reReferralProbability = reReferralProbability
        self.reReferralDelay = reReferralDelay
    }

    /// The start times (seconds since the run's start) of the allocation periods before
    /// `end`: 0, then every 7 days, or the midnight of each 1st of a month after the
    /// start date `start` (the first month may be partial; it gets a whole period's slots).
    public func periodStarts(from start: CivilDate, until end: SimTime) -> [SimTime] {
        var starts: [SimTime] = [0]
        switch period {
        case .week:
            var time = Ticks.week
            while time < end {
                starts.append(time)
                time += Ticks.week
            }
        case .month:
            var year = start.year, month = start.month
            while true {
                month += 1
                if month > 12 { month = 1; year += 1 }
                let day = CivilDate(year: year, month: month, day: 1)!.dayNumber - start.dayNumber
                let time = SimTime(day) * Ticks.day
                guard time < end else { break }
                starts.append(time)
            }
        }
        return starts
    }
}
