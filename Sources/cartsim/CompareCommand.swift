import Experiments

/// `cartsim compare A.yaml [B.yaml] [--set-b PATH=VALUE ...] [options]`.
enum CompareCommand {
    /// The options of this command beyond ``AnalystOptions/commonOptions``.
    static let ownOptions = ["--set-b"]
    /// Every option `compare` knows.
    static var options: [String] { AnalystOptions.commonOptions + ownOptions }

    static func run(_ arguments: [String]) throws -> Int32 {
        var overridesB: [(path: String, value: String)] = []
        let parsed = try AnalystOptions.parse(arguments, command: "compare", help: Help.compare,
                                              extraOptions: ownOptions) { option, parser throws(UsageError) in
            guard option == "--set-b" else { return false }
            let argument = try parser.value(for: option)
            guard let equals = argument.firstIndex(of: "="), equals > argument.startIndex else {
                throw UsageError("--set-b expects PATH=VALUE, got '\(argument)'")
            }
            overridesB.append((String(argument[..<equals]), String(argument[argument.index(after: equals)...])))
            return true
        }
        guard let options = parsed else { return 0 }
        guard options.files.count == 2 || (options.files.count == 1 && !overridesB.isEmpty) else {
            throw UsageError("compare needs two scenario files, A and B, or one and --set-b PATH=VALUE to make B from it "
                + "(see cartsim compare --help)")
        }
        guard let comparison = try AnalystOptions.loaded({
            try ComparisonRun(fileA: options.files[0], fileB: options.files.last!, overridesB: overridesB,
                              settings: options.settings)
        }) else { return 2 }
        return try options.runStoppable(
            defaultFolder: comparison.defaultFolder, source: comparison.resultsSource, unit: "replications of A and B",
            execute: { try comparison.execute(writingTo: $0, interrupted: $1, progress: $2, extras: $3) },
            isComplete: \.complete, report: { comparison.report($0.comparison, folder: $1) })
    }
}
