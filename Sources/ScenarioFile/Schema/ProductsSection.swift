import SimKernel
import SimRandom

/// The `products` section: each product's starting material, manufacturing steps, release
/// testing, yield chain and out-of-specification policy. Durations are read in seconds.
enum ProductsSection {
    static let keys = ["starting_material", "fresh_hold_time", "manufacturing", "qc", "qa_release",
                       "lymphodepletion", "lymphodepletion_plan", "infusion_window", "yield", "out_of_spec"]

    static let defaultFreshHoldTime = 72 * Ticks.hour
    static let defaultQARelease = Distribution.fixedDuration(4 * Ticks.hour)
    static let defaultLymphodepletion = 5 * Ticks.day
    static let defaultInfusionWindow = 14 * Ticks.day

    /// Every product that decoded, in file order; reports an empty section.
    static func read(_ reader: NodeReader) -> [Decoded<ProductSpec>] {
        guard let entries = reader.namedEntries() else { return [] }
        if entries.isEmpty { reader.report("expected at least one product") }
        return entries.compactMap { entry in read(entry).map { Decoded(spec: $0, entry: entry) } }
    }

    private static func read(_ entry: NamedEntry) -> ProductSpec? {
        guard let product = entry.value.mapping(allowedKeys: keys) else { return nil }
        let material = product.required("starting_material")?.enumeration(StartingMaterial.self)
        let freshHold = product.optional("fresh_hold_time")?.duration() ?? defaultFreshHoldTime
        let steps = product.required("manufacturing").flatMap(readSteps)
        let qc = product.required("qc")?.distribution(of: .duration)
        let qaRelease = product.optional("qa_release")?.distribution(of: .duration) ?? defaultQARelease
        let lymphodepletion = product.optional("lymphodepletion")?.duration() ?? defaultLymphodepletion
        let plan = product.optional("lymphodepletion_plan")?.enumeration(LymphodepletionPlan.self) ?? .onArrival
        let window = product.optional("infusion_window")?.duration() ?? defaultInfusionWindow
        let yield = product.optional("yield").map(YieldSection.read) ?? YieldSection.alwaysInSpecification
        let outOfSpec = product.optional("out_of_spec").map(OutOfSpecSection.read) ?? OutOfSpecSection.default
        guard let material, let steps, let qc, let yield, let outOfSpec else { return nil }
        return ProductSpec(name: entry.name, startingMaterial: material, freshHoldTime: freshHold,
                           manufacturingSteps: steps, qcDuration: qc, qaReleaseWork: qaRelease, yield: yield,
                           outOfSpecification: outOfSpec, lymphodepletion: lymphodepletion,
                           lymphodepletionPlan: plan, infusionWindow: window)
    }

    /// `manufacturing`: a non-empty list of single-key mappings `step-name: duration`, with
    /// distinct names (each step has its own random stream, named after it).
    private static func readSteps(_ reader: NodeReader) -> [ProcessStep]? {
        guard let items = reader.list() else { return nil }
        if items.isEmpty { reader.report("expected at least one manufacturing step, e.g. '- expansion: 7d'") }
        var seen: Set<String> = []
        let steps = items.map { item -> ProcessStep? in
            guard case .mapping(let entries) = item.node.kind, entries.count == 1,
                  let step = item.namedEntries()?.first
            else {
                item.reportMismatch(expected: "a step written as a single-key mapping such as 'expansion: 7d'")
                return nil
            }
            guard seen.insert(step.name).inserted else {
                step.report("the step '\(step.name)' appears twice; give each step its own name")
                return nil
            }
            return step.value.distribution(of: .duration).map { ProcessStep(name: step.name, duration: $0) }
        }
        return items.isEmpty ? nil : steps.allOrNone()
    }
}
