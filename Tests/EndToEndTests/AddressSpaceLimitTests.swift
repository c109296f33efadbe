import Foundation
import XCTest

/// Under an address-space limit (`ulimit -v`, a batch system's memory limit) a run that cannot
/// fit in half of it is refused with the numbers (exit 2), not aborted by a failed allocation:
/// `scripts/fuzz.py --seed 2026 --replay 50232` (574,587 referrals a week for 12 weeks at one
/// hospital) aborted under the fuzzer's 4 GiB limit because only physical memory was checked.
final class AddressSpaceLimitTests: FolderTestCase {
    func testARunThatCannotFitInTheAddressSpaceLimitIsRefused() throws {
        var text = try String(contentsOf: CartsimBinary.packageRoot.appendingPathComponent("Scenarios/point-of-care.yaml"),
                              encoding: .utf8)
        for (old, new) in [("horizon: 104w", "horizon: 12w"), ("warmup: 13w", "warmup: 2w")] {
            XCTAssertTrue(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        let first = try XCTUnwrap(text.range(of: "referrals: 1/week"))
        text.replaceSubrange(first, with: "referrals: 574587/week")
        let file = folder.appendingPathComponent("flood.yaml")
        try Data(text.utf8).write(to: file)
        let out = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v 4194304; exec \"$0\" run \"$1\" --replications 1 --jobs 1 --quiet --out \"$2\"",
                             CartsimBinary.url.path, file.path, out.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2, message)
        XCTAssertTrue(message.hasPrefix("cartsim: not run: it would need about "), message)
        XCTAssertTrue(message.contains("and this process may use 2.0 GiB (half its address-space limit)"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
