import XCTest

final class SimRandomTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
