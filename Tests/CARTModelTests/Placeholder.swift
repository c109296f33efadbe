import XCTest

final class CARTModelTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
