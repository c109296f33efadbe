import SimRandom
import XCTest

/// GSL's default error handler aborts the process; SimRandom turns it off, so a GSL domain
/// error comes back as NaN instead.
final class GSLErrorHandlingTests: XCTestCase {
    func testDomainErrorInGSLReturnsNaNInsteadOfAborting() {
        // Unvalidated on purpose: gsl_cdf_poisson_P reports GSL_EDOM for a negative mean.
        XCTAssertTrue(Distribution.poisson(mean: -1).cdf(2).isNaN)
    }

    func testWeibullMomentsOverflowToInfinity() {
        // Shape 0.01: the variance needs Γ(201) ≈ 7.9e374, beyond Double; the mean Γ(101) is not.
        let distribution = Distribution.weibull(shape: 0.01, scale: 1)
        XCTAssertEqual(distribution.variance, .infinity)
        XCTAssertEqual(distribution.mean, tgamma(101), accuracy: 1e-9 * tgamma(101))
    }
}
