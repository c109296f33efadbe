import Foundation
import SimRandom
import XCTest
@testable import ScenarioFile

final class DistributionReaderTests: XCTestCase {
    private let day = 86_400.0

    private func read(_ value: String, _ kind: ValueKind = .duration) -> (value: Distribution?, errors: [String]) {
        readValue("key: \(value)") { $0.distribution(of: kind) }
    }

    private func assertReads(_ value: String, _ kind: ValueKind = .duration, as expected: Distribution,
                             line: UInt = #line) {
        let (distribution, errors) = read(value, kind)
        XCTAssertEqual(errors, [], line: line)
        XCTAssertEqual(distribution, expected, value, line: line)
    }

    func testDurationFormsAreInSeconds() throws {
        assertReads("3d", as: .fixed(3 * day))
        assertReads("{fixed: 36h}", as: .fixed(1.5 * day))
        assertReads("{exponential: 2d}", as: .exponential(mean: 2 * day))
        assertReads("{exponential: {mean: 12h}}", as: .exponential(mean: 0.5 * day))
        assertReads("{uniform: [1d, 3d]}", as: .uniform(min: day, max: 3 * day))
        assertReads("{uniform: {min: 1d, max: 3d}}", as: .uniform(min: day, max: 3 * day))
        assertReads("{triangular: [1d, 2d, 5d]}", as: .triangular(min: day, mode: 2 * day, max: 5 * day))
        assertReads("{triangular: {min: 1d, mode: 2d, max: 5d}}", as: .triangular(min: day, mode: 2 * day, max: 5 * day))
        assertReads("{pert: [1d, 2d, 1w]}", as: .pert(min: day, mode: 2 * day, max: 7 * day))
        assertReads("{normal: {mean: 5d, sd: 1d, min: 2d}}", as: .normal(mean: 5 * day, sd: day, lowerBound: 2 * day))
        assertReads("{normal: {mean: 5d, sd: 1d}}", as: .normal(mean: 5 * day, sd: day, lowerBound: 0))
        assertReads("{lognormal: {median: 7d, p90: 9d}}", as: try .lognormal(median: 7, p90: 9).scaled(by: day))
        assertReads("{lognormal: {mean: 7d, sd: 2d}}", as: try .lognormal(mean: 7, sd: 2).scaled(by: day))
        assertReads("{lognormal: {mu: 1.9, sigma: 0.3}}", as: .lognormal(mu: 1.9 + log(day), sigma: 0.3))
        assertReads("{gamma: {mean: 3d, cv: 0.5}}", as: try .gamma(mean: 3, cv: 0.5).scaled(by: day))
        assertReads("{gamma: {shape: 4, scale: 18h}}", as: .gamma(shape: 4, scale: 0.75 * day))
        assertReads("{weibull: {shape: 1.5, scale: 4d}}", as: .weibull(shape: 1.5, scale: 4 * day))
        assertReads("{empirical: [3d, 4d, 108h]}", as: .empirical([3 * day, 4 * day, 4.5 * day]))
    }

    func testSecondsSurviveTheTripThroughDays() throws {
        guard case .fixed(let seconds)? = read("45s").value else { return XCTFail("not fixed") }
        XCTAssertEqual(seconds, 45, accuracy: 1e-9)
    }

    func testNumberForms() throws {
        assertReads("0.8", .number, as: .fixed(0.8))
        assertReads("{normal: {mean: 10, sd: 2}}", .number, as: .normal(mean: 10, sd: 2, lowerBound: nil))
        assertReads("{lognormal: {mu: 1, sigma: 0.5}}", .number, as: .lognormal(mu: 1, sigma: 0.5))
        assertReads("{beta: {mean: 0.3, sd: 0.1}}", .number, as: try .beta(mean: 0.3, sd: 0.1))
        assertReads("{beta: {a: 2, b: 5}}", .number, as: .beta(a: 2, b: 5))
        assertReads("{poisson: {mean: 3}}", .number, as: .poisson(mean: 3))
        assertReads("{poisson: 3}", .number, as: .poisson(mean: 3))
        assertReads("{empirical: [1, 2.5]}", .number, as: .empirical([1, 2.5]))
    }

    func testEmpiricalFileIsRelativeToTheScenarioAndInDays() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "days\n3\n4.5\n".write(to: directory.appendingPathComponent("qc.csv"), atomically: true, encoding: .utf8)
        let scenario = directory.appendingPathComponent("s.yaml").path
        let distribution = try NodeReader.decode(text: "qc: {empirical: {file: qc.csv}}", file: scenario) { root in
            root.mapping(allowedKeys: ["qc"])?.required("qc")?.distribution(of: .duration)
        }
        XCTAssertEqual(distribution, .empirical([3 * day, 4.5 * day]))
    }

    func testErrors() {
        let durations = "fixed, uniform, triangular, pert, exponential, normal, lognormal, gamma, weibull, empirical"
        let cases: [(String, ValueKind, String)] = [
            ("3", .duration, "s.yaml:1:6: key: expected a duration with a unit (s, min, h, d, w), e.g. '36h' or '2d', got '3'"),
            ("[1d]", .duration,
             "s.yaml:1:6: key: expected a duration or a distribution such as {lognormal: {median: 7d, p90: 9d}}, got a list"),
            ("{lognorml: {median: 7d, p90: 9d}}", .duration,
             "s.yaml:1:7: key: unknown distribution 'lognorml'; did you mean 'lognormal'?"),
            ("{banana: 3}", .duration, "s.yaml:1:7: key: unknown distribution 'banana'; expected one of \(durations)"),
            ("{beta: {a: 1, b: 2}}", .duration,
             "s.yaml:1:7: key: 'beta' describes numbers, not durations; expected one of \(durations)"),
            ("{a: 1d, b: 2d}", .duration,
             "s.yaml:1:6: key: expected exactly one distribution name (one of \(durations)), got 'a', 'b'"),
            ("{}", .number, "s.yaml:1:6: key: expected exactly one distribution name (one of fixed, uniform, "
                + "triangular, pert, exponential, normal, lognormal, gamma, weibull, beta, poisson, empirical), got none"),
            ("{lognormal: {median: 7d, p90: 5d}}", .duration,
             "s.yaml:1:6: key: lognormal: p90 (5) must be greater than median (7) (durations in days)"),
            ("{uniform: [3d, 1d]}", .duration, "s.yaml:1:6: key: uniform: need min < max, got 3, 1 (durations in days)"),
            ("{lognormal: {median: 7d, sd: 1d}}", .duration,
             "s.yaml:1:18: key.lognormal: lognormal takes median and p90, or mean and sd, or mu and sigma; got median, sd"),
            ("{normal: {mean: 5d}}", .duration,
             "s.yaml:1:15: key.normal: normal takes mean and sd, or mean, sd and min; got mean"),
            ("{lognormal: {median: 7d, p9: 9d}}", .duration,
             "s.yaml:1:31: key.lognormal: unknown key 'p9'; did you mean 'p90'?"),
            ("{triangular: [1d, 2d]}", .duration,
             "s.yaml:1:19: key.triangular: triangular takes a list of 3 values [min, mode, max], got 2"),
            ("{exponential: [1d]}", .duration,
             "s.yaml:1:20: key.exponential: expected the parameters of exponential (mean), got a list"),
            ("{uniform: 3d}", .duration, "s.yaml:1:16: key.uniform: expected the parameters of uniform (min and max), got '3d'"),
            ("{gamma: {mean: 3d, cv: 2d}}", .duration, "s.yaml:1:29: key.gamma.cv: expected a number, got '2d'"),
            ("{gamma: {mean: 3, cv: 0.5}}", .duration,
             "s.yaml:1:21: key.gamma.mean: expected a duration with a unit (s, min, h, d, w), e.g. '36h' or '2d', got '3'"),
            ("{empirical: []}", .duration, "s.yaml:1:6: key: empirical: needs at least one value"),
            ("{empirical: 3d}", .duration, "s.yaml:1:18: key.empirical: expected a list of values or {file: data.csv}, got '3d'"),
            ("{beta: {mean: 0.3, sd: 0.6}}", .number,
             "s.yaml:1:6: key: beta: sd (0.6) is too large for mean (0.3); it must be less than sqrt(mean*(1-mean)) = 0.458257569495584"),
        ]
        for (value, kind, message) in cases {
            let (distribution, errors) = read(value, kind)
            XCTAssertNil(distribution, value)
            XCTAssertEqual(errors, [message], value)
        }
    }

    func testMissingEmpiricalFileIsReportedWithTheSystemsReason() {
        XCTAssertEqual(read("{empirical: {file: no-such.csv}}").errors,
                       ["s.yaml:1:6: key: empirical: cannot read no-such.csv: No such file or directory"])
    }
}
