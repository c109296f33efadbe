import Foundation
import XCTest

/// Replays Tests/FuzzCorpus: inputs that once crashed, hung or made `validate` and `run`
/// disagree. Each must now be validated and run (one replication) with status 0 or 2, the
/// two must agree (or run refuse a valid scenario for the memory its work would need, which
/// validate does not estimate), and no temporary folder may be left behind.
final class FuzzCorpusTests: FolderTestCase {
    func testEveryCorpusFileValidatesAndRunsAlike() throws {
        let corpus = CartsimBinary.packageRoot.appendingPathComponent("Tests/FuzzCorpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertFalse(files.isEmpty, "the corpus is empty")
        for name in files {
            let file = corpus.appendingPathComponent(name).path
            let validate = try CartsimBinary.run(["validate", file])
            let out = folder.appendingPathComponent("out")
            let run = try CartsimBinary.run(["run", file, "--replications", "1", "--jobs", "1", "--quiet", "--out", out.path])
            XCTAssertTrue([0, 2].contains(validate.status), "\(name): validate exited \(validate.status)")
            XCTAssertTrue([0, 2].contains(run.status), "\(name): run exited \(run.status): \(run.stderr)")
            let refusedForMemory = run.status == 2 && run.stderr.hasPrefix("cartsim: not run: it would need about ")
            XCTAssertTrue(validate.status == run.status || refusedForMemory,
                          "\(name): validate and run disagree: \(validate.stdout) \(run.stderr)")
            try? FileManager.default.removeItem(at: out)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "\(name) left a folder")
        }
    }
}
