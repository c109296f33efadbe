import SimKernel

/// A plant's named pool of staff (operators, QC analysts, QA/QP) and the work it does
/// (reference: `Scenarios/README.md`, "Staff").
public struct StaffPoolSpec: Sendable {
    /// The pool's name, e.g. `operators`; the pool is `<plant>.<name>` in outputs.
    public var name: String
    /// The shift pattern: staff are on site when the calendar is open (weekends and holidays
    /// closed); hands-on work starts only where it also ends inside an open stretch.
    public var calendar: String
    /// Staff on each shift, until the first of `headCountChanges`.
    public var headCount: Int
    /// Head counts from given times on (hiring, a team moved), in time order.
    public var headCountChanges: [CapacityChange] = []

    /// Staff on each shift at `time`.
    public func headCount(at time: SimTime) -> Int {
        headCountChanges.last { $0.from <= time }?.capacity ?? headCount
    }
    /// The work this pool does, by task name: a manufacturing step's name, `qc` (a QC test)
    /// or `release` (QA/QP release).
    public var tasks: [String: StaffTask]

    public init(name: String, calendar: String, headCount: Int, tasks: [String: StaffTask]) {
        self.name = name
        self.calendar = calendar
        self.headCount = headCount
        self.tasks = tasks
    }
}

/// What one task needs from a staff pool: `count` people for the first `handsOn` seconds of
/// the task (an expansion needs staff for its feeds, not for its 7 days). The task starts
/// when they are granted; a task shorter than its hands-on time lasts the hands-on time.
public struct StaffTask: Sendable, Equatable {
    public var count: Int
    public var handsOn: SimTime

    public init(count: Int, handsOn: SimTime) {
        self.count = count
        self.handsOn = handsOn
    }

    /// The task name of QC release testing.
    public static let qc = "qc"
    /// The task name of QA/QP release.
    public static let release = "release"
}
