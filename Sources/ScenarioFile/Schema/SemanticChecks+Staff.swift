/// Staff pools do tasks the pathway has.
extension SemanticChecks {
    /// Every task a staff pool does is a manufacturing step of a product, `qc` or `release`;
    /// a pool whose shift calendar never opens could never start its tasks.
    func checkStaffTasks() {
        let steps = Set(draft.products.flatMap { $0.spec.manufacturingSteps.map(\.name) })
        let known = steps.sorted() + [StaffTask.qc, StaffTask.release]
        for plant in draft.sites.plants {
            for pool in plant.spec.staff {
                for task in pool.tasks.keys.sorted() where !steps.contains(task) && task != StaffTask.qc
                    && task != StaffTask.release {
                    plant.report("unknown task '\(task)': expected a manufacturing step (\(known.joined(separator: ", ")))",
                                 at: StaffSection.key, pool.name, "tasks", task)
                }
                if draft.calendars[pool.calendar]?.isNeverOpen ?? false {
                    plant.report("the shift calendar '\(pool.calendar)' never opens: the pool's tasks could never start",
                                 at: StaffSection.key, pool.name, "calendar")
                }
            }
        }
    }
}
