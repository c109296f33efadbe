import Foundation
import ScenarioFile
import Experiments

/// `cartsim sweep SCENARIO --set PATH=V1,V2,... [--set ...] [options]`.
enum SweepCommand {
    /// The options of this command beyond ``AnalystOptions/commonOptions``.
    static let ownOptions = ["--set"]
    /// Every option `sweep` knows.
    static var options: [String] { AnalystOptions.commonOptions + ownOptions }

    static func run(_ arguments: [String]) throws -> Int32 {
        var axes: [SweepAxis] = []
        let parsed = try AnalystOptions.parse(arguments, command: "sweep", help: Help.sweep, extraOptions: ownOptions) { option, parser throws(UsageError) in
            guard option == "--set" else { return false }
            axes.append(try SweepAxis(argument: parser.value(for: option)))
            return true
        }
        guard let options = parsed else { return 0 }
        guard options.files.count == 1 else {
            throw UsageError("sweep needs one scenario file (see cartsim sweep --help)")
        }
        guard !axes.isEmpty else { throw UsageError("sweep needs at least one --set PATH=V1,V2,... (see cartsim sweep --help)") }
        guard let sweep = try AnalystOptions.loaded({
            try SweepRun(scenarioFile: options.files[0], grid: SweepGrid(axes: axes), settings: options.settings)
        }) else { return 2 }
        return try options.runStoppable(
            defaultFolder: sweep.defaultFolder, source: sweep.resultsSource, unit: "points",
            execute: { try sweep.execute(writingTo: $0, interrupted: $1, progress: $2, extras: $3) },
            isComplete: \.complete, report: { $0.table.report(scenario: sweep.scenarios[0].name, folder: $1) })
    }
}
