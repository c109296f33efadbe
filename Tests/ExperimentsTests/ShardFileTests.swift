import Foundation
import XCTest
@testable import Experiments

/// Shard files are read by column name and every field strictly: a bad field names the
/// file, the line and the column; nothing becomes a silent 0 or NaN.
final class ShardFileTests: XCTestCase {
    func testABadFieldIsAnErrorNamingFileLineAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shard-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "replication,week,referrals\n0,0,5\n0,1,x\n0,2,\n".write(to: folder.appendingPathComponent("w.csv"),
                                                                         atomically: true, encoding: .utf8)
        let file = try ShardFile("w.csv", in: folder)
        let referrals = try file.column("referrals")
        XCTAssertEqual(try file.int(file.rows[0], referrals), 5)
        XCTAssertThrowsError(try file.int(file.rows[1], referrals)) { error in
            XCTAssertEqual("\(error)", "\(folder.path)/w.csv:3: column 'referrals': expected an integer, got 'x'")
        }
        XCTAssertTrue(try file.number(file.rows[2], referrals).isNaN, "an empty field is an undefined value")
        XCTAssertThrowsError(try file.column("dropouts")) { error in
            XCTAssertEqual("\(error)", "\(folder.path)/w.csv:1: missing column 'dropouts'")
        }
        try "a,b\n1,2,3\n".write(to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ShardFile("bad.csv", in: folder)) { error in
            XCTAssertEqual("\(error)", "\(folder.path)/bad.csv:2: expected 2 fields, found 3")
        }
    }
}
