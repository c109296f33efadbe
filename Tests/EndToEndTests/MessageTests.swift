import Foundation
import XCTest

/// Messages through the binary, each exact: a file that fails during a run is named with the
/// system's reason on one line (exit 1); a bad `--precision` is refused before anything runs
/// (exit 2); thousands of errors are capped; columns count characters; an empirical file's
/// text is never echoed; a run's report names its folder as given.
final class MessageTests: FolderTestCase {
    /// A minimal valid scenario.
    private static let minimal = """
        name: minimal
        simulation: {horizon: 20w, replications: 2}
        products:
          car-t:
            starting_material: fresh
            manufacturing:
              - expansion: 7d
            qc: 7d
        indications:
          dlbcl: {product: car-t}
        sites:
          centre:
            kind: centre
            referrals: 1/week
            apheresis: {chairs: 1}
            plant: plant
            beds: 2
          plant:
            kind: plant
            suites: 2
        lanes:
          - {from: centre, to: plant, transit: 1d, return: true}

        """

    private func write(_ text: String, to name: String) throws -> URL {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// The folder's entries, hidden ones included.
    private func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testResultsFolderRemovedDuringTheRunIsNamedWithTheReasonOnOneLine() throws {
        let out = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = CartsimBinary.url
        process.arguments = ["run", "Scenarios/axicel-central-fresh.yaml", "--replications", "1000000", "--jobs", "1",
                             "--out", out.path, "--quiet"]
        process.currentDirectoryURL = CartsimBinary.packageRoot
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The run's progress, not a time, decides when its folder is taken away.
        var temporary: String?
        let deadline = Date().addingTimeInterval(60)
        while temporary == nil, Date() < deadline {
            temporary = try entries().first { name in
                let patients = folder.appendingPathComponent(name).appendingPathComponent("patients.csv")
                let size = try? FileManager.default.attributesOfItem(atPath: patients.path)[.size] as? Int
                return name.hasPrefix(".out.tmp-") && (size ?? 0) > 0
            }
            if temporary == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        let name = try XCTUnwrap(temporary, "the run never wrote its first replication")
        kill(process.processIdentifier, SIGSTOP)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        kill(process.processIdentifier, SIGTERM)
        kill(process.processIdentifier, SIGCONT)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1, message)
        XCTAssertEqual(message, "\ncartsim: SIGTERM received: stopping after the replications in progress "
                       + "(a second Ctrl-C or signal ends at once)\n"
                       + "cartsim: \(folder.path)/\(name)/stages.csv: No such file or directory\n")
        XCTAssertEqual(try entries(), [], "no results and no temporary folder")
    }

    func testAnEndlessFileIsRefused() throws {
        let validate = try CartsimBinary.run(["validate", "/dev/zero"])
        XCTAssertEqual(validate.status, 2)
        XCTAssertEqual(validate.stdout, "/dev/zero:1:1: cannot read the scenario file: larger than 256 MiB, "
                       + "more than any scenario holds\n")
    }

    func testPrecisionThatIsNotAPositiveFiniteNumberIsRefusedBeforeTheRun() throws {
        let out = folder.appendingPathComponent("out")
        for width in ["inf", "nan", "0", "-1", "+infinity"] {
            let target = "vein_to_vein_p90_days=\(width)"
            let run = try CartsimBinary.run(["run", "Scenarios/axicel-central-fresh.yaml", "--precision", target,
                                             "--out", out.path])
            XCTAssertEqual(run.status, 2, width)
            XCTAssertEqual(run.stderr, "cartsim: --precision expects KPI=HALFWIDTH with a positive, finite half-width, "
                           + "e.g. vein_to_vein_p90_days=0.5, got '\(target)'\n")
            XCTAssertEqual(run.stdout, "", width)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), width)
        }
    }

    func testThousandsOfErrorsPrintTheFirstHundredAndACount() throws {
        let dates = (0..<1_000).map { "2026-13-\(String(format: "%02d", $0 % 28 + 1))" }.joined(separator: ", ")
        let file = try write(Self.minimal + "calendars:\n  office:\n    holidays: [\(dates)]\n", to: "dates.yaml")
        let out = folder.appendingPathComponent("out")
        let run = try CartsimBinary.run(["run", file.path, "--out", out.path])
        let validate = try CartsimBinary.run(["validate", file.path])
        for (output, status) in [(run.stderr, run.status), (validate.stdout, validate.status)] {
            XCTAssertEqual(status, 2)
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(lines.count, 102, "100 errors, the count, and the final line break")
            XCTAssertEqual(lines[0], Substring("\(file.path):25:16: calendars.office.holidays[0]: "
                                               + "invalid date '2026-13-01': the month must be from 01 to 12"))
            XCTAssertEqual(lines[99], Substring("\(file.path):25:1204: calendars.office.holidays[99]: "
                                                + "invalid date '2026-13-16': the month must be from 01 to 12"))
            XCTAssertEqual(lines[100], Substring("\(file.path): 900 more errors not shown"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testColumnsCountCharactersNotBytes() throws {
        let text = Self.minimal.replacingOccurrences(of: "  plant:\n    kind: plant\n    suites: 2",
                                                     with: "  plant: {kind: plant, \"µéµé\": 1, suites: two}")
        let file = try write(text, to: "columns.yaml")
        let validate = try CartsimBinary.run(["validate", file.path])
        XCTAssertEqual(validate.status, 2)
        XCTAssertEqual(validate.stdout, """
            \(file.path):18:24: sites.plant: unknown key 'µéµé'; allowed keys: kind, time_zone, intake, suites, \
            suite_calendar, discipline, qc_capacity, qc_calendar, qa_calendar, slots, changeover, maintenance, failures, \
            contamination, qc_invalid_assay, capacity_changes, staff, stock, products, qc
            \(file.path):18:43: sites.plant.suites: expected an integer of at least 0, got 'two'

            """)
        // A Latin-1 'é' (0xE9) after 'µ' in UTF-8: the column is the 'é', as an editor shows it.
        let latin1 = folder.appendingPathComponent("latin1.yaml")
        try Data("name: \"µ".utf8 + [0xE9] + Data("t\"\n".utf8)).write(to: latin1)
        XCTAssertEqual(try CartsimBinary.run(["validate", latin1.path]).stdout,
                       "\(latin1.path):1:9: syntax error: invalid trailing UTF-8 octet (byte 0xE9 followed by 0x74); "
                       + "a scenario file must be UTF-8 text\n")
    }

    func testAnEmpiricalFileThatIsNotACSVOfNumbersIsNotEchoed() throws {
        _ = try write("user: someone\npassword: hunter2\n", to: "secret.txt")
        let file = try write(Self.minimal.replacingOccurrences(of: "qc: 7d", with: "qc: {empirical: {file: secret.txt}}"),
                             to: "empirical.yaml")
        let validate = try CartsimBinary.run(["validate", file.path])
        XCTAssertEqual(validate.status, 2)
        XCTAssertEqual(validate.stdout, "\(file.path):8:9: products.car-t.qc: empirical: "
                       + "\(folder.path)/secret.txt line 2, column 1: expected a number\n")
        let missing = try write(Self.minimal.replacingOccurrences(of: "qc: 7d", with: "qc: {empirical: {file: gone.csv}}"),
                                to: "missing.yaml")
        XCTAssertEqual(try CartsimBinary.run(["validate", missing.path]).stdout,
                       "\(missing.path):8:9: products.car-t.qc: empirical: "
                       + "cannot read \(folder.path)/gone.csv: No such file or directory\n")
    }

    func testARunsReportNamesItsFolderAsGiven() throws {
        let relative = ".build/message-tests-\(UUID().uuidString)"
        let root = CartsimBinary.packageRoot.appendingPathComponent(relative)
        defer { try? FileManager.default.removeItem(at: root) }
        let out = "\(relative)/results"
        let run = try CartsimBinary.run(["run", "Scenarios/point-of-care.yaml", "--replications", "2", "--out", out,
                                         "--report", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try String(contentsOf: root.appendingPathComponent("results/report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("Results folder \(out)"), "the folder as given")
        XCTAssertFalse(report.contains(CartsimBinary.packageRoot.path), "no absolute path")
    }
}
