import SimRandom

/// A site of `kind: plant`: intake, manufacturing suites, QC lab and QA release.
enum PlantSection {
    static let keys = SitesSection.allowedKeys([
        "intake", "suites", "suite_calendar", "discipline", "qc_capacity", "qc_calendar", "qa_calendar", "slots",
    ] + SuiteDowntimeSection.keys + ["qc_invalid_assay", CapacityChangesSection.key, StaffSection.key, StockSection.key,
        "products", "qc"])
    static let defaultQCCapacity = 1000
    /// The most suites (at any time) of a plant whose suites fail: each has a failure clock.
    static let maximumSuitesWithFailures = 10_000

    /// The pools a plant always has, whose names staff pools and stock items cannot take.
    static let builtInPools = ["suites", "qc_lab"]

    /// Staff pools and stock items are named apart from each other and from the plant's own
    /// pools: each is `<plant>.<name>` in outputs.
    private static func distinctPoolNames(_ staff: [StaffPoolSpec], _ stock: [StockItemSpec], in plant: MappingReader) -> Bool {
        var valid = true, seen = Set(builtInPools)
        for (section, name) in staff.map({ (StaffSection.key, $0.name) }) + stock.map({ (StockSection.key, $0.name) }) {
            if !seen.insert(name).inserted {
                plant.reader.child(section, name)?.report("'\(name)' already names a pool of this plant "
                    + "(\((builtInPools).joined(separator: ", ")), a staff pool or a stock item); give it its own name")
                valid = false
            }
        }
        return valid
    }

    static func read(_ entry: NamedEntry, names: NameTable) -> PlantSpec? {
        guard let plant = entry.value.mapping(allowedKeys: keys) else { return nil }
        let intake = plant.optional("intake")?.distribution(of: .duration) ?? .fixedDuration(0)
        let suites = plant.required("suites")?.capacity()
        let suiteCalendar = plant.calendar("suite_calendar", names: names)
        let discipline = plant.optional("discipline")?.enumeration(SuiteDiscipline.self) ?? .fifo
        let qcCapacity = plant.optional("qc_capacity")?.capacity() ?? defaultQCCapacity
        let qcCalendar = plant.calendar("qc_calendar", names: names)
        let qaCalendar = plant.calendar("qa_calendar", names: names)
        let slotsReader = plant.optional("slots")
        let slots = slotsReader.flatMap { SlotsSection.read($0, names: names) }
        let downtime = SuiteDowntimeSection.read(plant, suites: suites)
        let changesReader = plant.optional(CapacityChangesSection.key)
        let changes = changesReader.flatMap { CapacityChangesSection.read($0, pools: [.suites, .qcCapacity, .slots]) }
        let retestReader = plant.optional("qc_invalid_assay")
        let retests = retestReader.flatMap(QCRetestSection.read)
        let productsReader = plant.optional("products")
        let products = productsReader.flatMap { $0.list { $0.reference(to: "product", among: names.products) } }
        let qcReader = plant.optional("qc")
        let qc = qcReader.flatMap { $0.distribution(of: .duration) }
        let staffReader = plant.optional(StaffSection.key)
        let staff = staffReader.flatMap { StaffSection.read($0, names: names) }
        let stockReader = plant.optional(StockSection.key)
        let stock = stockReader.flatMap { StockSection.read($0, names: names) }
        guard let suites, let suiteCalendar, let qcCalendar, let qaCalendar, slotsReader == nil || slots != nil,
              downtime.valid, retestReader == nil || retests != nil,
              changesReader == nil || changes != nil, staffReader == nil || staff != nil,
              stockReader == nil || stock != nil, productsReader == nil || products != nil,
              qcReader == nil || qc != nil else { return nil }
        if (changes ?? []).contains(where: { $0.pool == .slots }) {
            let quota: Bool
            if case .quota? = slots?.allocation { quota = true } else { quota = false }
            if slots == nil || quota {
                changesReader?.report(slots == nil ? "the plant allocates no slots: a change of 'slots' needs a slots section"
                    : "slots allocated by quota change with each centre's quota, not with 'slots'; use allocation share or pooled")
                return nil
            }
            if let big = changes?.first(where: { $0.pool == .slots && $0.capacity > SlotsSection.maximumPerPeriod }) {
                changesReader?.report("slots per period are at most \(SlotsSection.maximumPerPeriod), got \(big.capacity)")
                return nil
            }
        }
        let mostSuites = (changes ?? []).filter { $0.pool == .suites }.reduce(suites) { max($0, $1.capacity) }
        if downtime.spec?.failures != nil, mostSuites > maximumSuitesWithFailures {
            plant.reader.child("failures")?.report("each suite has its own failure clock: at most "
                + "\(maximumSuitesWithFailures) suites with failures, got \(mostSuites)")
            return nil
        }
        guard distinctPoolNames(staff ?? [], stock ?? [], in: plant) else { return nil }
        var spec = PlantSpec(name: entry.name, intake: intake, suites: suites, suiteCalendar: suiteCalendar,
                             discipline: discipline, qcCapacity: qcCapacity, qcCalendar: qcCalendar,
                             qaCalendar: qaCalendar)
        spec.slots = slots
        spec.downtime = downtime.spec
        spec.qcRetests = retests
        spec.capacityChanges = changes ?? []
        spec.products = products
        spec.qcDuration = qc
        spec.staff = staff ?? []
        spec.stock = stock ?? []
        return spec
    }
}
