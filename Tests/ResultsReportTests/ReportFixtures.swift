import Foundation
import XCTest
import Experiments
import ScenarioFile

/// Results folders for the tests: real runs of the example scenarios through the
/// Experiments API, and hand-written files in temporary folders.
enum ReportFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example scenarios of the repository.
    static let examples = ["axicel-central-fresh", "tisacel-cryo-hub", "point-of-care", "bcma-slot-scarcity",
                                   "single-plant-stress", "europe-two-products"]

    /// A fresh empty temporary folder; removed by `tearDown` of the caller through `cleanUp`.
    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("cartsim-report-tests-\(ProcessInfo.processInfo.processIdentifier)")
            .appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `Scenarios/<name>.yaml` with a few replications (patients.csv for all of them)
    /// into a new temporary folder and returns it.
    static func run(_ name: String, replications: Int = 3) throws -> URL {
        let file = packageRoot.appendingPathComponent("Scenarios/\(name).yaml").path
        let scenario = try ScenarioLoader.load(path: file)
        let run = try ScenarioRun(scenario: scenario, scenarioFile: file,
                                  options: .init(replications: replications, jobs: 2, patientReplications: replications))
        let folder = try temporaryFolder(name).appendingPathComponent("results")
        _ = try run.write(to: ResultsDestination.check(folder.path, source: run.resultsSource, isDefault: false))
        return folder
    }

    /// Writes files (name → contents) into a new temporary folder and returns it.
    static func folder(_ name: String, _ files: [String: String]) throws -> URL {
        let folder = try temporaryFolder(name)
        for (file, contents) in files {
            try Data(contents.utf8).write(to: folder.appendingPathComponent(file))
        }
        return folder
    }

    /// Removes every temporary folder of this test process.
    static func cleanUp() {
        try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory
            .appendingPathComponent("cartsim-report-tests-\(ProcessInfo.processInfo.processIdentifier)"))
    }

    /// `summary.csv` of a folder: KPI → (mean, ci95_low, ci95_high) as written (empty: undefined).
    /// cartsim's summary has no quoted field, so splitting at commas reads it exactly.
    static func summary(_ folder: URL) throws -> [String: [String: String]] {
        let lines = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try XCTUnwrap(lines.first)
        var rows: [String: [String: String]] = [:]
        for line in lines.dropFirst() {
            rows[line[0]] = Dictionary(uniqueKeysWithValues: zip(header, line))
        }
        return rows
    }
}
