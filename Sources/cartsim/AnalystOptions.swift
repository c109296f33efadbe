import Foundation
import Experiments
import ResultsReport
import ScenarioFile

/// The command line of `compare`, `sweep`, `plan`, `optimise` and `sensitivity`: scenario
/// files, `--replications`, `--seed`, `--jobs`, `--out`, `--quiet`, `--report`, `--help`, and
/// the options of one command.
struct AnalystOptions {
    /// Replications, seed and jobs given.
    var settings = SweepSettings()
    /// `--out DIR`.
    var out: String?
    /// `--quiet`: print nothing on success.
    var quiet = false
    /// `--report`: write `report.html` into the results folder too.
    var report = false
    /// The arguments that are not options: scenario files.
    var files: [String] = []

    /// The options every analyst command knows.
    static let commonOptions = ["--help", "--replications", "--seed", "--jobs", "--out", "--quiet", "--report"]

    /// Parses `arguments` of `command`; `extra` consumes the command's own options, named in
    /// `extraOptions` (it is given the option and the parser, and returns false for an option
    /// it does not know).
    /// - Returns: nil after printing `help` for `-h`/`--help`.
    static func parse(_ arguments: [String], command: String, help: String, extraOptions: [String] = [],
                      extra: (String, inout OptionParser) throws(UsageError) -> Bool = { _, _ in false })
        throws(UsageError) -> AnalystOptions? {
        var options = AnalystOptions()
        var parser = OptionParser(arguments, command: command, options: commonOptions + extraOptions)
        while let argument = try parser.next() {
            switch argument {
            case .option("-h"), .option("--help"):
                print(help)
                return nil
            case .option("--replications"):
                options.settings.replications = try parser.integer(for: "--replications", in: 2...1_000_000)
            case .option("--seed"): options.settings.seed = UInt64(try parser.integer(for: "--seed", in: 0...Int.max))
            case .option("--jobs"): options.settings.jobs = try parser.integer(for: "--jobs", in: 1...4_096)
            case .option("--out"): options.out = try parser.value(for: "--out")
            case .option("--quiet"): options.quiet = true
            case .option("--report"): options.report = true
            case .option(let other):
                guard try extra(other, &parser) else { throw parser.unknown(other) }
            case .operand(let file): options.files.append(file)
            }
        }
        return options
    }

    /// What `load` returns, or nil after printing its scenario errors (the command then
    /// exits with status 2, before anything runs or is written).
    static func loaded<Run>(_ load: () throws -> Run) throws -> Run? {
        do {
            return try load()
        } catch let errors as ScenarioErrors {
            Console.error(errors.description)
            return nil
        }
    }

    /// Checks `--out` (or `defaultFolder`) as the results folder of `source` and runs
    /// `execute` into it, telling it when a signal (Ctrl-C, SIGTERM, SIGHUP) asks it to stop,
    /// drawing its progress in `unit`, and handing it the report to add with `--report`;
    /// `execute` then writes what it has finished. Prints what `report` makes of the result
    /// and the folder.
    /// - Returns: 0, or after a signal 128 + its number when `isComplete` says the result is not.
    func runStoppable<Result>(defaultFolder: String, source: ResultsDestination.Source, unit: String,
                              execute: (ResultsDestination, _ interrupted: @escaping @Sendable () -> Bool,
                                        _ progress: (Int, Int) -> Void, FolderExtras) throws -> Result,
                              isComplete: (Result) -> Bool, report: (Result, String) -> String) throws -> Int32 {
        let shown = out ?? defaultFolder
        let folder = try ResultsDestination.check(shown, source: source, isDefault: out == nil)
        let interruption = Interruption.start(.finishReplications)
        let progress = ProgressLine(enabled: !quiet, unit: unit)
        let extras = self.report ? FolderExtras(names: [ResultsFiles.report]) { complete in
            try ReportWriter.write(folder: complete.path, shownAs: shown)
        } : .none
        let result = try execute(folder, { interruption.requested }, { done, total in progress.update(done: done, total: total) },
                                 extras)
        progress.finish()
        if let notice = folder.replacementNotice { Console.error(notice) }
        if !quiet {
            print(report(result, folder.url.path))
            if self.report { print("report: \(folder.url.appendingPathComponent(ResultsFiles.report).path)") }
        }
        return isComplete(result) ? 0 : interruption.exitStatus
    }
}
