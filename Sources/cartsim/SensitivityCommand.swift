import Experiments

/// `cartsim sensitivity SCENARIO [--input PATH[=LOW,HIGH]]... [--change PERCENT] [--kpi KPI]... [options]`.
enum SensitivityCommand {
    /// The options of this command beyond ``AnalystOptions/commonOptions``.
    static let ownOptions = ["--input", "--kpi", "--change"]
    /// Every option `sensitivity` knows.
    static var options: [String] { AnalystOptions.commonOptions + ownOptions }

    static func run(_ arguments: [String]) throws -> Int32 {
        var inputs: [String] = [], kpis: [String] = []
        var change = 0.2
        let parsed = try AnalystOptions.parse(arguments, command: "sensitivity", help: Help.sensitivity,
                                              extraOptions: ownOptions) { option, parser throws(UsageError) in
            switch option {
            case "--input": inputs.append(try parser.value(for: option))
            case "--kpi": kpis.append(try parser.value(for: option))
            case "--change":
                let text = try parser.value(for: option)
                guard let percent = Double(text.hasSuffix("%") ? String(text.dropLast()) : text), percent > 0, percent < 100 else {
                    throw UsageError("--change expects a percentage between 0 and 100 (exclusive), e.g. 20%, got '\(text)'")
                }
                change = percent / 100
            default: return false
            }
            return true
        }
        guard let options = parsed else { return 0 }
        guard options.files.count == 1 else {
            throw UsageError("sensitivity needs one scenario file (see cartsim sensitivity --help)")
        }
        guard let analysis = try AnalystOptions.loaded({
            try SensitivityRun(scenarioFile: options.files[0], chosen: inputs, kpis: kpis, change: change,
                               settings: options.settings)
        }) else { return 2 }
        return try options.runStoppable(
            defaultFolder: analysis.defaultFolder, source: analysis.resultsSource, unit: "variants",
            execute: { try analysis.execute(writingTo: $0, interrupted: $1, progress: $2, extras: $3) },
            isComplete: \.complete, report: analysis.report)
    }
}
