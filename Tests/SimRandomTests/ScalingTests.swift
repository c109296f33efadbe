import SimRandom
import XCTest

/// `scaled(by:)` is the distribution of factor·X: quantiles scale by the factor, the mean
/// by the factor and the variance by its square.
final class ScalingTests: XCTestCase {
    private let secondsPerDay = 86_400.0

    func testEveryScalableCaseScalesItsQuantilesAndMoments() throws {
        let scalable: [Distribution] = [
            .fixed(2), .uniform(min: 1, max: 3), .triangular(min: 1, mode: 2, max: 4), .pert(min: 1, mode: 2, max: 4),
            .exponential(mean: 2), .normal(mean: 5, sd: 1, lowerBound: nil), .normal(mean: 5, sd: 2, lowerBound: 4),
            .lognormal(mu: 1, sigma: 0.5), .gamma(shape: 2, scale: 3), .weibull(shape: 1.5, scale: 2),
            .empirical([1, 4, 2]),
        ]
        for distribution in scalable {
            let scaled = try distribution.scaled(by: secondsPerDay)
            XCTAssertEqual(scaled.mean, distribution.mean * secondsPerDay, accuracy: 1e-9 * scaled.mean, "\(distribution)")
            XCTAssertEqual(scaled.variance, distribution.variance * secondsPerDay * secondsPerDay,
                           accuracy: 1e-9 * scaled.variance, "\(distribution)")
            for p in [0.1, 0.5, 0.9] {
                XCTAssertEqual(scaled.quantile(p), distribution.quantile(p) * secondsPerDay,
                               accuracy: 1e-9 * scaled.quantile(p), "\(distribution) quantile \(p)")
            }
        }
    }

    func testLognormalShiftsMu() throws {
        XCTAssertEqual(try Distribution.lognormal(mu: 1, sigma: 0.5).scaled(by: 10), .lognormal(mu: 1 + log(10), sigma: 0.5))
    }

    func testUnscalableCasesAndBadFactorsThrow() {
        XCTAssertThrowsError(try Distribution.beta(a: 1, b: 2).scaled(by: 2)) {
            XCTAssertEqual("\($0)", "beta: cannot be scaled: it is a proportion on [0, 1]")
        }
        XCTAssertThrowsError(try Distribution.poisson(mean: 2).scaled(by: 2)) {
            XCTAssertEqual("\($0)", "poisson: cannot be scaled: it is a count")
        }
        XCTAssertThrowsError(try Distribution.exponential(mean: 2).scaled(by: 0)) {
            XCTAssertEqual("\($0)", "exponential: scale factor must be positive, got 0")
        }
        XCTAssertThrowsError(try Distribution.exponential(mean: 1e300).scaled(by: 1e10)) {
            XCTAssertEqual("\($0)", "exponential: mean must be a finite number, got inf")
        }
    }
}
