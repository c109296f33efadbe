import Foundation
import Experiments
import ScenarioFile

/// The command line of `compare`, `sweep` and `plan`: scenario files, `--replications`,
/// `--seed`, `--jobs`, `--out`, `--quiet`, `--help`, and the options of one command.
struct AnalystOptions {
    /// Replications, seed and jobs given.
    var settings = SweepSettings()
    /// `--out DIR`.
    var out: String?
    /// `--quiet`: print nothing on success.
    var quiet = false
    /// The arguments that are not options: scenario files.
    var files: [String] = []

    /// Parses `arguments` of `command`; `extra` consumes the command's own options (it is
    /// given the option and the parser, and returns false for an option it does not know).
    /// - Returns: nil after printing `help` for `-h`/`--help`.
    static func parse(_ arguments: [String], command: String, help: String,
                      extra: (String, inout OptionParser) throws(UsageError) -> Bool = { _, _ in false })
        throws(UsageError) -> AnalystOptions? {
        var options = AnalystOptions()
        var parser = OptionParser(arguments)
        while let argument = parser.next() {
            switch argument {
            case "-h", "--help":
                print(help)
                return nil
            case "--replications": options.settings.replications = try parser.integer(for: argument, in: 2...1_000_000)
            case "--seed": options.settings.seed = UInt64(try parser.integer(for: argument, in: 0...Int.max))
            case "--jobs": options.settings.jobs = try parser.integer(for: argument, in: 1...4_096)
            case "--out": options.out = try parser.value(for: argument)
            case "--quiet": options.quiet = true
            default:
                guard try !extra(argument, &parser) else { continue }
                guard !argument.hasPrefix("-") else {
                    throw UsageError("unexpected argument '\(argument)' (see cartsim \(command) --help)")
                }
                options.files.append(argument)
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

    /// Checks `--out` (or `defaultFolder`) as the results folder of `source`, runs `execute`
    /// into it and prints what `report` makes of the result and the folder. A signal
    /// (Ctrl-C, SIGTERM, SIGHUP) ends the command at once, leaving earlier results as they
    /// were and no temporary folder (``Interruption``).
    /// - Returns: exit status 0.
    func run<Result>(defaultFolder: String, source: ResultsDestination.Source,
                     execute: (ResultsDestination) throws -> Result,
                     report: (Result, String) -> String) throws -> Int32 {
        let folder = try ResultsDestination.check(out ?? defaultFolder, source: source, isDefault: out == nil)
        _ = Interruption.start(.endAtOnce)
        let result = try execute(folder)
        if let notice = folder.replacementNotice { Console.error(notice) }
        if !quiet { print(report(result, folder.url.path)) }
        return 0
    }
}
