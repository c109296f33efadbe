import SimKernel
import SimRandom

/// When a plant's suites cannot make batches: cleaning after each batch, planned
/// maintenance, random failures and contamination (reference: `Scenarios/README.md`,
/// "Suite downtime"). Durations in seconds.
public struct SuiteDowntimeSpec: Sendable {
    /// A suite is cleaned for this long after each batch (also a discarded one) before it
    /// takes the next; nil: free at once.
    public var changeover: Distribution?
    /// Planned windows with suites out of service.
    public var maintenance: [MaintenanceWindow] = []
    public var failures: SuiteFailures?
    public var contamination: Contamination?

    /// `suites` suites out of service while `window` lasts, again every `every` when given.
    /// Batches already running finish; none starts on the suites out of service.
    public struct MaintenanceWindow: Sendable {
        public var window: TimeWindow
        public var suites: Int
        public var every: SimTime?
        public init(window: TimeWindow, suites: Int, every: SimTime?) {
            self.window = window
            self.suites = suites
            self.every = every
        }
    }

    /// What happens to a batch on a suite that fails.
    public enum BatchOnFailure: String, Sendable, CaseIterable {
        /// The batch waits on its suite and goes on where it stopped once repaired.
        case resume
        /// The batch waits on its suite and starts its steps again once repaired.
        case restart
        /// The batch is lost (the lot fails: re-collection or the end, as for a failed lot);
        /// the suite is repaired.
        case lost
    }

    /// Each suite fails after a random time in service, and is repaired.
    public struct SuiteFailures: Sendable {
        public var timeBetween: Distribution
        public var repair: Distribution
        public var batch: BatchOnFailure
        public init(timeBetween: Distribution, repair: Distribution, batch: BatchOnFailure) {
            self.timeBetween = timeBetween
            self.repair = repair
            self.batch = batch
        }
    }

    /// What a contamination takes out of service.
    public enum ContaminationScope: String, Sendable, CaseIterable {
        /// The batch's suite.
        case suite
        /// Every suite of the plant (a shared cleanroom).
        case plant
    }

    /// A batch is found contaminated at the end of manufacturing with this probability: it is
    /// scrapped and the suite (or the plant) is decontaminated.
    public struct Contamination: Sendable {
        public var probability: Double
        public var decontamination: Distribution
        public var scope: ContaminationScope
        public init(probability: Double, decontamination: Distribution, scope: ContaminationScope) {
            self.probability = probability
            self.decontamination = decontamination
            self.scope = scope
        }
    }

    public init() {}
}
