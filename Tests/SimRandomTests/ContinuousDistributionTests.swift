import CGSL
import SimRandom
import XCTest

/// Each continuous distribution, sampled with a fixed seed, against its own mean, variance
/// and CDF. The fourth central moments (for the variance tolerance) are textbook formulas.
final class ContinuousDistributionTests: XCTestCase {
    private func assertFits(_ distribution: Distribution, fourthCentralMoment mu4: Double,
                            file: StaticString = #filePath, line: UInt = #line) {
        let sample = draws(distribution)
        assertMoments(sample, of: distribution, fourthCentralMoment: mu4, file: file, line: line)
        assertKolmogorovSmirnovFit(sample, of: distribution, file: file, line: line)
    }

    /// Raw moments E[Xᵏ] = Π_{r<k} (a + r)/(a + b + r) of Beta(a, b).
    private func betaFourthCentralMoment(a: Double, b: Double) -> Double {
        func raw(_ k: Int) -> Double { (0 ..< k).reduce(1.0) { $0 * (a + Double($1)) / (a + b + Double($1)) } }
        return centralFourthMoment(raw: (raw(1), raw(2), raw(3), raw(4)))
    }

    func testUniform() {
        // μ₄ = (max − min)⁴/80.
        assertFits(.uniform(min: 2, max: 7), fourthCentralMoment: pow(5, 4) / 80)
    }

    func testTriangular() {
        // Excess kurtosis −3/5 for every triangular: μ₄ = 2.4·σ⁴.
        let distribution = Distribution.triangular(min: 1, mode: 2, max: 6)
        assertFits(distribution, fourthCentralMoment: 2.4 * pow(distribution.variance, 2))
    }

    func testTriangularWithModeAtAnEnd() {
        let distribution = Distribution.triangular(min: 0, mode: 0, max: 3)
        assertFits(distribution, fourthCentralMoment: 2.4 * pow(distribution.variance, 2))
    }

    func testPert() {
        // PERT(1, 3, 10): min + 9·Beta(1 + 4·2/9, 1 + 4·7/9); μ₄ scales by 9⁴.
        let distribution = Distribution.pert(min: 1, mode: 3, max: 10)
        XCTAssertEqual(distribution.mean, (1 + 4 * 3 + 10) / 6.0, accuracy: 1e-12)
        XCTAssertEqual(distribution.variance, (distribution.mean - 1) * (10 - distribution.mean) / 7, accuracy: 1e-12)
        assertFits(distribution, fourthCentralMoment: pow(9, 4) * betaFourthCentralMoment(a: 1 + 8.0 / 9, b: 1 + 28.0 / 9))
    }

    func testExponential() {
        // Excess kurtosis 6: μ₄ = 9·mean⁴.
        assertFits(.exponential(mean: 3), fourthCentralMoment: 9 * pow(3, 4))
    }

    func testNormal() {
        assertFits(.normal(mean: 10, sd: 2, lowerBound: nil), fourthCentralMoment: 3 * pow(2, 4))
    }

    func testTruncatedNormal() {
        // Z = (X − mean)/sd given Z ≥ α has raw moments mₖ = (k − 1)mₖ₋₂ + αᵏ⁻¹λ, λ = φ(α)/Q(α),
        // and X's central moments are sd⁴ times Z's.
        let (mean, sd, lowerBound) = (2.0, 3.0, 0.5)
        let alpha = (lowerBound - mean) / sd
        let lambda = gsl_ran_ugaussian_pdf(alpha) / gsl_cdf_ugaussian_Q(alpha)
        let m1 = lambda
        let m2 = 1 + alpha * lambda
        let m3 = 2 * m1 + alpha * alpha * lambda
        let m4 = 3 * m2 + pow(alpha, 3) * lambda
        let distribution = Distribution.normal(mean: mean, sd: sd, lowerBound: lowerBound)
        XCTAssertEqual(distribution.mean, mean + sd * m1, accuracy: 1e-12)
        XCTAssertEqual(distribution.variance, sd * sd * (m2 - m1 * m1), accuracy: 1e-12)
        let sample = draws(distribution)
        XCTAssertGreaterThanOrEqual(sample.min()!, lowerBound)
        assertMoments(sample, of: distribution, fourthCentralMoment: pow(sd, 4) * centralFourthMoment(raw: (m1, m2, m3, m4)))
        assertKolmogorovSmirnovFit(sample, of: distribution)
    }

    func testNormalTruncatedFarInTheTail() {
        // 6 sd above the mean: inverse-CDF sampling of the upper tail must stay above the bound
        // and follow the tail's CDF (the tail mass is 1e-9, rejection sampling would not finish).
        let distribution = Distribution.normal(mean: 0, sd: 1, lowerBound: 6)
        let sample = draws(distribution, count: 2_000)
        XCTAssertGreaterThanOrEqual(sample.min()!, 6)
        assertKolmogorovSmirnovFit(sample, of: distribution)
    }

    func testLognormal() {
        // E[Xᵏ] = exp(k·mu + k²σ²/2).
        let (mu, sigma) = (1.0, 0.5)
        func raw(_ k: Double) -> Double { exp(k * mu + k * k * sigma * sigma / 2) }
        assertFits(.lognormal(mu: mu, sigma: sigma), fourthCentralMoment: centralFourthMoment(raw: (raw(1), raw(2), raw(3), raw(4))))
    }

    func testGamma() {
        // Excess kurtosis 6/shape: μ₄ = σ⁴(3 + 6/shape).
        let distribution = Distribution.gamma(shape: 2.5, scale: 1.5)
        assertFits(distribution, fourthCentralMoment: pow(distribution.variance, 2) * (3 + 6 / 2.5))
    }

    func testGammaWithShapeBelowOne() {
        let distribution = Distribution.gamma(shape: 0.5, scale: 2)
        assertFits(distribution, fourthCentralMoment: pow(distribution.variance, 2) * (3 + 6 / 0.5))
    }

    func testWeibull() {
        // E[Xᵏ] = scaleᵏ·Γ(1 + k/shape).
        let (shape, scale) = (1.7, 4.0)
        func raw(_ k: Double) -> Double { pow(scale, k) * tgamma(1 + k / shape) }
        let distribution = Distribution.weibull(shape: shape, scale: scale)
        XCTAssertEqual(distribution.mean, raw(1), accuracy: 1e-12)
        assertFits(distribution, fourthCentralMoment: centralFourthMoment(raw: (raw(1), raw(2), raw(3), raw(4))))
    }

    func testBeta() {
        assertFits(.beta(a: 2, b: 5), fourthCentralMoment: betaFourthCentralMoment(a: 2, b: 5))
    }
}
