import XCTest
@testable import ScenarioFile

final class SuggestionTests: XCTestCase {
    func testEditDistance() {
        let cases: [(String, String, Int)] = [
            ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("suites", "suites", 0),
            ("suits", "suites", 1),      // insertion
            ("sitse", "sites", 1),       // transposition counts once
            ("kitten", "sitting", 3),
            ("lanes", "lens", 2),
        ]
        for (a, b, expected) in cases {
            XCTAssertEqual(Suggestion.editDistance(Array(a), Array(b)), expected, "\(a) → \(b)")
        }
    }

    func testClosest() {
        let keys = ["simulation", "sites", "lanes", "id"]
        XCTAssertEqual(Suggestion.closest(to: "Sites", among: keys), "sites")        // case only
        XCTAssertEqual(Suggestion.closest(to: "simulaton", among: keys), "simulation")
        XCTAssertEqual(Suggestion.closest(to: "lans", among: keys), "lanes")
        XCTAssertNil(Suggestion.closest(to: "products", among: keys))
        XCTAssertNil(Suggestion.closest(to: "x", among: keys))  // distance 2 = whole of 'id'
    }
}
