import SimRandom
import XCTest

/// The planner factories convert exactly: the stated quantiles or moments come back.
final class PlannerParameterisationTests: XCTestCase {
    /// Relative tolerance of the round trips: a few ulps of error in log/exp and in GSL's
    /// normal quantile, far below any planner-visible difference.
    private let relative = 1e-9

    private func assertClose(_ actual: Double, _ expected: Double, _ what: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual, expected, accuracy: relative * abs(expected), what, file: file, line: line)
    }

    func testLognormalFromMedianAndP90ReproducesBothQuantiles() throws {
        let distribution = try Distribution.lognormal(median: 7, p90: 12)
        guard case .lognormal(let mu, _) = distribution else { return XCTFail("not lognormal: \(distribution)") }
        XCTAssertEqual(mu, log(7))
        assertClose(distribution.quantile(0.5), 7, "median")
        assertClose(distribution.quantile(0.9), 12, "p90")
    }

    func testLognormalFromMeanAndSDReproducesThem() throws {
        let distribution = try Distribution.lognormal(mean: 10, sd: 4)
        assertClose(distribution.mean, 10, "mean")
        assertClose(distribution.variance.squareRoot(), 4, "sd")
    }

    func testGammaFromMeanAndCVReproducesThem() throws {
        let distribution = try Distribution.gamma(mean: 5, cv: 0.4)
        XCTAssertEqual(distribution, .gamma(shape: 1 / (0.4 * 0.4), scale: 5 * 0.4 * 0.4))
        assertClose(distribution.mean, 5, "mean")
        assertClose(distribution.variance.squareRoot() / distribution.mean, 0.4, "cv")
    }

    func testGammaWithCVOneIsTheExponential() throws {
        let gamma = try Distribution.gamma(mean: 3, cv: 1)
        let exponential = Distribution.exponential(mean: 3)
        for p in [0.1, 0.5, 0.9] {
            assertClose(gamma.quantile(p), exponential.quantile(p), "quantile \(p)")
        }
    }

    func testBetaFromMeanAndSDReproducesThem() throws {
        let distribution = try Distribution.beta(mean: 0.3, sd: 0.1)
        assertClose(distribution.mean, 0.3, "mean")
        assertClose(distribution.variance.squareRoot(), 0.1, "sd")
    }
}
