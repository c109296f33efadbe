import Foundation
import OutputSchema
import ScenarioFile

/// A complete `cartsim optimise`: every point of the decision grid loaded (and so validated)
/// before anything runs, the search (``OptimiseSearch``) over variants run with common random
/// numbers (``SweepVariants``), and `optimise.csv` (every evaluated point) and `run.json`
/// (the problem, the rounds, the chosen point and how sure it is) written atomically.
public struct OptimiseRun {
    public let problem: OptimiseProblem
    public let variants: SweepVariants
    /// Replications of the screening round, and the most any point may get.
    public let screening: Int
    public let maximum: Int
    public let scenarioName: String
    private let scenarios: [ScenarioDescription]

    /// Loads every point of the grid; replications (for screening) and seed not given are the
    /// scenario's.
    /// - Throws: `ScenarioErrors` (each problem of any point, once) or `UsageError` (an
    ///   unknown KPI, a maximum below the screening replications).
    public init(scenarioFile: String, problem: OptimiseProblem, settings: SweepSettings, maximumReplications: Int?) throws {
        let paths = problem.variables.map(\.path)
        let loaded = try SweepVariants(scenarioFile: scenarioFile, paths: paths, settings: settings)
            .scenarios(values: problem.points.map { $0.map(String.init) })
        let names = KPICatalogue.names(for: loaded[0])
        for kpi in problem.kpis {
            try CapacityPlanTarget(kpi: kpi, relation: .atMost, value: 0).check(among: names)
        }
        let resolved = settings.resolved(from: loaded[0])
        screening = max(2, resolved.replications ?? 2)
        maximum = maximumReplications ?? 8 * screening
        guard maximum >= screening else {
            throw UsageError("--max-replications (\(maximum)) must be at least the screening replications (\(screening))")
        }
        self.problem = problem
        variants = SweepVariants(scenarioFile: scenarioFile, paths: paths, settings: resolved)
        scenarioName = loaded[0].name
        scenarios = loaded
    }

    /// What the results folder holds: an optimisation of the scenario file over the paths.
    public var resultsSource: ResultsDestination.Source {
        .init(kind: "optimise", scenarioFiles: [variants.scenarioFile], settings: variants.paths)
    }

    /// The default output folder: `Results/<scenario name>-optimise`.
    public var defaultFolder: String { "Results/\(scenarioName)-optimise" }

    /// Runs the search and writes `optimise.csv` and `run.json` into `folder`; `interrupted`
    /// stops it, keeping what was evaluated (`complete: false`); `progress` is told the points
    /// evaluated in the current round and the round's total.
    @discardableResult
    public func execute(writingTo folder: ResultsDestination,
                        interrupted: () -> Bool = { false },
                        progress: (Int, Int) -> Void = { _, _ in }, extras: FolderExtras = .none) throws -> OptimiseSearch {
        let start = DispatchTime.now().uptimeNanoseconds
        let search = try OptimiseSearch(problem: problem, screening: screening, maximum: maximum, evaluate: { point, replications in
            try SweepSamples(running: scenarios[point], replications: replications, jobs: variants.settings.jobs)
        }, interrupted: interrupted, progress: progress)
        let chosen = search.chosen.map { search.candidates[$0].point }
        try SweepOutput.write(
            [(ResultsFiles.optimise, csv(search))], kind: "optimise", settings: variants.settings, start: start,
            fields: [
                "scenario": scenarioName, "scenario_file": variants.scenarioFile,
                "variables": problem.variables.map { ["path": $0.path, "values": $0.values, "unit_cost": $0.unitCost] as [String: Any] },
                "objective": problem.objective.description, "objective_kpi": problem.objective.kpi ?? NSNull(),
                "constraints": problem.constraints.map(\.description),
                "constraint_kpis": problem.constraints.map(\.kpi),
                "constraint_values": problem.constraints.map(\.value),
                "screening_replications": screening, "max_replications": maximum,
                "rounds": search.rounds.map { ["replications": $0.replications, "points_in_race": $0.inRace] },
                "chosen": chosen.map { point in Dictionary(uniqueKeysWithValues: zip(problem.variables.map(\.path), point)) as Any }
                    ?? NSNull(),
                "separated": search.separated, "complete": !search.interrupted,
                "evaluated_points": search.candidates.count,
            ],
            extras: extras, to: folder)
        return search
    }

    /// `optimise.csv`: one row per evaluated point, in grid order.
    private func csv(_ search: OptimiseSearch) -> String {
        let kpis = problem.kpis.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var table = CSVText(header: ["point"] + problem.variables.map(\.path) + ["decision_cost", "replications", "status",
                                     "decided_at_replications"] + kpis.flatMap { ["\($0)_mean", "\($0)_ci95_low", "\($0)_ci95_high"] }
                                     + problem.constraints.indices.map { "constraint_\($0 + 1)_met" } + ["frontier"])
        let frontier = frontierPoints(search)
        for (index, candidate) in search.candidates.enumerated() {
            let intervals = kpis.flatMap { kpi -> [String] in
                let interval = candidate.samples.summary(of: kpi)?.interval
                let quantity = Quantity(kpi: kpi).acrossReplications
                return [interval?.mean, interval?.lower, interval?.upper].map { OutputNumber.format($0, quantity) }
            }
            let met = problem.constraints.map { constraint in
                search.isMet(constraint, candidate) ? "yes" : search.isViolated(constraint, candidate) ? "no" : "undecided"
            }
            table.append([String(index)] + candidate.point.map(String.init)
                         + [OutputNumber.format(problem.decisionCost(candidate.point), .level), String(candidate.samples.replications),
                            candidate.status.rawValue, candidate.decidedAt.map(String.init) ?? ""]
                         + intervals + met + [frontier.contains(index) ? "true" : "false"])
        }
        return table.text
    }

    /// The cost-versus-target frontier: among the points that violate none of the other
    /// constraints, those no other such point beats on both the objective and the first
    /// constraint's KPI (its mean, in the constraint's direction) — what relaxing or tightening
    /// that target costs. Empty when there is no constraint to trade against.
    private func frontierPoints(_ search: OptimiseSearch) -> Set<Int> {
        guard let constraint = problem.constraints.first else { return [] }
        let candidates = search.candidates.map { candidate in
            problem.constraints.dropFirst().contains { search.isViolated($0, candidate) } ? nil : candidate
        }
        let sign = constraint.relation == .atMost ? 1.0 : -1.0
        let scores = candidates.map { candidate -> (Double, Double)? in
            guard let candidate else { return nil }
            let mean = candidate.samples.summary(of: constraint.kpi)?.interval.mean ?? .nan
            return (search.objective(candidate), mean.isNaN ? .infinity : sign * mean)
        }
        return Set(scores.indices.filter { index in
            guard let mine = scores[index] else { return false }
            return !scores.contains { other in
                guard let other else { return false }
                return other.0 <= mine.0 && other.1 <= mine.1 && (other.0 < mine.0 || other.1 < mine.1)
            }
        })
    }

    /// What `cartsim optimise` prints: the rounds, the chosen point and how sure it is.
    public func report(_ search: OptimiseSearch, folder: String) -> String {
        let rounds = search.rounds.map { "\($0.replications) reps: \($0.inRace) in the race" }.joined(separator: "; ")
        var lines = ["optimise \(scenarioName): \(search.candidates.count) points screened, \(problem.objective.description)",
                     "rounds: \(rounds)"]
        if let chosen = search.chosen {
            let candidate = search.candidates[chosen]
            let values = zip(problem.variables, candidate.point).map { "\($0.path)=\($1)" }.joined(separator: ", ")
            lines.append("chosen: \(values) (decision cost \(OutputNumber.format(problem.decisionCost(candidate.point), .level)), "
                         + "\(candidate.samples.replications) replications)")
            let contenders = search.candidates.filter { $0.status == .contender }.count
            let ties = search.candidates.filter { $0.status == .tie }.count
            lines.append(problem.constraints.isEmpty ? "no constraints" : "every constraint met with 95 % confidence")
            lines.append(search.separated
                ? "separated: better than every other point left (paired intervals, Bonferroni 95 %)"
                    + (ties > 0 ? "; \(ties) other point(s) tie on decision cost" : "")
                : "not separated: \(contenders) point(s) still in the race at \(maximum) replications (see optimise.csv)")
        } else {
            lines.append("no point meets every constraint with 95 % confidence"
                         + (search.candidates.contains { $0.status == .contender } ? " yet (raise --max-replications)" : ""))
        }
        if search.interrupted { lines.append("interrupted: optimise.csv holds the points evaluated so far (complete: false)") }
        lines.append("→ \(folder)")
        return lines.joined(separator: "\n")
    }
}
