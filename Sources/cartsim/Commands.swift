/// The commands of cartsim, in the order of the top-level help: what the dispatcher runs,
/// `cartsim help COMMAND` prints and `cartsim completion` completes.
struct Command: Sendable {
    let name: String
    /// Other names it answers to.
    var aliases: [String] = []
    /// One line for the shell completion's menu.
    let summary: String
    /// Its help text.
    let help: String
    /// The options it knows.
    let options: [String]
    let run: @Sendable ([String]) throws -> Int32

    static let all: [Command] = [
        Command(name: "run", summary: "Simulate a scenario file and write CSV results", help: Help.run,
                options: RunCommand.options, run: RunCommand.run),
        Command(name: "validate", summary: "Check scenario files", help: Help.validate,
                options: ValidateCommand.options, run: ValidateCommand.run),
        Command(name: "merge", summary: "Combine the folders of a sharded run", help: Help.merge,
                options: MergeCommand.options, run: MergeCommand.run),
        Command(name: "compare", summary: "Compare two scenarios with common random numbers", help: Help.compare,
                options: CompareCommand.options, run: CompareCommand.run),
        Command(name: "sweep", summary: "Run a grid of values of scenario keys", help: Help.sweep,
                options: SweepCommand.options, run: SweepCommand.run),
        Command(name: "plan", summary: "Find the smallest capacity that meets a KPI target", help: Help.plan,
                options: PlanCommand.options, run: PlanCommand.run),
        Command(name: "optimise", aliases: ["optimize"], summary: "Choose several capacities at once", help: Help.optimise,
                options: OptimiseCommand.options, run: OptimiseCommand.run),
        Command(name: "sensitivity", summary: "Rank inputs by their effect on KPIs", help: Help.sensitivity,
                options: SensitivityCommand.options, run: SensitivityCommand.run),
        Command(name: "report", summary: "Write report.html into a results folder", help: Help.report,
                options: ReportCommand.options, run: ReportCommand.run),
        Command(name: "export", summary: "Write results.xlsx into the results folder of a run", help: Help.export,
                options: ExportCommand.options, run: ExportCommand.run),
        Command(name: "verify", summary: "Rerun a traced run and compare it event by event", help: Help.verify,
                options: VerifyCommand.options, run: VerifyCommand.run),
        Command(name: "completion", summary: "Print a bash or zsh completion script", help: Help.completion,
                options: ["--help"], run: CompletionCommand.run),
    ]

    /// The command called `name` (or one of its aliases).
    static func named(_ name: String) -> Command? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }
}
