import SimRandom
import XCTest

final class WeightedChoiceTests: XCTestCase {
    func testFrequenciesFollowTheWeights() throws {
        let choice = try WeightedChoice(labels: ["A", "B", "C", "D"], weights: [5, 1, 0, 2.5])
        XCTAssertEqual(choice.probability(at: 0), 5 / 8.5, accuracy: 1e-12)
        XCTAssertEqual(choice.probability(at: 2), 0)
        let stream = RandomStream(scenarioSeed: 1, replication: 0, name: "choice")
        var counts = [0, 0, 0, 0]
        for _ in 0 ..< fitSampleSize { counts[choice.sampleIndex(stream)] += 1 }
        XCTAssertEqual(counts[2], 0, "a zero weight is never drawn")
        assertChiSquareFit(observed: [counts[0], counts[1], counts[3]], probabilities: [5 / 8.5, 1 / 8.5, 2.5 / 8.5],
                           "WeightedChoice(5, 1, 0, 2.5)")
    }

    func testSampleReturnsTheLabel() throws {
        let choice = try WeightedChoice(labels: ["only"], weights: [3])
        XCTAssertEqual(choice.sample(RandomStream(seed: 9)), "only")
    }

    func testInvalidInputMessages() {
        let cases: [(labels: [String], weights: [Double], message: String)] = [
            ([], [], "choice: needs at least one label"),
            (["A", "B"], [1], "choice: got 2 labels but 1 weights"),
            (["A", "A"], [1, 1], "choice: label \"A\" appears twice"),
            (["A", "B"], [1, -2], "choice: weight of \"B\" must not be negative, got -2"),
            (["A"], [.nan], "choice: weight of \"A\" must be a finite number, got nan"),
            (["A", "B"], [0, 0], "choice: at least one weight must be positive"),
        ]
        for (labels, weights, message) in cases {
            XCTAssertThrowsError(try WeightedChoice(labels: labels, weights: weights)) {
                XCTAssertEqual(($0 as? DistributionError)?.message, message)
            }
        }
    }
}
