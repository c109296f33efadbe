import SimKernel

/// The `simulation` section: calendar origin, horizon, warm-up, replications and seed.
enum SimulationSection {
    static let keys = ["start_date", "horizon", "warmup", "replications", "seed", "vein_to_vein_target_days", "time_zone"]

    /// The first simulated day when `start_date` is not given (a Monday).
    static let defaultStartDate = CivilDate(year: 2026, month: 1, day: 5)!
    static let defaultReplications = 10
    static let replicationRange = 1...100_000
    static let defaultSeed: UInt64 = 1

    /// Reads the section; checks that the warm-up ends before the horizon.
    static func read(_ reader: NodeReader) -> SimulationSettings? {
        guard let section = reader.mapping(allowedKeys: keys) else { return nil }
        let startDay = section.optional("start_date")?.date() ?? defaultStartDate.dayNumber
        let horizon = section.required("horizon")?.positiveDuration()
        let warmupReader = section.optional("warmup")
        let warmup = warmupReader?.duration() ?? 0
        let replications = section.optional("replications")?.int(in: replicationRange) ?? defaultReplications
        let seed = section.optional("seed")?.int(in: 0...Int.max).map(UInt64.init) ?? defaultSeed
        let target = section.optional("vein_to_vein_target_days")?.positiveDouble()
        let zone = section.optional("time_zone").map { $0.timeZoneName() } ?? "UTC"
        guard let horizon, let zone else { return nil }
        if let warmupReader, warmup >= horizon {
            warmupReader.report("the warm-up (\(Units.format(Ticks.days(warmup))) d) must be shorter than "
                + "the horizon (\(Units.format(Ticks.days(horizon))) d)")
        }
        return SimulationSettings(startDate: CivilDate(dayNumber: startDay), horizon: horizon, warmup: warmup,
                                  replications: replications, seed: seed, veinToVeinTargetDays: target, timeZone: zone)
    }
}
