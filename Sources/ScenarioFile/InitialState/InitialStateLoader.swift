import OutputSchema
import SimKernel

/// Reads a pipeline snapshot (`cartsim run --initial-state pipeline.csv`): the patients in
/// flight when the run starts, one per row, checked against the scenario as strictly as a
/// scenario file — every problem is reported at its line and column, all of them at once.
///
/// Columns, by header name in any order (`Scenarios/README.md`, "Starting from today's
/// pipeline", documents each): `patient`, `centre`, `indication`, `referral`, `stage`, `since`;
/// optional `product`, `holding`, `plant`, `to`, `step`, `apheresis_start`, `apheresis_end`,
/// `booked_infusion`, `manufacturing_attempts`, `material_rounds`, `bridged`. A time is a date
/// (`2026-03-02`, midnight), a date and time on the simulation clock (`2026-03-02T14:30`,
/// seconds allowed), or a number of days relative to the start of the run (`-3.5`); no time
/// may lie after the start.
public enum InitialStateLoader {
    /// The most patients a snapshot may hold.
    public static let maximumPatients = 1_000_000
    /// The columns a snapshot may have, required ones first.
    public static let requiredColumns = ["patient", "centre", "indication", "referral", "stage", "since"]
    public static let optionalColumns = ["product", "holding", "plant", "to", "step", "apheresis_start", "apheresis_end",
                                         "booked_infusion", "manufacturing_attempts", "material_rounds", "bridged"]
    /// The stages a patient of a snapshot may be in (`infusion` is instantaneous).
    public static let stages = Stage.allCases.filter { $0 != .infusion }
    /// What a patient in a stage may hold, by its word in the `holding` column.
    public static let heldResource: [Stage: String] = [
        .apheresis: "chair", .freezing: "freezer", .manufacturing: "suite", .qcTesting: "qc", .waitlist: "slot",
        .storage: "bed", .lymphodepletion: "bed", .postInfusion: "bed",
    ]
    /// Stages whose resource every patient in them holds.
    public static let alwaysHolding: Set<Stage> = [.manufacturing, .lymphodepletion, .postInfusion]

    /// `scenario` started from the snapshot at `path`: its patients placed at the start, no
    /// warm-up (the run starts from the pipeline, not from empty), and a content hash that
    /// covers the snapshot, so that another snapshot is another scenario.
    public static func start(_ scenario: ScenarioDescription, from path: String) throws(ScenarioErrors) -> ScenarioDescription {
        let (patients, bytes) = try load(path: path, scenario: scenario)
        var started = scenario
        started.initialState = patients
        started.simulation.warmup = 0
        started.sourceHash = ContentHash.fnv1a64(Array(scenario.sourceHash.utf8) + bytes)
        return started
    }

    /// The patients of the snapshot at `path`, in file order, and the file's bytes (a run's
    /// scenario hash covers them).
    public static func load(path: String, scenario: ScenarioDescription) throws(ScenarioErrors)
        -> (patients: [InitialPatient], bytes: [UInt8]) {
        let sink = DiagnosticSink()
        let bytes: [UInt8]
        switch FileBytes.read(path) {
        case .success(let read): bytes = read
        case .failure(let failure):
            throw ScenarioErrors(at: SourceLocation(file: path, line: 1, column: 1),
                                 "cannot read the pipeline snapshot: \(failure.reason)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ScenarioErrors(at: SourceLocation(file: path, line: 1, column: 1),
                                 "not UTF-8 text; expected a CSV file of the patients in flight")
        }
        var reader = InitialStateReader(path: path, sink: sink, scenario: scenario)
        let patients = reader.read(text)
        try sink.throwIfAny()
        return (patients, bytes)
    }
}

/// Reads the rows of one snapshot, reporting each problem at its line and column.
private struct InitialStateReader {
    let path: String
    let sink: DiagnosticSink
    let scenario: ScenarioDescription

    init(path: String, sink: DiagnosticSink, scenario: ScenarioDescription) {
        self.path = path
        self.sink = sink
        self.scenario = scenario
    }

    /// One row being read: its fields by column name, and where each starts.
    private struct Row {
        let line: Int
        let fields: [String]
        let header: [String: Int]

        func text(_ column: String) -> String? {
            header[column].map { String(fields[$0].trimmingSpaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }

        /// The 1-based character column where field `column` starts.
        func position(_ column: String) -> Int {
            guard let index = header[column] else { return 1 }
            return fields.prefix(index).reduce(1) { $0 + $1.count + 1 }
        }
    }

    private func report(_ message: String, _ row: Row, _ column: String) {
        sink.report(message, at: SourceLocation(file: path, line: row.line, column: row.position(column)), path: column)
    }

    private func report(_ message: String, line: Int) {
        sink.report(message, at: SourceLocation(file: path, line: line, column: 1), path: "")
    }

    mutating func read(_ text: String) -> [InitialPatient] {
        var csv = CSVReader(text.hasSuffix("\n") ? text : text + "\n")
        var patients: [InitialPatient] = []
        var ids: [String: Int] = [:]
        do {
            guard let first = try csv.next() else {
                report("the snapshot is empty; expected a header such as '"
                       + InitialStateLoader.requiredColumns.joined(separator: ",") + "'", line: 1)
                return []
            }
            guard let header = readHeader(first) else { return [] }
            while let fields = try csv.next() {
                if fields.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
                guard fields.fields.count == first.fields.count else {
                    report("expected \(first.fields.count) fields as in the header, got \(fields.fields.count)",
                           line: fields.line)
                    continue
                }
                guard patients.count < InitialStateLoader.maximumPatients else {
                    report("a snapshot holds at most \(InitialStateLoader.maximumPatients) patients", line: fields.line)
                    break
                }
                let row = Row(line: fields.line, fields: fields.fields, header: header)
                if let id = row.text("patient"), let earlier = ids.updateValue(row.line, forKey: id) {
                    report("the patient '\(id)' is already on line \(earlier); give each patient one row", row, "patient")
                    continue
                }
                if let patient = patient(row) { patients.append(patient) }
            }
        } catch {
            report("not a CSV file: \(error.message)", line: error.line)
        }
        checkHeldUnits(patients)
        return patients
    }

    private func readHeader(_ first: (line: Int, fields: [String])) -> [String: Int]? {
        var header: [String: Int] = [:]
        let known = InitialStateLoader.requiredColumns + InitialStateLoader.optionalColumns
        var column = 1, valid = true
        for (index, field) in first.fields.enumerated() {
            let name = String(field.trimmingSpaces)
            let at = SourceLocation(file: path, line: first.line, column: column)
            column += field.count + 1
            if !known.contains(name) {
                let hint = Suggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" }
                    ?? "; the columns are " + known.joined(separator: ", ")
                sink.report("unknown column '\(name)'\(hint)", at: at, path: name)
                valid = false
            } else if header[name] != nil {
                sink.report("the column '\(name)' appears twice", at: at, path: name)
                valid = false
            }
            header[name] = header[name] ?? index
        }
        let missing = InitialStateLoader.requiredColumns.filter { header[$0] == nil }
        if !missing.isEmpty {
            report("the header lacks the column\(missing.count == 1 ? "" : "s") " + missing.joined(separator: ", ")
                   + "; the required columns are " + InitialStateLoader.requiredColumns.joined(separator: ", "),
                   line: first.line)
            valid = false
        }
        return valid ? header : nil
    }

    // MARK: One patient

    /// The patient of a row, or nil after reporting its problems.
    private func patient(_ row: Row) -> InitialPatient? {
        var valid = true
        func fail(_ message: String, _ column: String) {
            report(message, row, column)
            valid = false
        }
        guard let id = row.text("patient") else {
            fail("expected the patient's id", "patient")
            return nil
        }
        let centreName = row.text("centre") ?? ""
        let centre = scenario.centres.first { $0.name == centreName }
        if centre == nil {
            fail("unknown centre '\(centreName)'" + choice(centreName, scenario.centres.map(\.name), "centres"), "centre")
        }
        let indicationName = row.text("indication") ?? ""
        let indication = scenario.indications.first { $0.name == indicationName }
        if indication == nil {
            fail("unknown indication '\(indicationName)'" + choice(indicationName, scenario.indications.map(\.name), "indications"),
                 "indication")
        }
        let stageName = row.text("stage") ?? ""
        let stage = Stage.allCases.first { $0.name == stageName }
        if stage == .infusion {
            fail("'infusion' is instantaneous: a patient waiting for a bed after lymphodepletion is in 'lymphodepletion', "
                 + "an infused one in 'post_infusion'", "stage")
        } else if stage == nil {
            fail("unknown stage '\(stageName)'" + choice(stageName, InitialStateLoader.stages.map(\.name), "stages"), "stage")
        }
        let referral = time(row, "referral", required: true)
        let since = time(row, "since", required: true)
        if referral == nil || since == nil { valid = false }
        guard valid, let centre, let indication, let stage, let referral, let since,
              let product = scenario.products.first(where: { $0.name == indication.product }) else { return nil }
        if let named = row.text("product"), named != product.name {
            fail("the indication '\(indication.name)' is treated with '\(product.name)', not '\(named)'", "product")
        }
        if since < referral { fail("the stage began before the referral (\(row.text("referral")!))", "since") }
        let routed = stage.rawValue >= Stage.shippingToPlant.rawValue
        let collected = stage.rawValue > Stage.apheresis.rawValue

        // What the patient holds.
        let holding = self.holding(row, stage: stage, fail: fail)
        // The plant.
        let plantName = row.text("plant") ?? centre.plant(for: product.name)
        let plant = scenario.plants.first { $0.name == plantName }
        if !routed, row.text("plant") != nil {
            fail("a patient in '\(stage.name)' has not been sent to a plant yet; leave the plant empty", "plant")
        } else if plant == nil {
            fail("unknown plant '\(plantName)'" + choice(plantName, scenario.plants.map(\.name), "plants"), "plant")
        } else if let plant, !plant.makes(product.name) {
            fail("the plant '\(plant.name)' does not make '\(product.name)' (its products: "
                 + (plant.products ?? []).joined(separator: ", ") + ")", "plant")
        }
        // Where a shipment goes.
        let hub = centre.cryopreservationHub
        var toHub = false
        if let to = row.text("to") {
            switch stage {
            case .shippingToPlant where to == hub && product.startingMaterial == .cryopreserved: toHub = true
            case .shippingToPlant where to == plantName: break
            case .shippingToPlant:
                fail("the material goes to the plant '\(plantName)'"
                     + (hub != nil && product.startingMaterial == .cryopreserved ? " or to the hub '\(hub!)'" : "")
                     + ", not to '\(to)'", "to")
            case .shippingToCentre where to == centre.name: break
            case .shippingToCentre: fail("the product goes back to the centre '\(centre.name)', not to '\(to)'", "to")
            default: fail("only a patient in a shipping stage has a destination; leave 'to' empty", "to")
            }
        }
        if routed, let plant, valid {
            checkLanes(row, stage: stage, centre: centre, plant: plant.name, hub: product.startingMaterial == .cryopreserved ? hub : nil,
                       toHub: toHub, fail: fail)
        }
        if stage == .freezing {
            if product.startingMaterial != .cryopreserved {
                fail("'\(product.name)' ships fresh: its material is never frozen", "stage")
            } else if hub == nil && centre.freezer == nil {
                fail("the centre '\(centre.name)' has neither a freezer nor a hub", "stage")
            }
        }
        if stage == .waitlist, scenario.plants.first(where: { $0.name == centre.plant })?.slots == nil {
            fail("the centre's plant '\(centre.plant)' allocates no slots, so there is no waitlist", "stage")
        }
        // The running step.
        var step = 0
        if let name = row.text("step") {
            if stage != .manufacturing {
                fail("only a patient in 'manufacturing' runs a step; leave 'step' empty", "step")
            } else if let index = product.manufacturingSteps.firstIndex(where: { $0.name == name }) {
                step = index
            } else {
                fail("'\(product.name)' has no step '\(name)'" + choice(name, product.manufacturingSteps.map(\.name), "steps"), "step")
            }
        }
        // Collection times.
        var apheresisStart = time(row, "apheresis_start", required: collected)
        let apheresisEnd = time(row, "apheresis_end", required: collected)
        if stage == .apheresis, holding, apheresisStart == nil { apheresisStart = since }
        if !collected {
            if row.text("apheresis_end") != nil { fail("a patient in '\(stage.name)' has no collected material yet", "apheresis_end") }
            if stage != .apheresis, row.text("apheresis_start") != nil {
                fail("a patient in '\(stage.name)' has not been collected yet", "apheresis_start")
            }
        }
        if let start = apheresisStart, start < referral { fail("the collection began before the referral", "apheresis_start") }
        if let start = apheresisStart, let end = apheresisEnd, end < start {
            fail("the collection ended before it began (apheresis_start)", "apheresis_end")
        }
        if let end = apheresisEnd, end > since { fail("the collection ended after the stage began (since)", "apheresis_end") }
        // The booked infusion.
        var bookedInfusion = time(row, "booked_infusion", required: stage == .storage && holding, future: true)
        let lymphodepletion = product.lymphodepletion
        switch stage {
        case .storage where holding:
            if let booked = bookedInfusion, booked - lymphodepletion < 0 {
                fail("lymphodepletion for this infusion would have begun before the start of the run; "
                     + "a patient in lymphodepletion is in the stage 'lymphodepletion'", "booked_infusion")
            }
        case .lymphodepletion:
            if since + lymphodepletion <= 0, (bookedInfusion ?? 0) <= 0 {
                fail("lymphodepletion (\(Ticks.days(lymphodepletion)) d) ended before the start of the run; a patient "
                     + "waiting for the infusion needs a booked_infusion after the start, an infused one is in 'post_infusion'",
                     "since")
            }
            if let booked = bookedInfusion, booked < since + lymphodepletion {
                fail("the infusion is booked before lymphodepletion ends", "booked_infusion")
            }
            bookedInfusion = bookedInfusion ?? since + lymphodepletion
        default:
            if row.text("booked_infusion") != nil {
                fail("only a patient in storage holding a bed, or in lymphodepletion, has a booked infusion", "booked_infusion")
            }
        }
        // Attempts.
        let maxAttempts = product.outOfSpecification.maxAttempts
        let manufactured = stage.rawValue >= Stage.manufacturing.rawValue
        let attempts = count(row, "manufacturing_attempts", default: manufactured ? 1 : 0,
                             range: manufactured ? 1...maxAttempts : 0...(maxAttempts - 1), fail: fail)
        let rounds = count(row, "material_rounds", default: collected ? 1 : 0,
                           range: collected ? 1...maxAttempts : 0...(maxAttempts - 1), fail: fail)
        let bridged = flag(row, "bridged", fail: fail)
        if bridged && !collected { fail("bridging therapy follows collection; a patient in '\(stage.name)' has none yet", "bridged") }
        guard valid, let plant else { return nil }
        return InitialPatient(id: id, centre: centre.name, indication: indication.name, product: product.name,
                              referral: referral, stage: stage, since: since, holding: holding, plant: plant.name,
                              toHub: toHub, step: step, apheresisStart: apheresisStart, apheresisEnd: apheresisEnd,
                              bookedInfusion: bookedInfusion, manufacturingAttempts: attempts, materialRounds: rounds,
                              bridged: bridged, line: row.line)
    }

    /// What a patient in `stage` may hold, by its word in the `holding` column.
    static let heldResource = InitialStateLoader.heldResource
    /// Stages whose resource every patient in them holds.
    static let alwaysHolding = InitialStateLoader.alwaysHolding

    private func holding(_ row: Row, stage: Stage, fail: (String, String) -> Void) -> Bool {
        let held = Self.heldResource[stage]
        guard let word = row.text("holding") else { return Self.alwaysHolding.contains(stage) }
        guard let held else {
            fail("a patient in '\(stage.name)' holds nothing; leave 'holding' empty", "holding")
            return false
        }
        guard word == held else {
            fail("a patient in '\(stage.name)' can hold a \(held), not '\(word)'", "holding")
            return false
        }
        return true
    }

    /// Reports a missing lane the patient's material or product still has to travel.
    private func checkLanes(_ row: Row, stage: Stage, centre: CentreSpec, plant: String, hub: String?, toHub: Bool,
                            fail: (String, String) -> Void) {
        var legs: [(String, String)] = []
        if stage == .shippingToPlant {
            legs.append(toHub ? (centre.name, hub!) : (hub ?? centre.name, plant))
            if toHub { legs.append((hub!, plant)) }
        }
        if stage.rawValue <= Stage.shippingToCentre.rawValue { legs.append((plant, centre.name)) }
        for (origin, destination) in legs where scenario.lane(from: origin, to: destination) == nil {
            fail("the scenario has no lane from '\(origin)' to '\(destination)'", row.text("plant") == nil ? "stage" : "plant")
        }
    }

    /// ", did you mean …" or the list of candidates.
    private func choice(_ word: String, _ candidates: [String], _ noun: String) -> String {
        Suggestion.closest(to: word, among: candidates).map { "; did you mean '\($0)'?" }
            ?? "; the \(noun) are " + candidates.joined(separator: ", ")
    }

    // MARK: Fields

    /// A time field, in seconds since the start of the run (≤ 0 unless `future`: a booking).
    private func time(_ row: Row, _ column: String, required: Bool, future: Bool = false) -> SimTime? {
        guard let text = row.text(column) else {
            if required { report("expected a date, a date and time or a day relative to the start in '\(column)'", row, column) }
            return nil
        }
        let time: SimTime
        if let days = Double(text) {
            guard days.isFinite, abs(days) < 3_650_000 else {
                report("expected a number of days relative to the start of the run, got '\(text)'", row, column)
                return nil
            }
            time = SimTime((days * Double(Ticks.day)).rounded())
        } else {
            let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
            let day: Int
            do { day = try Units.date(parts[0]) } catch {
                report("expected a date (YYYY-MM-DD), a date and time (YYYY-MM-DDTHH:MM[:SS]) or days relative to the start, got '\(text)'",
                       row, column)
                return nil
            }
            var seconds: SimTime = 0
            if parts.count == 2 {
                do { seconds = try Units.timeOfDay(parts[1]) } catch {
                    report(error.message, row, column)
                    return nil
                }
            } else if parts.count > 2 {
                report("expected a date and time as YYYY-MM-DDTHH:MM, got '\(text)'", row, column)
                return nil
            }
            time = SimTime(day - scenario.simulation.startDate.dayNumber) * Ticks.day + seconds
        }
        guard time <= 0 || future else {
            report("'\(text)' is after the start of the run (\(scenario.simulation.startDate)); a snapshot holds the past",
                   row, column)
            return nil
        }
        return time
    }

    private func count(_ row: Row, _ column: String, default value: Int, range: ClosedRange<Int>,
                       fail: (String, String) -> Void) -> Int {
        guard let text = row.text(column) else { return value }
        guard let count = Int(text), range.contains(count) else {
            fail("expected a whole number from \(range.lowerBound) to \(range.upperBound) for this stage "
                 + "and the product's max_attempts, got '\(text)'", column)
            return value
        }
        return count
    }

    private func flag(_ row: Row, _ column: String, fail: (String, String) -> Void) -> Bool {
        guard let text = row.text(column) else { return false }
        switch text.lowercased() {
        case "yes", "true", "1": return true
        case "no", "false", "0": return false
        default:
            fail("expected yes or no, got '\(text)'", column)
            return false
        }
    }

    // MARK: Capacity

    /// Reports patients holding more units than a site has at the start: chairs, freezers,
    /// suites, QC capacity, beds.
    private func checkHeldUnits(_ patients: [InitialPatient]) {
        var held: [String: (count: Int, capacity: Int)] = [:]
        for patient in patients where patient.holding {
            guard let centre = scenario.centres.first(where: { $0.name == patient.centre }) else { continue }
            let plant = scenario.plants.first { $0.name == patient.plant }
            let unit: (key: String, capacity: Int)?
            switch patient.stage {
            case .apheresis: unit = ("apheresis chairs at \(centre.name)", centre.apheresisChairs)
            case .freezing:
                if let hub = centre.cryopreservationHub, let spec = scenario.hubs.first(where: { $0.name == hub }) {
                    unit = ("freezers at the hub \(hub)", spec.freezer.capacity)
                } else {
                    unit = ("freezers at \(centre.name)", centre.freezer?.capacity ?? 0)
                }
            case .manufacturing: unit = plant.map { ("suites at \($0.name)", $0.suites) }
            case .qcTesting: unit = plant.map { ("QC capacity at \($0.name)", $0.qcCapacity) }
            case .postInfusion: unit = ("beds at \(centre.name)", centre.beds)
            default: unit = nil
            }
            guard let unit else { continue }
            let count = (held[unit.key]?.count ?? 0) + 1
            held[unit.key] = (count, unit.capacity)
            if count == unit.capacity + 1 {
                sink.report("more patients hold \(unit.key) than there are (\(unit.capacity)) at the start of the run",
                            at: SourceLocation(file: path, line: patient.line, column: 1), path: "holding")
            }
        }
    }
}
