/// The timelines of the slowest infused patients of a traced run (`events.csv`, replication
/// 0): for each, the spans of its stages in order — waiting for a resource (claim to grant),
/// working (start to end of the stage's work), and shipments (courier departure to arrival) —
/// in days since the patient's referral.
struct PatientTimelines {
    /// What a span of a patient's time was.
    enum SpanKind { case waiting, working, transit }

    /// One span of one patient's time.
    struct Span {
        let label: String
        let kind: SpanKind
        let start: Double
        let end: Double
    }

    /// One patient's timeline.
    struct Timeline {
        let patient: String
        let centre: String
        let product: String
        let referralDay: Double
        let veinToVeinDays: Double
        let spans: [Span]
    }

    /// The patients shown (the slowest by vein-to-vein time first).
    static let shown = 10

    let timelines: [Timeline]
    /// Infused patients of the traced replication (all, not only those shown).
    let infused: Int

    /// Reads `events.csv` of `folder`, keeping replication 0.
    static func load(folder: String) throws(ReportError) -> PatientTimelines {
        var builders: [String: Builder] = [:]
        var order: [String] = []
        var columns: [String: Int] = [:]
        try CSVTable.scan("events.csv", in: folder) { table, row throws(ReportError) in
            if columns.isEmpty {
                for name in ["replication", "time_day", "patient", "centre", "product", "kind", "stage", "step", "resource", "detail"] {
                    columns[name] = try table.column(name)
                }
            }
            func field(_ name: String) -> String { table.text(row, columns[name]!) }
            guard field("replication") == "0" else { return }
            guard let time = try table.number(row, columns["time_day"]!) else { return }
            let patient = field("patient")
            if builders[patient] == nil {
                builders[patient] = Builder(patient: patient, centre: field("centre"), product: field("product"))
                order.append(patient)
            }
            builders[patient]!.add(kind: field("kind"), stage: field("stage"), step: field("step"),
                                   resource: field("resource"), detail: field("detail"), at: time)
        }
        let infused = order.compactMap { builders[$0]!.timeline() }
        let slowest = infused.enumerated().sorted { ($0.element.veinToVeinDays, -$0.offset) > ($1.element.veinToVeinDays, -$1.offset) }
        return PatientTimelines(timelines: slowest.prefix(shown).map(\.element), infused: infused.count)
    }

    /// Collects one patient's events into spans.
    private struct Builder {
        let patient: String
        let centre: String
        let product: String
        var referral: Double?
        var firstCollection: Double?
        var infusion: Double?
        var spans: [Span] = []
        /// Spans begun and not yet ended, by what ends them.
        var open: [String: (label: String, start: Double)] = [:]

        init(patient: String, centre: String, product: String) {
            self.patient = patient
            self.centre = centre
            self.product = product
        }

        mutating func add(kind: String, stage: String, step: String, resource: String, detail: String, at time: Double) {
            let label = step.isEmpty ? stage : "\(stage) · \(step)"
            switch kind {
            case "referred": referral = time
            case "waitlisted": open["slot"] = ("waitlist (waiting for a manufacturing slot)", time)
            case "slot_allocated": close("slot", as: .waiting, at: time)
            case "queued": open["claim"] = ("\(label) (waiting for \(resource))", time)
            case "granted", "withdrawn": close("claim", as: .waiting, at: time)
            case "started":
                if stage == "apheresis", firstCollection == nil { firstCollection = time }
                open["work \(label)"] = (label, time)
            case "finished", "discharged": close("work \(label)", as: .working, at: time)
            case "departed": open["ship"] = (label, time)
            case "arrived": close("ship", as: .transit, at: time)
            case "ended": if detail == "infused" { infusion = time }
            default: break
            }
        }

        private mutating func close(_ key: String, as kind: SpanKind, at time: Double) {
            guard let begun = open.removeValue(forKey: key), let referral else { return }
            spans.append(Span(label: begun.label, kind: kind, start: begun.start - referral, end: time - referral))
        }

        /// The timeline of an infused patient whose collection is in the trace; nil otherwise.
        func timeline() -> Timeline? {
            guard let referral, let firstCollection, let infusion else { return nil }
            return Timeline(patient: patient, centre: centre, product: product, referralDay: referral,
                            veinToVeinDays: infusion - firstCollection, spans: spans.sorted { $0.start < $1.start })
        }
    }
}
