import XCTest

final class SimKernelTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
