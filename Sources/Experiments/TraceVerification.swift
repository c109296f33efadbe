import Foundation
import SimKernel
import CARTModel
import ScenarioFile
import OutputSchema

/// `cartsim verify RESULTS_DIR`: reruns the replications traced into a run's `events.csv`
/// (same scenario, seed and warm-up, from its `run.json`) and compares the rerun with the
/// file event by event, so that a change of behaviour — a refactor, a new binary — is caught
/// at the first event where it shows.
public enum TraceVerification {
    /// A folder that cannot be verified (no trace, unreadable files): exit status 2.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// What a traced run's `run.json` says about how to rerun it.
    public struct TracedRun: Sendable {
        public let scenarioFile: String
        /// The pipeline snapshot the run started from, if any.
        public let initialStateFile: String?
        /// The run's first day (`YYYY-MM-DD`; `run --start` may have moved it from the file's).
        public let startDate: String?
        public let scenarioHash: String
        public let seed: UInt64
        public let warmup: SimTime
        public let replications: Int
        public let limit: Int
    }

    /// Reads the facts of the traced run in `folder`.
    public static func tracedRun(in folder: URL) throws(Failure) -> TracedRun {
        let url = folder.appendingPathComponent(ResultsFiles.manifest)
        guard let data = FileManager.default.contents(atPath: url.path),
              let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Failure(description: "\(url.path): missing or unreadable; is this a results folder of cartsim run?")
        }
        guard let trace = json["trace"] as? [String: Any], let replications = trace["replications"] as? Int,
              let limit = trace["limit"] as? Int else {
            throw Failure(description: "\(url.path): the run was not traced; run it with --trace K first")
        }
        guard let file = json["scenario_file"] as? String, let seed = (json["seed"] as? NSNumber)?.uint64Value,
              let warmupDays = json["warmup_days"] as? Double else {
            throw Failure(description: "\(url.path): scenario_file, seed or warmup_days missing")
        }
        return TracedRun(scenarioFile: file, initialStateFile: json["initial_state"] as? String,
                         startDate: json["start_date"] as? String, scenarioHash: json["scenario_hash"] as? String ?? "", seed: seed,
                         warmup: Ticks.fromSeconds(warmupDays * Double(Ticks.day)), replications: replications,
                         limit: limit)
    }

    /// The result of a comparison.
    public enum Verdict: Sendable {
        /// Every event of the trace was reproduced, and no other.
        case identical(events: Int)
        /// The first event that differs, described for the user.
        case diverged(String)
    }

    /// Reruns the traced replications of `run` with `scenario` and compares with `folder`'s `events.csv`.
    public static func verify(_ run: TracedRun, scenario: ScenarioDescription, folder: URL) throws(Failure) -> Verdict {
        let url = folder.appendingPathComponent(EventTraceFiles.fileName)
        let expected = try readTrace(url)
        var scenario = scenario
        scenario.simulation.seed = run.seed
        scenario.simulation.warmup = run.warmup
        var position = 0
        for index in 0..<run.replications {
            var divergence: String?
            let replication: PathwayReplication
            do {
                replication = try PathwayReplication(scenario: scenario, replication: index, keepPatients: false)
            } catch {
                throw Failure(description: "replication \(index) cannot be built: \(error)")
            }
            let trace = EventTrace(replication: index, scenario: scenario, limit: run.limit - position) { row in
                guard divergence == nil else { return }
                guard position < expected.count, expected[position].fields[0] == String(index) else {
                    divergence = "\(url.path): the rerun has an event the trace does not hold, after line "
                        + "\(position < expected.count ? expected[position].line - 1 : expected.count + 1)\n"
                        + "  rerun: \(CSVText.line(row).dropLast())"
                    return
                }
                let (line, fields) = expected[position]
                if fields != row { divergence = describe(line: line, url: url, trace: fields, rerun: row) }
                position += 1
            }
            replication.attach(trace)
            _ = replication.run()
            if let divergence { return .diverged(divergence) }
            if position < expected.count, expected[position].fields[0] == String(index) {
                return .diverged("\(url.path):\(expected[position].line): the trace holds an event the rerun does not\n"
                                 + "  trace: \(CSVText.line(expected[position].fields).dropLast())")
            }
        }
        guard position == expected.count else {
            return .diverged("\(url.path):\(expected[position].line): replication \(expected[position].fields[0]) "
                             + "was not traced (run.json traces \(run.replications))")
        }
        return .identical(events: position)
    }

    private static func readTrace(_ url: URL) throws(Failure) -> [(line: Int, fields: [String])] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Failure(description: "\(url.path): missing")
        }
        var reader = CSVReader(String(decoding: data, as: UTF8.self))
        var rows: [(line: Int, fields: [String])] = []
        do {
            let header = try reader.header()
            guard header == EventTrace.header else {
                throw Failure(description: "\(url.path):1: expected the columns \(EventTrace.header.joined(separator: ","))")
            }
            while let row = try reader.next(width: header.count) { rows.append(row) }
        } catch let error as CSVReader.Malformed {
            throw Failure(description: "\(url.path):\(error.line): \(error.message)")
        } catch {
            throw error as! Failure
        }
        return rows
    }

    private static func describe(line: Int, url: URL, trace: [String], rerun: [String]) -> String {
        let column = zip(trace, rerun).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? 0
        return "\(url.path):\(line): first divergence (replication \(trace[0]), event \(trace[1])): "
            + "column '\(EventTrace.header[column])' is '\(trace[column])' in the trace, '\(rerun[column])' in the rerun\n"
            + "  trace: \(CSVText.line(trace))"
            + "  rerun: \(CSVText.line(rerun).dropLast())"
    }
}
