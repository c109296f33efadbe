import SimRandom
import XCTest

/// Discrete distributions, sampled with a fixed seed: mean and variance within their
/// sampling tolerances, and a chi-square test of the frequencies against the CDF.
final class DiscreteDistributionTests: XCTestCase {
    private func assertFits(_ distribution: Distribution, support: [Double], fourthCentralMoment mu4: Double,
                            file: StaticString = #filePath, line: UInt = #line) {
        let sample = draws(distribution)
        assertMoments(sample, of: distribution, fourthCentralMoment: mu4, file: file, line: line)
        assertChiSquareFit(sample, of: distribution, support: support, file: file, line: line)
    }

    /// μ₄ of Binomial(n, p) = npq(1 + 3(n − 2)pq), q = 1 − p.
    private func binomialFourthCentralMoment(n: Double, p: Double) -> Double {
        let pq = p * (1 - p)
        return n * pq * (1 + 3 * (n - 2) * pq)
    }

    func testBernoulli() {
        assertFits(.bernoulli(p: 0.3), support: [0, 1], fourthCentralMoment: binomialFourthCentralMoment(n: 1, p: 0.3))
    }

    func testBinomial() {
        assertFits(.binomial(n: 12, p: 0.35), support: (0 ... 12).map(Double.init),
                   fourthCentralMoment: binomialFourthCentralMoment(n: 12, p: 0.35))
    }

    func testPoisson() {
        // μ₄ = mean + 3·mean². Support truncated at 40: P(X > 40) < 1e-12 for mean 6.5.
        assertFits(.poisson(mean: 6.5), support: (0 ... 40).map(Double.init), fourthCentralMoment: 6.5 + 3 * 6.5 * 6.5)
    }

    func testEmpiricalResamplesTheValuesWithTheirMultiplicity() {
        let values: [Double] = [2, 3, 3, 5, 8, 13, 3, 21]
        let distribution = Distribution.empirical(values)
        let mean = values.reduce(0, +) / 8
        XCTAssertEqual(distribution.mean, mean, accuracy: 1e-12)
        XCTAssertEqual(distribution.variance, values.map { pow($0 - mean, 2) }.reduce(0, +) / 8, accuracy: 1e-12)
        let mu4 = values.map { pow($0 - mean, 4) }.reduce(0, +) / 8
        assertFits(distribution, support: [2, 3, 5, 8, 13, 21], fourthCentralMoment: mu4)
    }

    func testFixedAlwaysGivesItsValue() {
        let distribution = Distribution.fixed(4.25)
        XCTAssertEqual(Set(draws(distribution, count: 100)), [4.25])
        XCTAssertEqual(distribution.mean, 4.25)
        XCTAssertEqual(distribution.variance, 0)
    }
}
