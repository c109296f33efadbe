import XCTest
@testable import ScenarioFile

final class DiagnosticTests: XCTestCase {
    func testDescriptionWithAndWithoutPath() {
        let location = SourceLocation(file: "plan.yaml", line: 3, column: 5)
        XCTAssertEqual(ScenarioDiagnostic(location: location, path: "lanes[2].transit", message: "bad").description,
                       "plan.yaml:3:5: lanes[2].transit: bad")
        XCTAssertEqual(ScenarioDiagnostic(location: location, path: "", message: "bad").description,
                       "plan.yaml:3:5: bad")
    }

    func testErrorsAreSortedByLineThenColumnStably() {
        func at(_ line: Int, _ column: Int, _ message: String) -> ScenarioDiagnostic {
            ScenarioDiagnostic(location: SourceLocation(file: "f", line: line, column: column), path: "", message: message)
        }
        let errors = ScenarioErrors([at(9, 1, "c"), at(2, 7, "b"), at(2, 3, "a"), at(9, 1, "d")])
        XCTAssertEqual(errors.description, "f:2:3: a\nf:2:7: b\nf:9:1: c\nf:9:1: d")
    }

    func testSinkThrowsOnlyWhenSomethingWasReported() throws {
        let sink = DiagnosticSink()
        try sink.throwIfAny()
        sink.report("wrong", at: .start(of: "f"), path: "x")
        XCTAssertThrowsError(try sink.throwIfAny()) { error in
            XCTAssertEqual("\(error)", "f:1:1: x: wrong")
        }
    }
}
