import SimKernel
import SimRandom

/// A plant's suite downtime keys: `changeover`, `maintenance`, `failures`, `contamination`
/// (reference: `Scenarios/README.md`, "Suite downtime").
enum SuiteDowntimeSection {
    static let keys = ["changeover", "maintenance", "failures", "contamination"]
    static let windowKeys = ["from", "for", "suites", "every"]
    static let failureKeys = ["time_between", "repair", "batch"]
    static let contaminationKeys = ["probability", "decontamination", "scope"]

    /// The downtime of `plant`, nil when it has none of the keys; `valid` is false after a problem.
    static func read(_ plant: MappingReader, suites: Int?) -> (spec: SuiteDowntimeSpec?, valid: Bool) {
        let changeover = plant.optional("changeover").map { $0.distribution(of: .duration) }
        let maintenance = plant.optional("maintenance").map { readWindows($0, suites: suites) }
        let failures = plant.optional("failures").map(readFailures)
        let contamination = plant.optional("contamination").map(readContamination)
        let valid = changeover.map { $0 != nil } ?? true && maintenance.map { $0 != nil } ?? true
            && failures.map { $0 != nil } ?? true && contamination.map { $0 != nil } ?? true
        guard changeover != nil || maintenance != nil || failures != nil || contamination != nil else { return (nil, valid) }
        var spec = SuiteDowntimeSpec()
        spec.changeover = changeover ?? nil
        spec.maintenance = (maintenance ?? nil) ?? []
        spec.failures = failures ?? nil
        spec.contamination = contamination ?? nil
        return (spec, valid)
    }

    private static func readWindows(_ reader: NodeReader, suites: Int?) -> [SuiteDowntimeSpec.MaintenanceWindow]? {
        reader.list { item in
            guard let window = item.mapping(allowedKeys: windowKeys) else { return nil }
            let span = window.timeWindow()
            let countReader = window.optional("suites")
            var count = countReader.map { $0.capacity() } ?? 1
            if let value = count, let suites, value > suites {
                countReader?.report("a window cannot take more suites (\(value)) than the plant has (\(suites))")
                count = nil
            }
            let every = window.optional("every").map { $0.positiveDuration() }
            guard let span, let count, every.map({ $0 != nil }) ?? true else { return nil }
            if let every = every ?? nil, every < span.length {
                window.reader.child("every")?.report("windows would overlap: 'every' must be at least 'for'")
                return nil
            }
            return .init(window: span, suites: count, every: every ?? nil)
        }
    }

    private static func readFailures(_ reader: NodeReader) -> SuiteDowntimeSpec.SuiteFailures? {
        guard let failures = reader.mapping(allowedKeys: failureKeys) else { return nil }
        let between = failures.required("time_between")?.distribution(of: .duration)
        let repair = failures.required("repair")?.distribution(of: .duration)
        let batch = failures.optional("batch")?.enumeration(SuiteDowntimeSpec.BatchOnFailure.self) ?? .resume
        guard let between, let repair else { return nil }
        guard between.mean > 0 else {
            failures.reader.child("time_between")?.report("expected a time between failures with a mean above 0")
            return nil
        }
        return .init(timeBetween: between, repair: repair, batch: batch)
    }

    private static func readContamination(_ reader: NodeReader) -> SuiteDowntimeSpec.Contamination? {
        guard let contamination = reader.mapping(allowedKeys: contaminationKeys) else { return nil }
        let probability = contamination.required("probability")?.probability()
        let decontamination = contamination.required("decontamination")?.distribution(of: .duration)
        let scope = contamination.optional("scope")?.enumeration(SuiteDowntimeSpec.ContaminationScope.self) ?? .suite
        guard let probability, let decontamination else { return nil }
        return .init(probability: probability, decontamination: decontamination, scope: scope)
    }
}
