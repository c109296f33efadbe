import Experiments

/// `cartsim compare A.yaml B.yaml [options]`.
enum CompareCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        guard let options = try AnalystOptions.parse(arguments, command: "compare", help: Help.compare) else { return 0 }
        guard options.files.count == 2 else {
            throw UsageError("compare needs two scenario files, A and B (see cartsim compare --help)")
        }
        guard let comparison = try AnalystOptions.loaded({
            try ComparisonRun(fileA: options.files[0], fileB: options.files[1], settings: options.settings)
        }) else { return 2 }
        return try options.run(defaultFolder: comparison.defaultFolder, source: comparison.resultsSource, execute: comparison.execute,
                               report: comparison.report)
    }
}
