import XCTest
import SimKernel
import SimRandom

final class StatisticsTests: XCTestCase {
    func testTallyMatchesTwoPassStatistics() {
        let generator = RandomStream(seed: 7)
        let values = (0..<10_000).map { _ in 1e6 + 100 * generator.uniform() }
        var tally = Tally()
        values.forEach { tally.add($0) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
        XCTAssertEqual(tally.count, 10_000)
        XCTAssertEqual(tally.mean, mean, accuracy: 1e-9 * mean)
        XCTAssertEqual(tally.variance, variance, accuracy: 1e-9 * variance,
                       "Welford stays accurate with a large offset")
        XCTAssertEqual(tally.min, values.min())
        XCTAssertEqual(tally.max, values.max())
    }

    func testEmptyAndSingleObservationTallies() {
        var tally = Tally()
        XCTAssertTrue(tally.mean.isNaN)
        XCTAssertTrue(tally.quantile(0.5).isNaN)
        tally.add(3)
        XCTAssertEqual(tally.mean, 3)
        XCTAssertTrue(tally.variance.isNaN)
        XCTAssertEqual(tally.quantile(0.9), 3, accuracy: 3 * 0.005)
    }

    func testSketchQuantilesAreWithinTheirRelativeAccuracyOfTheExactOrderStatistic() {
        let generator = RandomStream(seed: 11)
        // Log-uniform values over six decades plus 10 % exact zeros.
        let values = (0..<20_000).map { i in i % 10 == 0 ? 0 : pow(10, 6 * generator.uniform()) }
        var sketch = QuantileSketch(relativeAccuracy: 0.005)
        values.forEach { sketch.add($0) }
        let sorted = values.sorted()
        for p in [0.0, 0.05, 0.1, 0.25, 0.5, 0.9, 0.95, 0.99, 1.0] {
            let exact = sorted[Int((p * Double(sorted.count - 1)).rounded(.down))]
            XCTAssertEqual(sketch.quantile(p), exact, accuracy: 0.005 * exact + 1e-12, "p = \(p)")
        }
    }

    func testMergedSketchesEqualOneSketchOfAllValues() {
        let generator = RandomStream(seed: 5)
        var left = QuantileSketch(), right = QuantileSketch(), all = QuantileSketch()
        for i in 0..<5_000 {
            let value = 1_000 * generator.uniform()
            if i % 3 == 0 { left.add(value) } else { right.add(value) }
            all.add(value)
        }
        left.merge(right)
        for p in stride(from: 0.0, through: 1.0, by: 0.05) {
            XCTAssertEqual(left.quantile(p), all.quantile(p))
        }
    }

    func testTimeWeightedLevelAveragesOverTime() {
        var level = TimeWeightedLevel(initial: 0, start: 0)
        level.record(2, at: 10)   // 0 for 10 s
        level.record(4, at: 20)   // 2 for 10 s
        // 4 for 20 s until 40 → area 0 + 20 + 80 = 100 over 40 s.
        XCTAssertEqual(level.average(until: 40), 2.5)
        XCTAssertEqual(level.maximum, 4)
        level.reset(at: 40)
        level.add(-3, at: 50)     // 4 for 10 s, then 1 for 10 s
        XCTAssertEqual(level.average(until: 60), 2.5)
        XCTAssertEqual(level.current, 1)
    }
}
