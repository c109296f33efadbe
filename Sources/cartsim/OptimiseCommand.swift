import Experiments

/// `cartsim optimise SCENARIO --var PATH=MIN..MAX[:STEP][@COST]... --minimise KPI|decisions
/// [--constraint 'KPI<=VALUE']... [options]`.
enum OptimiseCommand {
    /// The options of this command beyond ``AnalystOptions/commonOptions``.
    static let ownOptions = ["--var", "--minimise", "--maximise", "--constraint", "--max-replications"]
    /// Every option `optimise` knows.
    static var options: [String] { AnalystOptions.commonOptions + ownOptions }

    static func run(_ arguments: [String]) throws -> Int32 {
        var variables: [OptimiseProblem.Variable] = []
        var constraints: [CapacityPlanTarget] = []
        var objective: OptimiseProblem.Objective?
        var maximumReplications: Int?
        let parsed = try AnalystOptions.parse(
            arguments, command: "optimise", help: Help.optimise,
            extraOptions: ownOptions
        ) { option, parser throws(UsageError) in
            switch option {
            case "--var": variables.append(try OptimiseProblem.Variable(parsing: parser.value(for: option)))
            case "--minimise", "--maximise":
                guard objective == nil else { throw UsageError("give one objective: --minimise or --maximise, once") }
                objective = try OptimiseProblem.Objective(parsing: parser.value(for: option), maximise: option == "--maximise")
            case "--constraint": constraints.append(try CapacityPlanTarget(parsing: parser.value(for: option)))
            case "--max-replications": maximumReplications = try parser.integer(for: option, in: 2...1_000_000)
            default: return false
            }
            return true
        }
        guard let options = parsed else { return 0 }
        guard options.files.count == 1, let objective else {
            throw UsageError("optimise needs a scenario file, --var PATH=MIN..MAX and --minimise KPI|decisions "
                             + "(see cartsim optimise --help)")
        }
        let problem = try OptimiseProblem(variables: variables, objective: objective, constraints: constraints)
        guard let optimisation = try AnalystOptions.loaded({
            try OptimiseRun(scenarioFile: options.files[0], problem: problem, settings: options.settings,
                            maximumReplications: maximumReplications)
        }) else { return 2 }
        return try options.runStoppable(
            defaultFolder: optimisation.defaultFolder, source: optimisation.resultsSource, unit: "points of this round",
            execute: { try optimisation.execute(writingTo: $0, interrupted: $1, progress: $2, extras: $3) },
            isComplete: { !$0.interrupted }, report: optimisation.report)
    }
}
