import Foundation
import OutputSchema
import XCTest

/// `FileFailure`: Foundation's file errors as `path: reason` on one line. (Running as root,
/// the tests cannot make the system refuse a write; the errors are built as Foundation
/// builds them.)
final class FileFailureTests: XCTestCase {
    private func cocoa(_ code: CocoaError.Code, path: String, underlying: Int32? = nil) -> Error {
        var info: [String: Any] = [NSFilePathErrorKey: path]
        if let underlying { info[NSUnderlyingErrorKey] = NSError(domain: NSPOSIXErrorDomain, code: Int(underlying)) }
        return NSError(domain: NSCocoaErrorDomain, code: code.rawValue, userInfo: info)
    }

    func testUnderlyingPOSIXErrorGivesTheReason() {
        XCTAssertEqual(FileFailure.describe(cocoa(.fileNoSuchFile, path: "/r/x/stages.csv", underlying: ENOENT)),
                       "/r/x/stages.csv: No such file or directory")
        XCTAssertEqual(FileFailure.describe(cocoa(.fileWriteUnknown, path: "/r/x/run.json", underlying: ENOSPC)),
                       "/r/x/run.json: No space left on device")
        XCTAssertEqual(FileFailure.describe(cocoa(.fileWriteUnknown, path: "/r/f/x", underlying: ENOTDIR)),
                       "/r/f/x: Not a directory")
    }

    func testCocoaCodeAloneGivesTheReason() {
        XCTAssertEqual(FileFailure.describe(cocoa(.fileWriteNoPermission, path: "/r/x")), "/r/x: Permission denied")
        XCTAssertEqual(FileFailure.describe(cocoa(.fileWriteOutOfSpace, path: "/r/x")), "/r/x: No space left on device")
        XCTAssertEqual(FileFailure.describe(cocoa(.fileReadNoSuchFile, path: "/r/x")), "/r/x: No such file or directory")
    }

    func testAPathInsideTheCurrentFolderIsShownRelative() {
        let path = FileManager.default.currentDirectoryPath + "/Results/x/summary.csv"
        XCTAssertEqual(FileFailure.describe(cocoa(.fileWriteNoPermission, path: path)),
                       "Results/x/summary.csv: Permission denied")
    }

    func testOtherErrorsAreNotDescribed() {
        struct Other: Error {}
        XCTAssertNil(FileFailure.describe(Other()))
    }
}
