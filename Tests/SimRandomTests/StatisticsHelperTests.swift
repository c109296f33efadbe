import SimRandom
import XCTest

final class StudentTIntervalTests: XCTestCase {
    func testOneToTen() {
        // Hand computation: mean 5.5, sd √(82.5/9) = 3.0276504, t(0.975, 9) = 2.2621572,
        // half-width 2.2621572·3.0276504/√10 = 2.1658506.
        let interval = StudentTInterval(values: (1 ... 10).map(Double.init))
        XCTAssertEqual(interval.count, 10)
        XCTAssertEqual(interval.mean, 5.5, accuracy: 1e-12)
        XCTAssertEqual(interval.standardDeviation, 3.0276503540974917, accuracy: 1e-12)
        XCTAssertEqual(interval.halfWidth, 2.2621571627409915 * 3.0276503540974917 / 10.0.squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(interval.halfWidth, 2.16585, accuracy: 5e-6)
        XCTAssertEqual(interval.lower, 5.5 - interval.halfWidth)
        XCTAssertEqual(interval.upper, 5.5 + interval.halfWidth)
    }

    func testNinetyPercentIsNarrower() {
        // t(0.95, 9) = 1.8331129.
        let interval = StudentTInterval(values: (1 ... 10).map(Double.init), confidence: 0.9)
        XCTAssertEqual(interval.halfWidth, 1.8331129326536335 * 3.0276503540974917 / 10.0.squareRoot(), accuracy: 1e-9)
    }

    func testFewerThanTwoValuesHaveNoInterval() {
        let one = StudentTInterval(values: [4])
        XCTAssertEqual(one.mean, 4)
        XCTAssertTrue(one.standardDeviation.isNaN && one.halfWidth.isNaN && one.lower.isNaN)
        let none = StudentTInterval(values: [])
        XCTAssertEqual(none.count, 0)
        XCTAssertTrue(none.mean.isNaN && none.halfWidth.isNaN)
    }
}

final class SampleQuantileTests: XCTestCase {
    /// Selection gives exactly the quantile of the sorted data, ties and edges included.
    func testSelectionAgreesWithTheSortedDefinition() {
        var generator = SystemRandomNumberGenerator()
        for size in [1, 2, 3, 10, 101, 1_000] {
            let values = (0..<size).map { _ in Double(Int.random(in: 0..<50, using: &generator)) / 7 }
            for p in [0, 0.05, 0.1, 0.5, 0.9, 0.95, 0.999, 1] {
                XCTAssertEqual(SampleQuantile.of(unsorted: values, p: p), SampleQuantile.of(sorted: values.sorted(), p: p),
                               "n = \(size), p = \(p)")
            }
        }
        XCTAssertTrue(SampleQuantile.of(unsorted: [], p: 0.5).isNaN)
    }

    func testInterpolatesBetweenOrderStatistics() {
        // Position (n − 1)·p: 1.5 → 2.5; 2.7 → 3.7.
        XCTAssertEqual(SampleQuantile.of(sorted: [1, 2, 3, 4], p: 0.5), 2.5, accuracy: 1e-12)
        XCTAssertEqual(SampleQuantile.of(sorted: [1, 2, 3, 4], p: 0.9), 3.7, accuracy: 1e-12)
        XCTAssertEqual(SampleQuantile.of(sorted: [1, 2, 3, 4], p: 0), 1)
        XCTAssertEqual(SampleQuantile.of(sorted: [1, 2, 3, 4], p: 1), 4)
    }

    func testEmptyDataOrBadProbabilityIsNaN() {
        XCTAssertTrue(SampleQuantile.of(sorted: [], p: 0.5).isNaN)
        XCTAssertTrue(SampleQuantile.of(sorted: [1], p: 1.5).isNaN)
    }
}

final class KolmogorovSmirnovTests: XCTestCase {
    func testStatisticOfASmallSample() {
        // Against U(0, 1): the gaps are 0.1, 0.2333, 0.0667, 0.2667, 0.0333 and 1 − 0.7 = 0.3.
        let d = KolmogorovSmirnov.statistic(sample: [0.7, 0.1, 0.4], cdf: { $0 })
        XCTAssertEqual(d, 0.3, accuracy: 1e-12)
    }

    func testCriticalValues() {
        // c(0.05) = 1.3581, c(0.01) = 1.6276; Stephens: c/(√n + 0.12 + 0.11/√n).
        XCTAssertEqual(KolmogorovSmirnov.criticalValue(n: 100, alpha: 0.05), 1.358102 / 10.131, accuracy: 1e-6)
        XCTAssertEqual(KolmogorovSmirnov.criticalValue(n: 100, alpha: 0.01), 1.627624 / 10.131, accuracy: 1e-6)
    }

    func testRejectsAWrongDistribution() {
        // Exponential draws against a uniform CDF on their range: D far above the 1 % value.
        let sample = draws(.exponential(mean: 1), count: 1_000)
        let d = KolmogorovSmirnov.statistic(sample: sample, cdf: Distribution.uniform(min: 0, max: 7).cdf)
        XCTAssertGreaterThan(d, 3 * KolmogorovSmirnov.criticalValue(n: 1_000, alpha: 0.01))
    }
}
