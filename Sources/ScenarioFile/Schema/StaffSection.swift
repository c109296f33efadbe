import SimKernel

/// A plant's `staff`: named pools, each with its shift calendar, head count and tasks
/// (reference: `Scenarios/README.md`, "Staff").
///
/// ```yaml
/// staff:
///   operators:
///     calendar: day_shift
///     head_count: 4
///     tasks:
///       activation: {count: 2, hands_on: 4h}
///       expansion: {count: 1, hands_on: 2h}
/// ```
enum StaffSection {
    static let key = "staff"
    static let poolKeys = ["calendar", "head_count", "tasks", CapacityChangesSection.key]
    static let taskKeys = ["count", "hands_on"]
    /// The largest head count of a pool (it bounds the units a claim may ask for).
    static let maximumHeadCount = 1_000_000

    /// The pools in file order; nil after a problem (reported).
    static func read(_ reader: NodeReader, names: NameTable) -> [StaffPoolSpec]? {
        guard let pools = reader.namedEntries({ read($0, names: names) }) else { return nil }
        var seen: [String: String] = [:], valid = true
        for pool in pools {
            for task in pool.tasks.keys.sorted() {
                if let other = seen.updateValue(pool.name, forKey: task) {
                    reader.child(pool.name, "tasks", task)?.report(
                        "the task '\(task)' is already done by the pool '\(other)'; a task needs one pool")
                    valid = false
                }
            }
        }
        return valid ? pools : nil
    }

    private static func read(_ entry: NamedEntry, names: NameTable) -> StaffPoolSpec? {
        guard let pool = entry.value.mapping(allowedKeys: poolKeys) else { return nil }
        let calendar = pool.calendar("calendar", names: names)
        let headCount = pool.required("head_count")?.int(in: 1...maximumHeadCount)
        let tasks = pool.required("tasks")?.namedEntries { task -> (String, StaffTask)? in
            guard let fields = task.value.mapping(allowedKeys: taskKeys) else { return nil }
            let countReader = fields.optional("count")
            let count = countReader.map { $0.int(in: 1...maximumHeadCount) } ?? 1
            let handsOn = fields.required("hands_on")?.positiveDuration()
            guard let count, let handsOn else { return nil }
            if let headCount, count > headCount {
                (countReader ?? task.value).report("the task needs \(count) staff but the pool has a head count "
                    + "of \(headCount): it could never start")
                return nil
            }
            return (task.name, StaffTask(count: count, handsOn: handsOn))
        }
        let changesReader = pool.optional(CapacityChangesSection.key)
        let changes = changesReader.flatMap { CapacityChangesSection.read($0, pools: [.headCount]) }
        guard let calendar, let headCount, let tasks, changesReader == nil || changes != nil else { return nil }
        let largestTeam = tasks.map(\.1.count).max() ?? 1
        if let small = changes?.first(where: { $0.capacity < largestTeam || $0.capacity > maximumHeadCount }) {
            changesReader?.report("a head count of \(small.capacity) from a change: expected \(largestTeam) (the largest "
                + "team of the pool's tasks) to \(maximumHeadCount), so every task can still start")
            return nil
        }
        if tasks.isEmpty {
            pool.reader.child("tasks")?.report("expected at least one task, e.g. 'expansion: {count: 1, hands_on: 2h}'")
            return nil
        }
        var spec = StaffPoolSpec(name: entry.name, calendar: calendar, headCount: headCount,
                                 tasks: Dictionary(tasks, uniquingKeysWith: { first, _ in first }))
        spec.headCountChanges = changes ?? []
        return spec
    }
}
