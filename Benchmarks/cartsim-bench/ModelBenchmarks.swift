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

    /// Peak resident memory of this process so far, in megabytes.
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
