import SimRandom
import XCTest

/// `cdf` and `quantile` agree with each other and with known values.
final class CDFQuantileTests: XCTestCase {
    private let probabilities = [0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999]

    func testContinuousQuantileInvertsTheCDF() {
        let continuous: [Distribution] = [
            .uniform(min: 2, max: 7), .triangular(min: 1, mode: 2, max: 6), .triangular(min: 1, mode: 6, max: 6),
            .pert(min: 1, mode: 3, max: 10), .exponential(mean: 3), .normal(mean: 10, sd: 2, lowerBound: nil),
            .normal(mean: 2, sd: 3, lowerBound: 0.5), .normal(mean: 0, sd: 1, lowerBound: 6),
            .lognormal(mu: 1, sigma: 0.5), .gamma(shape: 2.5, scale: 1.5), .weibull(shape: 1.7, scale: 4),
            .beta(a: 2, b: 5),
        ]
        for distribution in continuous {
            for p in probabilities {
                // 1e-9 absolute: GSL's iterative inverses (beta, gamma) converge to about 1e-10.
                XCTAssertEqual(distribution.cdf(distribution.quantile(p)), p, accuracy: 1e-9, "\(distribution) at \(p)")
            }
        }
    }

    func testDiscreteQuantileIsTheSmallestValueReachingP() {
        let discrete: [Distribution] = [
            .bernoulli(p: 0.3), .binomial(n: 12, p: 0.35), .poisson(mean: 6.5), .empirical([5, 1, 3, 3]), .fixed(2),
        ]
        for distribution in discrete {
            for p in probabilities + [0.3, 0.7] {
                let q = distribution.quantile(p)
                XCTAssertGreaterThanOrEqual(distribution.cdf(q), p, "\(distribution) at \(p)")
                XCTAssertLessThan(distribution.cdf(q.nextDown), p, "\(distribution) at \(p)")
            }
        }
    }

    func testKnownValues() {
        XCTAssertEqual(Distribution.normal(mean: 0, sd: 1, lowerBound: nil).quantile(0.975), 1.959963984540054, accuracy: 1e-12)
        XCTAssertEqual(Distribution.triangular(min: 0, mode: 1, max: 2).cdf(0.5), 0.125, accuracy: 1e-15)
        XCTAssertEqual(Distribution.triangular(min: 0, mode: 1, max: 2).cdf(1.5), 0.875, accuracy: 1e-15)
        XCTAssertEqual(Distribution.empirical([5, 1, 3, 3]).cdf(3), 0.75)
        XCTAssertEqual(Distribution.empirical([5, 1, 3, 3]).quantile(0.5), 3)
        XCTAssertEqual(Distribution.binomial(n: 4, p: 0.5).cdf(1.7), 5.0 / 16, accuracy: 1e-15)
        XCTAssertEqual(Distribution.bernoulli(p: 0.3).cdf(0), 0.7, accuracy: 1e-15)
        XCTAssertEqual(Distribution.normal(mean: 2, sd: 3, lowerBound: 0.5).cdf(0.4), 0)
    }

    func testEndsOfTheSupportAndInvalidProbabilities() {
        XCTAssertEqual(Distribution.exponential(mean: 2).quantile(0), 0)
        XCTAssertEqual(Distribution.exponential(mean: 2).quantile(1), .infinity)
        XCTAssertEqual(Distribution.uniform(min: 2, max: 7).quantile(1), 7)
        XCTAssertEqual(Distribution.normal(mean: 2, sd: 3, lowerBound: 0.5).quantile(0), 0.5, accuracy: 1e-12)
        XCTAssertEqual(Distribution.poisson(mean: 3).quantile(1), .infinity)
        XCTAssertEqual(Distribution.binomial(n: 7, p: 0.5).quantile(1), 7)
        XCTAssertTrue(Distribution.gamma(shape: 2, scale: 1).quantile(1.5).isNaN)
        XCTAssertTrue(Distribution.gamma(shape: 2, scale: 1).quantile(-0.1).isNaN)
        XCTAssertTrue(Distribution.gamma(shape: 2, scale: 1).cdf(.nan).isNaN)
    }
}
