import Foundation
import CARTModel
import Experiments
import ScenarioFile

/// Benchmarks of the whole CAR-T model on the axi-cel-like example scenario.
enum ModelBenchmarks {
    static let scenarioPath = "Scenarios/axicel-central-fresh.yaml"

    struct Figures {
        let seconds: Double
        let events: Int
        let patients: Int
    }

    /// Runs `replications` replications on `jobs` threads (no patient records kept).
    static func run(replications: Int, jobs: Int) throws -> Figures {
        let scenario = try ScenarioLoader.load(path: scenarioPath)
        let runner = ReplicationRunner(scenario: scenario, jobs: jobs, patientReplications: 0)
        var results: [ReplicationResult] = []
        let seconds = try Stopwatch.measure { results = try runner.run(indices: Array(0..<replications)) }
        return Figures(seconds: seconds, events: results.reduce(0) { $0 + $1.events },
                       patients: results.reduce(0) { $0 + $1.patientsSimulated })
    }

    /// Runs the built `cartsim` binary on the example with `replications` replications
    /// (all cores) as a child process, and returns its wall time (s) and peak resident
    /// memory (MB, the child's maximum resident set size).
    static func commandLineRun(replications: Int) throws -> (seconds: Double, peakMB: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ".build/release/cartsim")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cartsim-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        process.arguments = ["run", scenarioPath, "--replications", String(replications), "--out", out.path, "--quiet"]
        let seconds = try Stopwatch.measure {
            try process.run()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return (seconds, Double(usage.ru_maxrss) / 1024)
    }
}
