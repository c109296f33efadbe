import SimRandom
import XCTest

/// Invalid parameters give the exact planner-facing messages.
final class ValidationMessageTests: XCTestCase {
    private func assertMessage(_ expected: String, file: StaticString = #filePath, line: UInt = #line,
                               _ body: () throws -> Any) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual((error as? DistributionError)?.message, expected, file: file, line: line)
        }
    }

    func testCanonicalParameters() {
        assertMessage("normal: sd must be positive, got -1") { try Distribution.normal(mean: 5, sd: -1, lowerBound: nil).validated() }
        assertMessage("bernoulli: p must be in [0, 1], got 1.5") { try Distribution.bernoulli(p: 1.5).validated() }
        assertMessage("triangular: need min <= mode <= max, got 3, 2, 5") {
            try Distribution.triangular(min: 3, mode: 2, max: 5).validated()
        }
        assertMessage("pert: need min < max, got 4, 4, 4; use fixed for a constant") {
            try Distribution.pert(min: 4, mode: 4, max: 4).validated()
        }
        assertMessage("uniform: need min < max, got 5, 3") { try Distribution.uniform(min: 5, max: 3).validated() }
        assertMessage("exponential: mean must be positive, got 0") { try Distribution.exponential(mean: 0).validated() }
        assertMessage("binomial: n must be between 1 and 4294967295, got 0") { try Distribution.binomial(n: 0, p: 0.5).validated() }
        assertMessage("weibull: shape must be positive, got -2") { try Distribution.weibull(shape: -2, scale: 1).validated() }
        assertMessage("normal: lowerBound (40) is more than 30 sd above the mean (0); almost no probability is left above it") {
            try Distribution.normal(mean: 0, sd: 1, lowerBound: 40).validated()
        }
    }

    func testNonFiniteNumbersAreRejected() {
        assertMessage("gamma: shape must be a finite number, got nan") { try Distribution.gamma(shape: .nan, scale: 1).validated() }
        assertMessage("exponential: mean must be a finite number, got inf") { try Distribution.exponential(mean: .infinity).validated() }
        assertMessage("fixed: value must be a finite number, got -inf") { try Distribution.fixed(-.infinity).validated() }
        assertMessage("empirical: value 2 must be a finite number, got nan") { try Distribution.empirical([1, .nan]).validated() }
    }

    func testPlannerParameterisations() {
        assertMessage("lognormal: p90 (5) must be greater than median (7)") { try Distribution.lognormal(median: 7, p90: 5) }
        assertMessage("lognormal: median must be positive, got -1") { try Distribution.lognormal(median: -1, p90: 5) }
        assertMessage("lognormal: sd must be positive, got 0") { try Distribution.lognormal(mean: 3, sd: 0) }
        assertMessage("gamma: cv must be positive, got -0.5") { try Distribution.gamma(mean: 3, cv: -0.5) }
        assertMessage("beta: mean must be strictly between 0 and 1, got 1") { try Distribution.beta(mean: 1, sd: 0.1) }
        assertMessage("beta: sd (0.6) is too large for mean (0.5); it must be less than sqrt(mean*(1-mean)) = 0.5") {
            try Distribution.beta(mean: 0.5, sd: 0.6)
        }
    }

    func testEmptyEmpirical() {
        assertMessage("empirical: needs at least one value") { try Distribution.empirical([]).validated() }
    }

    func testValidDistributionsPassUnchanged() throws {
        let valid: [Distribution] = [
            .fixed(0), .uniform(min: -1, max: 1), .triangular(min: 0, mode: 0, max: 1), .pert(min: 1, mode: 2, max: 3),
            .exponential(mean: 2), .normal(mean: 0, sd: 1, lowerBound: -3), .lognormal(mu: -1, sigma: 0.2),
            .gamma(shape: 0.3, scale: 9), .weibull(shape: 3, scale: 2), .beta(a: 0.5, b: 0.5), .bernoulli(p: 0),
            .bernoulli(p: 1), .binomial(n: 1, p: 0), .poisson(mean: 0.01), .empirical([7]),
        ]
        for distribution in valid {
            XCTAssertEqual(try distribution.validated(), distribution)
        }
    }

    func testDescriptionShowsCanonicalParameters() {
        XCTAssertEqual(Distribution.lognormal(mu: 1.5, sigma: 0.25).description, "lognormal(mu: 1.5, sigma: 0.25)")
        XCTAssertEqual(Distribution.normal(mean: 5, sd: 1, lowerBound: 0).description, "normal(mean: 5, sd: 1, lowerBound: 0)")
        XCTAssertEqual(Distribution.binomial(n: 3, p: 0.5).description, "binomial(n: 3, p: 0.5)")
        XCTAssertEqual(Distribution.empirical([4, 1, 9]).description, "empirical(3 values in [1, 9])")
        XCTAssertEqual(DistributionError("x: y").description, "x: y")
    }
}
