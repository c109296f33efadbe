import Foundation
import XCTest
import SimKernel
import SimRandom
import ScenarioFile
import CARTModel

/// Loading never crashes on any input, and whatever the loader accepts the model can run.
/// Seeded mutations of the example scenarios — flipped, deleted and inserted bytes, dropped,
/// doubled and truncated lines, digits changed — are loaded; every mutant must either load or
/// throw located diagnostics, and every mutant that loads must run a short replication.
final class MutatedScenarioTests: XCTestCase {
    private let examples = ["axicel-central-fresh", "tisacel-cryo-hub", "point-of-care"]

    func testMutatedExamplesNeverCrashTheLoaderOrTheModel() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let stream = RandomStream(seed: 99)
        var outcomes = (loaded: 0, rejected: 0)
        for name in examples {
            let original = Array(try Data(contentsOf: root.appendingPathComponent("\(name).yaml")))
            for trial in 0..<150 {
                let mutant = mutate(original, with: stream)
                let file = "\(name)-mutant-\(trial).yaml"
                do {
                    var scenario = try ScenarioLoader.load(bytes: mutant, file: file)
                    scenario.simulation.horizon = min(scenario.simulation.horizon, 12 * Ticks.week)
                    scenario.simulation.warmup = min(scenario.simulation.warmup, 2 * Ticks.week)
                    let result = try PathwayReplication(scenario: scenario, replication: 0, keepPatients: false).run()
                    XCTAssertFalse(result.kpis.isEmpty, file)
                    outcomes.loaded += 1
                } catch let errors as ScenarioErrors {
                    XCTAssertFalse(errors.diagnostics.isEmpty, file)
                    for diagnostic in errors.diagnostics {
                        XCTAssertEqual(diagnostic.location.file, file)
                        XCTAssertGreaterThanOrEqual(diagnostic.location.line, 1)
                    }
                    outcomes.rejected += 1
                }
            }
        }
        print("mutants loaded and run: \(outcomes.loaded), rejected: \(outcomes.rejected)")
        // Both branches must be exercised for the test to mean anything.
        XCTAssertGreaterThan(outcomes.loaded, 20, "mutants that still load")
        XCTAssertGreaterThan(outcomes.rejected, 100, "mutants that are rejected")
    }

    /// One random edit of a file's bytes or lines.
    private func mutate(_ bytes: [UInt8], with stream: RandomStream) -> [UInt8] {
        var result = bytes
        let position = stream.uniformInt(below: result.count)
        switch stream.uniformInt(below: 7) {
        case 0: result[position] ^= UInt8(1 << stream.uniformInt(below: 8))
        case 1: result.remove(at: position)
        case 2: result.insert(UInt8(stream.uniformInt(below: 256)), at: position)
        case 3: result = Array(result.prefix(position))
        case 4, 5:
            var lines = result.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            let line = stream.uniformInt(below: lines.count)
            if stream.uniformInt(below: 2) == 0 { lines.remove(at: line) } else { lines.insert(lines[line], at: line) }
            result = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        default:
            let digits = result.indices.filter { (48...57).contains(result[$0]) }
            if let index = digits.isEmpty ? nil : digits[stream.uniformInt(below: digits.count)] {
                result[index] = UInt8(48 + stream.uniformInt(below: 10))
            }
        }
        return result
    }
}
