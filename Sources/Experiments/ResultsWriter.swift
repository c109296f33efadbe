import Foundation
import SimKernel
import SimRandom
import CARTModel
import ScenarioFile

/// Writes the output contract of a run into a folder: `patients.csv`, `stages.csv`,
/// `resources.csv`, `timeseries.csv`, `replications.csv`, `summary.csv`, `run.json`.
///
/// Files are written into a temporary sibling folder that replaces the destination only
/// once every file is complete, so a failed run leaves earlier results untouched.
public struct ResultsWriter {
    public let scenario: ScenarioDescription
    public let results: [ReplicationResult]
    public let metadata: RunMetadata

    public init(scenario: ScenarioDescription, results: [ReplicationResult], metadata: RunMetadata) {
        self.scenario = scenario
        self.results = results
        self.metadata = metadata
    }

    /// All output files by name.
    public func files() throws -> [(name: String, contents: String)] {
        [
            ("patients.csv", OutputTables.patients(results, scenario: scenario)),
            ("stages.csv", OutputTables.stages(results)),
            ("resources.csv", OutputTables.resources(results)),
            ("timeseries.csv", OutputTables.timeseries(results, scenario: scenario)),
            ("replications.csv", OutputTables.replications(results, seed: scenario.simulation.seed)),
            ("summary.csv", OutputTables.summary(KPISummary.summarise(results))),
            ("run.json", try metadata.json()),
        ]
    }

    /// Writes every file into `directory`, replacing it atomically (rename of a complete
    /// temporary folder).
    public func write(to directory: URL) throws {
        try AtomicDirectory.replace(directory) { temporary in
            for file in try files() {
                try Data(file.contents.utf8).write(to: temporary.appendingPathComponent(file.name))
            }
        }
    }
}

/// Creates a folder's new contents beside it and swaps it in only when complete.
enum AtomicDirectory {
    static func replace(_ destination: URL, fill: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"
        let temporary = parent.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(suffix)")
        try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
        do {
            try fill(temporary)
            if manager.fileExists(atPath: destination.path) {
                let old = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(suffix)")
                try manager.moveItem(at: destination, to: old)
                try manager.moveItem(at: temporary, to: destination)
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: temporary, to: destination)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
    }
}
