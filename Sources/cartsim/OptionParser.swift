import ScenarioFile
import Experiments

/// The command line of one command, read the conventional way: options `--name VALUE` or
/// `--name=VALUE`, flags `--name`, operands (files, folders); after `--` every argument is
/// an operand. A mistyped option is refused with the closest known one.
struct OptionParser {
    /// One argument: an option's name, or an operand.
    enum Argument: Equatable {
        case option(String)
        case operand(String)
    }

    private var remaining: ArraySlice<String>
    /// The value written after `=` of the option just read, until `value(for:)` takes it.
    private var attached: (option: String, value: String)?
    private var operandsOnly = false
    private let command: String
    private let known: [String]

    /// - Parameters:
    ///   - command: the command's name, for messages (`run`).
    ///   - options: every option the command knows, for suggestions.
    init(_ arguments: [String], command: String, options: [String]) {
        remaining = arguments[...]
        self.command = command
        known = options
    }

    /// The next argument, or nil at the end.
    mutating func next() throws(UsageError) -> Argument? {
        if let attached {
            throw UsageError("\(attached.option) takes no value, got '\(attached.option)=\(attached.value)'")
        }
        guard let argument = remaining.popFirst() else { return nil }
        if operandsOnly || !argument.hasPrefix("-") || argument == "-" { return .operand(argument) }
        if argument == "--" {
            operandsOnly = true
            return try next()
        }
        if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
            let name = String(argument[..<equals])
            attached = (name, String(argument[argument.index(after: equals)...]))
            return .option(name)
        }
        return .option(argument)
    }

    /// The value of `option`: after its `=`, or the next argument.
    mutating func value(for option: String) throws(UsageError) -> String {
        if let attached {
            self.attached = nil
            return attached.value
        }
        guard let value = remaining.popFirst() else { throw UsageError("\(option) needs a value") }
        return value
    }

    /// The value of `option` as an integer in `range`.
    mutating func integer(for option: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        let text = try value(for: option)
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("\(option) expects an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return number
    }

    /// The refusal of an option the command does not know, with the closest known one.
    func unknown(_ option: String) -> UsageError {
        let hint = Suggestion.closest(to: option, among: known).map { "; did you mean '\($0)'?" } ?? ""
        return UsageError("unknown option '\(option)'\(hint) (see cartsim \(command) --help)")
    }
}

extension OptionParser {
    /// The one RESULTS_DIR operand of a command that takes a results folder and `--help`
    /// (`report`, `export`; `options` as in its command table); nil when the help was asked
    /// for and printed.
    static func resultsFolder(_ arguments: [String], command: String, options: [String], help: String) throws -> String? {
        var folders: [String] = []
        var parser = OptionParser(arguments, command: command, options: options)
        while let argument = try parser.next() {
            switch argument {
            case .option("-h"), .option("--help"):
                print(help)
                return nil
            case .option(let other): throw parser.unknown(other)
            case .operand(let folder): folders.append(folder)
            }
        }
        guard folders.count == 1, let folder = folders.first else {
            throw UsageError("\(command) needs exactly one results folder (see cartsim \(command) --help)")
        }
        return folder
    }
}
