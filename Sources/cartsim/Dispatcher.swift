import Foundation
import Experiments
import OutputSchema

/// Routes the first argument to a command and maps errors to exit statuses: 2 for a usage
/// error, 1 for any other (a file that failed during the run is named with the system's reason).
enum Dispatcher {
    static func run(_ arguments: [String]) -> Int32 {
        let command = arguments[0]
        let rest = Array(arguments.dropFirst())
        do {
            switch command {
            case "-h", "--help": return Help.printTopLevel(to: .standardOutput)
            case "help":
                guard let topic = rest.first else { return Help.printTopLevel(to: .standardOutput) }
                guard let text = Help.command(topic) else {
                    throw UsageError("no command '\(topic)'; see cartsim --help for the commands")
                }
                print(text)
                return 0
            case "--version":
                print("cartsim \(CartsimVersion.current)")
                return 0
            case "run": return try RunCommand.run(rest)
            case "validate": return try ValidateCommand.run(rest)
            case "merge": return try MergeCommand.run(rest)
            case "compare": return try CompareCommand.run(rest)
            case "sweep": return try SweepCommand.run(rest)
            case "plan": return try PlanCommand.run(rest)
            case "report": return try ReportCommand.run(rest)
            case "verify": return try VerifyCommand.run(rest)
            case "optimise", "optimize": return try OptimiseCommand.run(rest)
            case "sensitivity": return try SensitivityCommand.run(rest)
            default: throw UsageError("unknown command '\(command)'; see cartsim --help for the commands")
            }
        } catch let error as UsageError {
            Console.error("cartsim: \(error.description)")
            return 2
        } catch {
            Console.error("cartsim: \(FileFailure.describe(error) ?? "\(error)")")
            return 1
        }
    }
}

/// Writing to standard error.
enum Console {
    /// Writes `message` and a line break; nothing when standard error is gone (a terminal
    /// closed with SIGHUP).
    static func error(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data((message + "\n").utf8))
    }
}
