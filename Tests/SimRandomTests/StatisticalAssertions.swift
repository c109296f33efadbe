import CGSL
import SimRandom
import XCTest

/// Sample size of the goodness-of-fit tests: large enough to detect a wrong parameter or
/// formula (the mean tolerance is about 3 % of one sd), small enough for a fast debug run.
let fitSampleSize = 20_000

/// `count` draws of `distribution` from a stream named after it, so every test has its own
/// fixed seed and the draws do not depend on which other tests run.
func draws(_ distribution: Distribution, count: Int = fitSampleSize) -> [Double] {
    let stream = RandomStream(scenarioSeed: 20_240_601, replication: 0, name: distribution.description)
    return (0 ..< count).map { _ in distribution.sample(stream) }
}

/// The central fourth moment E[(X − μ)⁴] from the raw moments E[X], …, E[X⁴].
/// Callers keep the mean moderate so that the cancellation loses little precision.
func centralFourthMoment(raw m: (Double, Double, Double, Double)) -> Double {
    m.3 - 4 * m.0 * m.2 + 6 * m.0 * m.0 * m.1 - 3 * m.0 * m.0 * m.0 * m.0
}

/// Checks the sample mean and variance of `sample` against `distribution.mean` and
/// `distribution.variance`.
///
/// Tolerances: the sample mean is within 4.5 standard errors (σ/√n) and the sample variance
/// s² within 4.5 of its own standard errors, Var(s²) = (μ₄ − σ⁴(n − 3)/(n − 1))/n with μ₄
/// the known central fourth moment. By the central limit theorem each is a ~99.999 % normal
/// interval; with the fixed seed the test is deterministic, and a wrong formula or parameter
/// mapping moves the estimates by far more than these widths.
func assertMoments(
    _ sample: [Double], of distribution: Distribution, fourthCentralMoment mu4: Double,
    file: StaticString = #filePath, line: UInt = #line
) {
    let n = Double(sample.count)
    let sigma2 = distribution.variance
    let sampleMean = gsl_stats_mean(sample, 1, sample.count)
    let sampleVariance = gsl_stats_variance_m(sample, 1, sample.count, sampleMean)
    let meanTolerance = 4.5 * (sigma2 / n).squareRoot()
    let varianceTolerance = 4.5 * ((mu4 - sigma2 * sigma2 * (n - 3) / (n - 1)) / n).squareRoot()
    XCTAssertEqual(sampleMean, distribution.mean, accuracy: meanTolerance,
                   "mean of \(distribution)", file: file, line: line)
    XCTAssertEqual(sampleVariance, sigma2, accuracy: varianceTolerance,
                   "variance of \(distribution)", file: file, line: line)
}

/// Kolmogorov–Smirnov test of `sample` against the distribution's own `cdf` at α = 0.01
/// (fixed seed: deterministic; a correct sampler fails with probability 1 % per seed, a
/// wrong one gives D many times the critical value at n = 20 000).
func assertKolmogorovSmirnovFit(
    _ sample: [Double], of distribution: Distribution,
    file: StaticString = #filePath, line: UInt = #line
) {
    let d = KolmogorovSmirnov.statistic(sample: sample, cdf: distribution.cdf)
    let critical = KolmogorovSmirnov.criticalValue(n: sample.count, alpha: 0.01)
    XCTAssertLessThan(d, critical, "KS statistic of \(distribution)", file: file, line: line)
}

/// Pearson chi-square goodness-of-fit test at α = 0.01 of observed counts against cell
/// probabilities. Adjacent cells are pooled from the left until each expects at least 5
/// observations (the usual validity rule); the critical value is
/// `gsl_cdf_chisq_Qinv(0.01, cells − 1)`. Fixed seed: deterministic.
func assertChiSquareFit(
    observed: [Int], probabilities: [Double], _ what: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    precondition(observed.count == probabilities.count)
    let total = Double(observed.reduce(0, +))
    var cells: [(observed: Double, expected: Double)] = []
    var pending = (observed: 0.0, expected: 0.0)
    for (count, probability) in zip(observed, probabilities) {
        pending.observed += Double(count)
        pending.expected += probability * total
        if pending.expected >= 5 {
            cells.append(pending)
            pending = (0, 0)
        }
    }
    if pending.expected > 0 || pending.observed > 0 {
        if cells.isEmpty { cells.append(pending) } else {
            cells[cells.count - 1].observed += pending.observed
            cells[cells.count - 1].expected += pending.expected
        }
    }
    XCTAssertGreaterThanOrEqual(cells.count, 2, "\(what): too few cells for a chi-square test", file: file, line: line)
    let statistic = cells.reduce(0.0) { $0 + ($1.observed - $1.expected) * ($1.observed - $1.expected) / $1.expected }
    let critical = gsl_cdf_chisq_Qinv(0.01, Double(cells.count - 1))
    XCTAssertLessThan(statistic, critical, "chi-square of \(what) over \(cells.count) cells", file: file, line: line)
}

/// Chi-square test of draws from a distribution with the finite, sorted `support`, using
/// the distribution's own `cdf` for the cell probabilities (the last cell takes the upper tail).
func assertChiSquareFit(
    _ sample: [Double], of distribution: Distribution, support: [Double],
    file: StaticString = #filePath, line: UInt = #line
) {
    let counts = Dictionary(grouping: sample, by: { $0 }).mapValues(\.count)
    XCTAssertTrue(Set(counts.keys).isSubset(of: support), "\(distribution) drew outside its support", file: file, line: line)
    var probabilities: [Double] = []
    var below = 0.0
    for (index, value) in support.enumerated() {
        let upTo = index == support.count - 1 ? 1 : distribution.cdf(value)
        probabilities.append(upTo - below)
        below = upTo
    }
    assertChiSquareFit(observed: support.map { counts[$0, default: 0] }, probabilities: probabilities,
                       distribution.description, file: file, line: line)
}
