/// Where patients wait — the honest bottleneck: every stage ranked by the waiting it adds per
/// patient (waiting days per replication, `stages.csv` passages × mean wait, ÷ the cohort's
/// patients), with its 90th percentile wait, the resource it waits for and that resource's
/// utilisation, and why it waits: capacity when the resource is busy (≥ 85 %), its calendar or
/// arrivals bunching when it is mostly idle (< 50 %), both in between, staff for a manufacturing step, the courier's
/// pickups for a shipment, QA's opening hours, slots for the waitlist, stock for the suite queue
/// when batches waited for it. A little-used resource can hold patients longest: utilisation
/// alone does not find the bottleneck.
///
/// Beside it, each stage's contribution to the 90th percentile: the waiting days inside
/// vein-to-vein time of the slowest tenth of infused patients against all infused patients
/// (``TailWaiting``); the stage whose excess is largest is what makes the tail.
enum WaitingSection {
    static let title = "Where patients wait"
    /// Utilisation from which a wait is put down to capacity, and below which to timing alone.
    static let busy = 0.85
    static let idle = 0.5

    struct Row {
        let stage: String
        /// Waiting days per cohort patient, and the stage's p90 wait (days).
        let daysPerPatient: Double
        let p90: Double?
        let resource: String?
        let utilization: Double?
        let cause: String
    }

    /// The resource pool each stage waits for.
    private static let pools: [String: String] = [
        "apheresis": "apheresis_chairs", "freezing": "freezer", "suite_queue": "suites", "qc_testing": "qc_lab",
        "storage": "beds", "infusion": "beds",
    ]
    /// Stages that wait for no pooled resource, and why.
    private static let fixedCauses: [String: String] = [
        "shipping_to_plant": "the courier's pickup days and cut-off", "shipping_to_centre": "the courier's pickup days and cut-off",
        "qa_release": "QA's opening hours (release work pauses when QA is closed)", "waitlist": "manufacturing slots",
        "consult": "nothing (a fixed delay)", "intake": "nothing (a fixed delay)", "lymphodepletion": "nothing",
        "post_infusion": "nothing",
    ]

    static func rows(_ run: RunResults) -> [Row] {
        guard let patients = run.summary.mean("patients_referred"), patients > 0 else { return [] }
        let stockOuts = run.summary.mean("stock_outs_in_window") ?? 0
        return run.stages.compactMap { name, times -> Row? in
            let days = times.observations * times.waitingMeanDays / patients
            guard days > 0 else { return nil }
            var resource: String?, utilization: Double?, cause: String
            if let pool = pools[name] {
                let used = run.resources.filter { $0.pool == pool }
                let top = used.max { (run.summary.mean($0.id + "_utilization") ?? $0.utilization ?? 0)
                    < (run.summary.mean($1.id + "_utilization") ?? $1.utilization ?? 0) }
                resource = top.map { used.count > 1 ? "\(pool.replacingOccurrences(of: "_", with: " ")) (busiest: \($0.site))" : $0.label }
                utilization = top.flatMap { run.summary.mean($0.id + "_utilization") ?? $0.utilization }
                let percent = KPIDisplay.fixed((utilization ?? 0) * 100, decimals: 0) + " %"
                if let u = utilization, u >= busy {
                    cause = "capacity: \(percent) busy"
                } else if let u = utilization, u >= idle {
                    cause = "capacity and timing: \(percent) busy, so queues form when patients arrive together"
                } else {
                    cause = "timing, not capacity: only \(percent) busy, so the wait comes from its opening hours "
                        + "or from patients arriving together"
                }
                if name == "suite_queue", stockOuts > 0 {
                    cause += "; and stock: \(KPIDisplay.fixed(stockOuts, decimals: 1)) batches waited for material"
                }
                if name == "storage" { cause = "a bed for the whole stay at the earliest infusion (\(cause))" }
            } else {
                cause = fixedCauses[name] ?? "staff: the step waits for its team on shift"
            }
            return Row(stage: name, daysPerPatient: days, p90: times.waitingP90Days, resource: resource,
                       utilization: utilization, cause: cause)
        }.sorted { ($0.daysPerPatient, $1.stage) > ($1.daysPerPatient, $0.stage) }
    }

    static func render(_ run: RunResults) -> Markup? {
        let rows = rows(run)
        guard let first = rows.first else { return nil }
        let tail = run.patients.tailWaiting
        let byStage = Dictionary(StageBreakdown.waitingStage.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let table = DataTable(header: ["stage", "waiting per patient (days)", "p90 wait (days)",
                                       "slowest 10 % infused: waiting in vein-to-vein (days)", "all infused (days)",
                                       "waits for", "utilisation", "why"], rows: rows.map { row in
            let part = byStage[row.stage]
            return [.label(row.stage.replacingOccurrences(of: "_", with: " ")), .number(row.daysPerPatient), .number(row.p90),
                    .number(part.flatMap { tail?.tail[$0] }), .number(part.flatMap { tail?.all[$0] }), .label(row.resource ?? "—"),
                    .label(row.utilization.map { KPIDisplay.fixed($0 * 100, decimals: 0) + " %" } ?? "—"), .label(row.cause)]
        })
        var intro = "Stages ranked by the waiting they add per patient (waiting days in the window ÷ patients referred). "
            + "The longest wait is \(first.stage.replacingOccurrences(of: "_", with: " ")): "
            + "\(KPIDisplay.fixed(first.daysPerPatient, decimals: 2)) days per patient — \(first.cause)."
        if let tail, let driver = tail.tail.keys.sorted().max(by: { (tail.tail[$0]! - (tail.all[$0] ?? 0)) < (tail.tail[$1]! - (tail.all[$1] ?? 0)) }),
           tail.tail[driver]! > 0 {
            intro += " What makes the 90th percentile: the slowest 10 % of infused patients (vein-to-vein ≥ "
                + "\(KPIDisplay.fixed(tail.thresholdDays, decimals: 2)) days, \(tail.tailPatients) of \(tail.allPatients)) wait most "
                + "beyond the others at \(driver.lowercased()): \(KPIDisplay.fixed(tail.tail[driver]!, decimals: 2)) days each against "
                + "\(KPIDisplay.fixed(tail.all[driver] ?? 0, decimals: 2)) for all infused patients."
        }
        return ReportPage.section(id: "waiting", title: title, intro: intro,
                                  [table.render(caption: "Waiting by stage, longest first, with its cause")])
    }
}
