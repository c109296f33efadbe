import XCTest

final class ScenarioFileTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
