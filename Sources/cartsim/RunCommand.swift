import Foundation
import SimKernel
import ScenarioFile
import Experiments

/// `cartsim run SCENARIO [options]`.
enum RunCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        var options = ScenarioRun.Options()
        var scenarioPath: String?
        var outDirectory: String?
        var quiet = false
        var parser = OptionParser(arguments)
        while let argument = parser.next() {
            switch argument {
            case "-h", "--help":
                print(Help.run)
                return 0
            case "--replications": options.replications = try parser.integer(for: argument, in: 1...1_000_000)
            case "--seed": options.seed = UInt64(try parser.integer(for: argument, in: 0...Int.max))
            case "--jobs": options.jobs = try parser.integer(for: argument, in: 1...4_096)
            case "--warmup":
                let text = try parser.value(for: argument)
                do { options.warmup = try Units.duration(text) } catch {
                    throw UsageError("--warmup: \(error.message)")
                }
            case "--patients":
                let text = try parser.value(for: argument)
                if text == "all" {
                    options.patientReplications = Int.max
                } else if let count = Int(text), count >= 0 {
                    options.patientReplications = count
                } else {
                    throw UsageError("--patients expects a count or 'all', got '\(text)'")
                }
            case "--out": outDirectory = try parser.value(for: argument)
            case "--quiet": quiet = true
            default:
                guard !argument.hasPrefix("-"), scenarioPath == nil else {
                    throw UsageError("unexpected argument '\(argument)' (see cartsim run --help)")
                }
                scenarioPath = argument
            }
        }
        guard let scenarioPath else { throw UsageError("run needs a scenario file (see cartsim run --help)") }
        let scenario: ScenarioDescription
        do {
            scenario = try ScenarioLoader.load(path: scenarioPath)
        } catch {
            Console.error(error.description)
            return 2
        }
        let run = try ScenarioRun(scenario: scenario, scenarioFile: scenarioPath, options: options)
        let (results, metadata) = try run.execute()
        let destination = URL(fileURLWithPath: outDirectory ?? "Results/\(run.scenario.name)")
        try ResultsWriter(scenario: run.scenario, results: results, metadata: metadata).write(to: destination)
        if !quiet { print(RunReport.headline(results: results, metadata: metadata, folder: destination.path)) }
        return 0
    }
}

/// Walks command-line options and their values.
struct OptionParser {
    private var remaining: ArraySlice<String>
    init(_ arguments: [String]) { remaining = arguments[...] }

    mutating func next() -> String? { remaining.popFirst() }

    mutating func value(for option: String) throws(UsageError) -> String {
        guard let value = remaining.popFirst() else { throw UsageError("\(option) needs a value") }
        return value
    }

    mutating func integer(for option: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        let text = try value(for: option)
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("\(option) expects an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return number
    }
}
