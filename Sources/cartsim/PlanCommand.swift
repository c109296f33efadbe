import Experiments

/// `cartsim plan SCENARIO --vary PATH --min A --max B --target 'KPI<=VALUE' [options]`.
enum PlanCommand {
    /// The options of this command beyond ``AnalystOptions/commonOptions``.
    static let ownOptions = ["--vary", "--min", "--max", "--target"]
    /// Every option `plan` knows.
    static var options: [String] { AnalystOptions.commonOptions + ownOptions }

    static func run(_ arguments: [String]) throws -> Int32 {
        var path: String?, minimum: Int?, maximum: Int?, target: CapacityPlanTarget?
        let parsed = try AnalystOptions.parse(arguments, command: "plan", help: Help.plan,
                                              extraOptions: ownOptions) { option, parser throws(UsageError) in
            switch option {
            case "--vary": path = try parser.value(for: option)
            case "--min": minimum = try parser.integer(for: option, in: 0...1_000_000_000)
            case "--max": maximum = try parser.integer(for: option, in: 0...1_000_000_000)
            case "--target": target = try CapacityPlanTarget(parsing: parser.value(for: option))
            default: return false
            }
            return true
        }
        guard let options = parsed else { return 0 }
        guard options.files.count == 1, let path, let minimum, let maximum, let target else {
            throw UsageError("plan needs a scenario file, --vary PATH, --min A, --max B and --target 'KPI<=VALUE' "
                             + "(see cartsim plan --help)")
        }
        guard minimum <= maximum else { throw UsageError("--min (\(minimum)) must not exceed --max (\(maximum))") }
        guard let plan = try AnalystOptions.loaded({
            try CapacityPlanRun(scenarioFile: options.files[0], path: path, range: minimum...maximum, target: target,
                                settings: options.settings)
        }) else { return 2 }
        return try options.runStoppable(
            defaultFolder: plan.defaultFolder, source: plan.resultsSource, unit: "evaluations (at most)",
            execute: { try plan.execute(writingTo: $0, interrupted: $1, progress: $2, extras: $3) },
            isComplete: \.complete, report: plan.report)
    }
}
