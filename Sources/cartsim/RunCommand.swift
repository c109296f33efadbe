import Foundation
import SimKernel
import ScenarioFile
import Experiments
import ResultsReport
import SpreadsheetExport

/// `cartsim run SCENARIO [options]`.
enum RunCommand {
    /// The options `run` knows.
    static let options = ["--help", "--replications", "--seed", "--jobs", "--warmup", "--patients", "--precision",
                          "--max-replications", "--shard", "--out", "--quiet", "--report", "--xlsx", "--trace", "--trace-limit",
                          "--initial-state", "--snapshot-at", "--start"]

    static func run(_ arguments: [String]) throws -> Int32 {
        var options = ScenarioRun.Options()
        var scenarioPath: String?
        var outDirectory: String?
        var quiet = false
        var report = false
        var xlsx = false
        var traceLimit: Int?
        var initialState: String?
        var start: String?
        var parser = OptionParser(arguments, command: "run", options: Self.options)
        while let argument = try parser.next() {
            switch argument {
            case .option("-h"), .option("--help"):
                print(Help.run)
                return 0
            case .option("--replications"):
                options.replications = try parser.integer(for: "--replications", in: 1...1_000_000)
            case .option("--seed"): options.seed = UInt64(try parser.integer(for: "--seed", in: 0...Int.max))
            case .option("--jobs"): options.jobs = try parser.integer(for: "--jobs", in: 1...4_096)
            case .option("--warmup"):
                let text = try parser.value(for: "--warmup")
                do { options.warmup = try Units.duration(text) } catch {
                    throw UsageError("--warmup: \(error.message)")
                }
            case .option("--patients"):
                let text = try parser.value(for: "--patients")
                if text == "all" {
                    options.patientReplications = Int.max
                } else if let count = Int(text), count >= 0 {
                    options.patientReplications = count
                } else {
                    throw UsageError("--patients expects a count or 'all', got '\(text)'")
                }
            case .option("--precision"): options.precision.append(try parsePrecision(try parser.value(for: "--precision")))
            case .option("--max-replications"):
                options.maxReplications = try parser.integer(for: "--max-replications", in: 2...1_000_000)
            case .option("--shard"): options.shard = try Shard(parsing: try parser.value(for: "--shard"))
            case .option("--out"): outDirectory = try parser.value(for: "--out")
            case .option("--quiet"): quiet = true
            case .option("--report"): report = true
            case .option("--xlsx"): xlsx = true
            case .option("--trace"):
                options.trace = EventTraceRequest(replications: try parser.integer(for: "--trace", in: 1...1_000_000))
            case .option("--trace-limit"): traceLimit = try parser.integer(for: "--trace-limit", in: 1...100_000_000)
            case .option("--initial-state"): initialState = try parser.value(for: "--initial-state")
            case .option("--start"): start = try parser.value(for: "--start")
            case .option("--snapshot-at"):
                let text = try parser.value(for: "--snapshot-at")
                do { options.snapshotAt = try Units.duration(text) } catch {
                    throw UsageError("--snapshot-at: \(error.message)")
                }
            case .option(let other): throw parser.unknown(other)
            case .operand(let path):
                guard scenarioPath == nil else {
                    throw UsageError("unexpected argument '\(path)': run takes one scenario file (see cartsim run --help)")
                }
                scenarioPath = path
            }
        }
        guard let scenarioPath else { throw UsageError("run needs a scenario file (see cartsim run --help)") }
        if let traceLimit {
            guard options.trace != nil else { throw UsageError("--trace-limit needs --trace K (see cartsim run --help)") }
            options.trace?.limit = traceLimit
        }
        var scenario: ScenarioDescription
        do {
            scenario = try ScenarioLoader.load(path: scenarioPath,
                                               overrides: start.map { [("simulation.start_date", $0)] } ?? [], option: "--start")
            if let initialState {
                scenario = try InitialStateLoader.start(scenario, from: initialState)
                options.initialStateFile = initialState
            }
        } catch {
            Console.error(error.description)
            return 2
        }
        let run = try ScenarioRun(scenario: scenario, scenarioFile: scenarioPath, options: options)
        try checkPrecisionTargets(options.precision, scenario: run.scenario)
        let indices = run.indices
        try RunEstimate(run.scenario).check(replications: indices.count, jobs: options.jobs,
                                            recordReplications: indices.count { $0 < options.patientReplications })
        for load in OfferedLoad.of(run.scenario) where load.load >= 1 { Console.error(load.warning) }
        let folderAsGiven = outDirectory ?? run.defaultFolder
        let destination = try ResultsDestination.check(folderAsGiven, source: run.resultsSource,
                                                       isDefault: outDirectory == nil)
        let interruption = Interruption.start(.finishReplications)
        let progress = ProgressLine(enabled: !quiet)
        let extraFiles = (report ? [ResultsFiles.report] : []) + (xlsx ? [ResultsWorkbook.fileName] : [])
        let outcome = try run.write(
            to: destination,
            // Written when interrupted too, of the completed replications: run.json lists them.
            extras: FolderExtras(names: extraFiles) { [xlsx, report] folder in
                if xlsx { try ResultsWorkbook.write(folder: folder.path, shownAs: folderAsGiven) }
                if report { try ReportWriter.write(folder: folder.path, shownAs: folderAsGiven) }
            },
            interrupted: { interruption.requested }
        ) { done, total in
            progress.update(done: done, total: total)
        }
        progress.finish()
        if let notice = destination.replacementNotice { Console.error(notice) }
        if !quiet { print(RunReport.headline(outcome, folder: destination.url.path)) }
        guard !interruption.requested || outcome.metadata.complete else {
            Console.error("cartsim: interrupted; \(outcome.metadata.replications) completed replications written "
                          + "to \(destination.url.path) (run.json: complete false)")
            return interruption.exitStatus
        }
        if report, !quiet { print("report: \(destination.url.appendingPathComponent(ResultsFiles.report).path)") }
        if xlsx, !quiet { print("workbook: \(destination.url.appendingPathComponent(ResultsWorkbook.fileName).path)") }
        return 0
    }

    /// Parses `KPI=HALFWIDTH`.
    private static func parsePrecision(_ text: String) throws(UsageError) -> (kpi: String, halfWidth: Double) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let width = Double(parts[1]), width.isFinite, width > 0 else {
            throw UsageError("--precision expects KPI=HALFWIDTH with a positive, finite half-width, "
                             + "e.g. vein_to_vein_p90_days=0.5, got '\(text)'")
        }
        return (parts[0], width)
    }

    /// Precision targets must name KPIs the scenario reports.
    private static func checkPrecisionTargets(_ targets: [(kpi: String, halfWidth: Double)],
                                              scenario: ScenarioDescription) throws(UsageError) {
        guard !targets.isEmpty else { return }
        let names = KPICatalogue.names(for: scenario)
        for target in targets where !names.contains(target.kpi) {
            let suggestion = Suggestion.closest(to: target.kpi, among: names)
            throw UsageError("--precision: unknown KPI '\(target.kpi)'"
                             + (suggestion.map { "; did you mean '\($0)'?" } ?? "; summary.csv lists the KPI names"))
        }
    }
}
