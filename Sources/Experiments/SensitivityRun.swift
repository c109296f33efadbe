import Foundation
import SimRandom
import OutputSchema
import ScenarioFile

/// A complete `cartsim sensitivity`: one-at-a-time perturbations of a scenario's numeric
/// inputs — each set low and high (± a percentage of its value, or given values) with every
/// other input as in the file — run with the base scenario's replications and seed (common
/// random numbers), and each KPI's change from the base measured by a paired 95 % interval.
/// Inputs are ranked by the swing of the first KPI (|high effect − low effect|): the order
/// of a tornado chart. A variant that does not validate (a probability pushed above 1) is
/// skipped and recorded with the reason.
public struct SensitivityRun {
    /// One perturbed input: its path and the values of its low and high variants.
    public struct Input: Sendable {
        public let path: String
        /// The value in the file.
        public let base: String
        public let low: String?
        public let high: String?
    }

    /// The effect of one variant on one KPI.
    public struct Effect: Sendable {
        public let kpi: String
        public let variantMean: Double
        /// The paired difference variant − base.
        public let difference: StudentTInterval
    }

    /// What became of one input.
    public struct Result: Sendable {
        public let input: Input
        /// Effects by KPI (in `kpis` order) of the low and high variants; nil for a side skipped.
        public var low: [Effect]?
        public var high: [Effect]?
        /// The swing of the first KPI, for ranking.
        public var swing: Double {
            let (l, h) = (low?.first?.difference.mean ?? 0, high?.first?.difference.mean ?? 0)
            let swing = abs(h - l)
            return swing.isFinite ? swing : 0
        }
    }

    /// The KPIs reported when none is chosen (those the scenario has).
    public static let defaultKPIs = ["vein_to_vein_p90_days", "not_infused_fraction", "infusions_per_year", "total_cost"]

    public let scenarioFile: String
    public let inputs: [Input]
    public let kpis: [String]
    public let settings: SweepSettings
    /// The relative change of `±` inputs (0.2 for ±20 %).
    public let change: Double
    public let scenarioName: String

    /// Reads the file's inputs: `chosen` (paths, or `PATH=LOW,HIGH`), or every numeric input.
    /// - Throws: `ScenarioErrors` for the file, `UsageError` for a path that holds no number.
    public init(scenarioFile: String, chosen: [String], kpis: [String], change: Double, settings: SweepSettings) throws {
        let base = try settings.scenario(file: scenarioFile)
        let root = try YAMLDocument.load(path: scenarioFile)
        func perturbed(_ input: ScenarioInput) -> Input {
            Input(path: input.path, base: input.text, low: input.scaled(by: 1 - change), high: input.scaled(by: 1 + change))
        }
        var inputs: [Input] = []
        for text in chosen {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                let values = parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard values.count == 2 else {
                    throw UsageError("--input \(parts[0]): expected PATH=LOW,HIGH with two values, got '\(parts[1])'")
                }
                let written = ScenarioInput.at(parts[0], in: root)?.text ?? ""
                inputs.append(Input(path: parts[0], base: written, low: values[0], high: values[1]))
            } else {
                guard let input = ScenarioInput.at(text, in: root) else {
                    throw UsageError("--input \(text): no number or distribution at this path of \(scenarioFile); "
                                     + "give PATH=LOW,HIGH, or a path such as sites.<site>.suites")
                }
                inputs.append(perturbed(input))
            }
        }
        if chosen.isEmpty { inputs = ScenarioInput.all(in: root).map(perturbed) }
        let names = KPICatalogue.names(for: base)
        for kpi in kpis { try CapacityPlanTarget(kpi: kpi, relation: .atMost, value: 0).check(among: names) }
        self.scenarioFile = scenarioFile
        self.inputs = inputs
        self.kpis = kpis.isEmpty ? Self.defaultKPIs.filter(names.contains) : kpis
        self.settings = settings.resolved(from: base)
        self.change = change
        scenarioName = base.name
    }

    /// What the results folder holds: a sensitivity analysis of the scenario file.
    public var resultsSource: ResultsDestination.Source { .init(kind: "sensitivity", scenarioFiles: [scenarioFile]) }

    /// The default output folder: `Results/<scenario name>-sensitivity`.
    public var defaultFolder: String { "Results/\(scenarioName)-sensitivity" }

    /// The variants to run: one base and two per input.
    public var variantCount: Int { 1 + 2 * inputs.count }

    /// Runs the base and every variant, ranks the inputs and writes `sensitivity.csv` and
    /// `run.json`; `interrupted` stops after the variant in progress, keeping the inputs done.
    @discardableResult
    public func execute(writingTo folder: ResultsDestination, interrupted: () -> Bool = { false },
                        progress: (Int, Int) -> Void = { _, _ in }, extras: FolderExtras = .none) throws -> (results: [Result], skipped: [String], complete: Bool) {
        let start = DispatchTime.now().uptimeNanoseconds
        let variants = SweepVariants(scenarioFile: scenarioFile, paths: [], settings: settings)
        let base = try variants.samples(of: try settings.scenario(file: scenarioFile))
        progress(1, variantCount)
        var results: [Result] = [], skipped: [String] = []
        var complete = true
        for (position, input) in inputs.enumerated() {
            if interrupted() { complete = false; break }
            var result = Result(input: input)
            for (side, value) in [("low", input.low), ("high", input.high)] {
                guard let value else {
                    skipped.append("\(input.path) \(side): nothing to scale")
                    continue
                }
                let variant: ScenarioDescription
                do {
                    variant = try settings.scenario(file: scenarioFile, overrides: [(input.path, value)])
                } catch {
                    skipped.append("\(input.path) \(side) = \(value): \(error.diagnostics.first?.message ?? "invalid")")
                    continue
                }
                let effects = effects(of: try variants.samples(of: variant), against: base)
                if side == "low" { result.low = effects } else { result.high = effects }
            }
            results.append(result)
            progress(2 + 2 * position + 1, variantCount)
        }
        let ranked = results.enumerated().sorted { ($0.element.swing, -$0.offset) > ($1.element.swing, -$1.offset) }.map(\.element)
        try SweepOutput.write(
            [(ResultsFiles.sensitivity, csv(ranked, base: base))], kind: "sensitivity", settings: settings, start: start,
            fields: ["scenario": scenarioName, "scenario_file": scenarioFile, "change": change, "kpis": kpis,
                     "inputs": inputs.count, "inputs_done": results.count, "skipped": skipped, "complete": complete],
            extras: extras, to: folder)
        return (ranked, skipped, complete)
    }

    private func effects(of samples: SweepSamples, against base: SweepSamples) -> [Effect] {
        kpis.map { kpi in
            let variant = samples.values(of: kpi) ?? [], reference = base.values(of: kpi) ?? []
            let differences = zip(variant, reference).map { $0 - $1 }.filter(\.isFinite)
            return Effect(kpi: kpi, variantMean: KPISummary(name: kpi, values: variant).interval.mean,
                          difference: StudentTInterval(values: differences, confidence: 0.95))
        }
    }

    /// The header of `sensitivity.csv`.
    public static let header = ["rank", "input", "base_value", "side", "value", "kpi", "base_mean", "variant_mean",
                                "effect_mean", "effect_ci95_low", "effect_ci95_high", "significant", "replications"]

    /// `sensitivity.csv`: one row per input, side and KPI, inputs by rank.
    private func csv(_ ranked: [Result], base: SweepSamples) -> String {
        var table = CSVText(header: Self.header)
        for (rank, result) in ranked.enumerated() {
            for (side, value, effects) in [("low", result.input.low, result.low), ("high", result.input.high, result.high)] {
                guard let value, let effects else { continue }
                for effect in effects {
                    let quantity = Quantity(kpi: effect.kpi).acrossReplications
                    let d = effect.difference
                    let significant = d.count >= 2 && d.halfWidth.isFinite && (d.lower > 0 || d.upper < 0)
                    table.append([String(rank + 1), result.input.path, result.input.base, side, value, effect.kpi,
                                  OutputNumber.format(base.summary(of: effect.kpi)?.interval.mean, quantity),
                                  OutputNumber.format(effect.variantMean, quantity), OutputNumber.format(d.mean, quantity),
                                  OutputNumber.format(d.lower, quantity), OutputNumber.format(d.upper, quantity),
                                  String(significant), String(d.count)])
                }
            }
        }
        return table.text
    }

    /// What `cartsim sensitivity` prints: the inputs that move the first KPI most.
    public func report(_ outcome: (results: [Result], skipped: [String], complete: Bool), folder: String) -> String {
        guard let kpi = kpis.first else { return "→ \(folder)" }
        var lines = ["sensitivity \(scenarioName): \(outcome.results.count) inputs at ±\(plannerNumber(change * 100)) %, "
                     + "\(settings.replications ?? 0) replications each; largest swings of \(kpi):"]
        for result in outcome.results.prefix(10) {
            func side(_ effects: [Effect]?) -> String {
                guard let d = effects?.first?.difference, d.mean.isFinite else { return "—" }
                return String(format: "%+.3f [%+.3f, %+.3f]", d.mean, d.lower, d.upper)
            }
            lines.append("  \(result.input.path): low \(side(result.low)), high \(side(result.high))")
        }
        if !outcome.skipped.isEmpty { lines.append("\(outcome.skipped.count) variant(s) skipped (run.json lists why)") }
        if !outcome.complete { lines.append("interrupted: sensitivity.csv holds the inputs done so far (complete: false)") }
        lines.append("→ \(folder)")
        return lines.joined(separator: "\n")
    }
}
