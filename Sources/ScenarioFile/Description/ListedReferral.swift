import SimKernel

/// A patient of the scenario's `referral_list` (a historical year, a forecast): referred at
/// `time` (seconds since the start of the run) at `centre` with `indication`. Every
/// replication replays the same list, with fresh randomness for everything else.
public struct ListedReferral: Sendable, Equatable {
    public var time: SimTime
    public var centre: String
    public var indication: String
    /// The planner's own id of the patient, if the list has an `id` column.
    public var id: String?

    public init(time: SimTime, centre: String, indication: String, id: String?) {
        self.time = time
        self.centre = centre
        self.indication = indication
        self.id = id
    }
}
