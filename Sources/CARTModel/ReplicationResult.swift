import OutputSchema
import SimKernel
import ScenarioFile

/// Everything one replication produced: its KPIs, stage and resource statistics, weekly
/// series and (when kept) patient records.
public struct ReplicationResult: Sendable {
    /// Replication index (0-based).
    public let replication: Int
    /// KPI name (snake_case with unit) and value, in a fixed order for a scenario.
    public let kpis: [(name: String, value: Double)]
    public let stages: [StageSummary]
    public let resources: [ResourceSummary]
    public let series: WeeklySeries
    /// Patient rows (empty unless kept).
    public let patients: [PatientRecord]
    /// Events the kernel executed.
    public let events: Int
    /// Patients referred over the whole run (warm-up included).
    public let patientsSimulated: Int
    /// How each patient of the pipeline snapshot fared, in the snapshot's order (empty for a
    /// run that started empty).
    public var snapshot: [SnapshotOutcome] = []
    /// The cohort KPIs by product, indication, centre and plant (`breakdowns.csv`).
    public var breakdowns: [BreakdownValue] = []
    /// The patients in flight at `PathwayReplication.snapshotTime` (`run --snapshot-at`), as a
    /// pipeline snapshot to start another run from; nil unless asked for.
    public var pipeline: [InitialPatient]?

    public init(replication: Int, kpis: [(name: String, value: Double)], stages: [StageSummary],
                resources: [ResourceSummary], series: WeeklySeries, patients: [PatientRecord], events: Int,
                patientsSimulated: Int) {
        self.replication = replication
        self.kpis = kpis
        self.stages = stages
        self.resources = resources
        self.series = series
        self.patients = patients
        self.events = events
        self.patientsSimulated = patientsSimulated
    }

    /// The value of a KPI by name.
    public func kpi(_ name: String) -> Double? { kpis.first { $0.name == name }?.value }
}

/// How one patient of the pipeline snapshot fared in one replication (days since the start).
public struct SnapshotOutcome: Sendable, Equatable {
    /// `Outcome.label`: infused, dropout, manufacturing_failure, material_lost, in_process.
    public let outcome: String
    /// When the patient was infused (days; negative for one infused before the start); nil if not infused.
    public let infusionDay: Double?
    /// First apheresis start to infusion (days); nil if not infused.
    public let veinToVeinDays: Double?

    public init(outcome: String, infusionDay: Double?, veinToVeinDays: Double?) {
        self.outcome = outcome
        self.infusionDay = infusionDay
        self.veinToVeinDays = veinToVeinDays
    }
}

/// A patient's row for `patients.csv`: identity, outcome and milestone times (days).
public struct PatientRecord: Sendable {
    public let id: Int
    public let centre: String
    public let indication: String
    public let product: String
    /// The plant the material was sent to; empty if it never left the centre.
    public let plant: String
    /// The cryopreservation hub it went through; empty if none.
    public let hub: String
    public let referralDay: Double
    /// The first collection's start (days), before any re-collection; nil if never collected.
    public let firstApheresisStartDay: Double?
    public let milestoneDays: [Double?]
    public let outcome: String
    /// When the pathway ended (days): infusion, dropout, manufacturing failure or loss; nil in process.
    public let outcomeDay: Double?
    /// Stage of a dropout; empty otherwise.
    public let dropoutStage: String
    public let outOfSpecificationInfused: Bool
    public let collections: Int
    public let manufacturingAttempts: Int
    public let bridged: Bool
    /// Apheresis start (first) to infusion, days; nil unless infused.
    public let veinToVeinDays: Double?
    /// Whether the patient was referred during the warm-up (excluded from KPIs).
    public let inWarmup: Bool
}
