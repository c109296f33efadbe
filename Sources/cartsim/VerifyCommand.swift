import Foundation
import ScenarioFile
import Experiments

/// `cartsim verify RESULTS_DIR [--scenario FILE]`: reruns a traced run and compares it with
/// its `events.csv` event by event. Exit status 0 identical, 1 diverged, 2 bad input.
enum VerifyCommand {
    /// Every option `verify` knows.
    static let options = ["--help", "--scenario"]

    static func run(_ arguments: [String]) throws -> Int32 {
        var folders: [String] = []
        var scenarioPath: String?
        var parser = OptionParser(arguments, command: "verify", options: options)
        while let argument = try parser.next() {
            switch argument {
            case .option("-h"), .option("--help"):
                print(Help.verify)
                return 0
            case .option("--scenario"): scenarioPath = try parser.value(for: "--scenario")
            case .option(let other): throw parser.unknown(other)
            case .operand(let folder): folders.append(folder)
            }
        }
        guard folders.count == 1, let folder = folders.first else {
            throw UsageError("verify needs exactly one traced results folder (see cartsim verify --help)")
        }
        let url = URL(fileURLWithPath: folder)
        do {
            return try verify(url, scenarioPath: scenarioPath)
        } catch {
            Console.error("cartsim verify: \(error.description)")
            return 2
        }
    }

    private static func verify(_ url: URL, scenarioPath: String?) throws(TraceVerification.Failure) -> Int32 {
        let traced = try TraceVerification.tracedRun(in: url)
        let path = scenarioPath ?? traced.scenarioFile
        guard FileManager.default.fileExists(atPath: path) else {
            throw .init(description: "\(path): the traced run's scenario file is not there; give it with --scenario FILE")
        }
        var scenario: ScenarioDescription
        do {
            scenario = try ScenarioLoader.load(path: path)
            if let start = traced.startDate, start != scenario.simulation.startDate.description {
                scenario = try ScenarioLoader.load(path: path, overrides: [("simulation.start_date", start)], option: "--start")
            }
            if let snapshot = traced.initialStateFile { scenario = try InitialStateLoader.start(scenario, from: snapshot) }
        } catch {
            Console.error(error.description)
            return 2
        }
        if scenario.sourceHash != traced.scenarioHash {
            Console.error("cartsim verify: note: \(path) is not the scenario file that was traced (its hash differs)")
        }
        _ = Interruption.start(.endAtOnce)
        switch try TraceVerification.verify(traced, scenario: scenario, folder: url) {
        case .identical(let events):
            print("verified: the rerun of \(traced.replications) replication(s) reproduces all \(events) events of "
                  + url.appendingPathComponent("events.csv").path)
            return 0
        case .diverged(let description):
            print(description)
            return 1
        }
    }
}
