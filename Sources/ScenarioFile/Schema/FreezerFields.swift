import SimKernel
import SimRandom

/// The fields of a bank of controlled-rate freezers, shared by hubs and by a centre's own
/// `cryopreservation`: `freezers` (required count), `calendar` [always], `duration` [1d],
/// `may_run_over` [false].
enum FreezerFields {
    static let keys = ["freezers", "calendar", "duration", "may_run_over"]
    static let defaultDuration = Distribution.fixedDuration(Ticks.day)

    /// Reads the freezer fields of `mapping`, whose allowed keys include ``keys``.
    static func read(_ mapping: MappingReader, names: NameTable) -> FreezerSpec? {
        let capacity = mapping.required("freezers")?.capacity()
        let calendar = mapping.calendar("calendar", names: names)
        let duration = mapping.optional("duration")?.distribution(of: .duration) ?? defaultDuration
        let mayRunOver = mapping.optional("may_run_over")?.bool() ?? false
        guard let capacity, let calendar else { return nil }
        return FreezerSpec(capacity: capacity, calendar: calendar, duration: duration, mayRunOver: mayRunOver)
    }
}
