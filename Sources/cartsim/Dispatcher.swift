import Foundation
import ScenarioFile
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
                guard let command = Command.named(topic) else {
                    throw UsageError("no command '\(topic)'" + hint(for: topic))
                }
                print(command.help)
                return 0
            case "--version":
                print("cartsim \(CartsimVersion.current)")
                return 0
            default:
                guard let known = Command.named(command) else {
                    throw UsageError("unknown command '\(command)'" + hint(for: command))
                }
                return try known.run(rest)
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

/// "; did you mean 'run'?" for a mistyped command, else where the commands are listed.
private func hint(for word: String) -> String {
    Suggestion.closest(to: word, among: Command.all.map(\.name)).map { "; did you mean '\($0)'?" }
        ?? "; see cartsim --help for the commands"
}

/// Writing to standard error.
enum Console {
    /// Writes `message` and a line break; nothing when standard error is gone (a terminal
    /// closed with SIGHUP).
    static func error(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data((message + "\n").utf8))
    }
}
