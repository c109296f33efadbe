import Foundation
import XCTest
import ScenarioFile
import Experiments

/// The example scenarios, shortened for tests, and temporary folders.
enum AnalystFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The axi-cel-like example: 4 centres, one plant with 16 suites.
    static let axicel = packageRoot.appendingPathComponent("Scenarios/axicel-central-fresh.yaml").path

    /// Overrides that make a run short: 30 weeks, 4 of them warm-up (a debug replication of
    /// the axi-cel-like example then takes a few hundredths of a second).
    static let short: [(path: String, value: String)] = [("simulation.horizon", "30w"), ("simulation.warmup", "4w")]

    /// Settings for tests: 20 replications on 2 threads, the scenario's seed.
    static let settings = SweepSettings(replications: 20, jobs: 2)

    /// The axi-cel-like example, short, with `overrides` and the test settings.
    static func axicel(_ overrides: [(path: String, value: String)] = []) throws -> ScenarioDescription {
        try settings.scenario(file: axicel, overrides: short + overrides)
    }

    /// The messages of loading `file` with `overrides`; empty when it loads.
    static func errors(_ overrides: [(path: String, value: String)], file: String = axicel) -> [String] {
        do {
            _ = try ScenarioLoader.load(path: file, overrides: overrides)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// A copy of the axi-cel-like example with a 30-week horizon and `replace` applied to
    /// its text, in a fresh temporary folder (removed by the test case's teardown).
    static func shortCopy(named name: String, in folder: URL, replacing replace: [(String, String)] = []) throws -> String {
        var text = try String(contentsOfFile: axicel, encoding: .utf8)
        for (old, new) in [("horizon: 104w", "horizon: 30w"), ("warmup: 26w", "warmup: 4w")] + replace {
            XCTAssertTrue(text.contains(old), "the example no longer contains '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// A fresh temporary folder (created).
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("cartsim-experiments-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The lines of a CSV file split at commas (the tests' files quote no field unless said).
    static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}
