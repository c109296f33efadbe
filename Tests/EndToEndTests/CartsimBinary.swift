import Foundation
import XCTest

/// Runs the built `cartsim` binary. `make test` builds the release binary and passes its
/// path in `CARTSIM_BIN`; otherwise the debug binary of this package is used.
enum CartsimBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["CARTSIM_BIN"] { return URL(fileURLWithPath: path) }
        return packageRoot.appendingPathComponent(".build/debug/cartsim")
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs cartsim with `arguments` in the package root and waits for it.
    static func run(_ arguments: [String]) throws -> Output { try runProgram(url, arguments) }

    /// Runs a program with `arguments` in the package root and waits for it; `/usr/bin/env`
    /// finds a bare name (`python3`) on the `PATH`.
    static func runProgram(_ executable: URL, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh temporary folder path (not created).
    static func temporaryPath(_ name: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("cartsim-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
            .appendingPathComponent(name)
    }
}

/// A parsed CSV file (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes).
struct CSVFile {
    let header: [String]
    let rows: [[String: String]]

    init(url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [[String]] = []
        var field = "", record: [String] = []
        var inQuotes = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else { field.append(c) }
            } else if c == "\"" { inQuotes = true
            } else if c == "," { record.append(field); field = ""
            } else if c == "\n" { record.append(field); records.append(record); record = []; field = ""
            } else { field.append(c) }
        }
        XCTAssertFalse(inQuotes, "unterminated quote in \(url.lastPathComponent)")
        XCTAssertTrue(field.isEmpty && record.isEmpty, "\(url.lastPathComponent) must end with a newline")
        guard let header = records.first else { throw CocoaError(.fileReadCorruptFile) }
        self.header = header
        rows = records.dropFirst().map { values in
            XCTAssertEqual(values.count, header.count, "ragged row in \(url.lastPathComponent)")
            return Dictionary(uniqueKeysWithValues: zip(header, values).map { ($0, $1) })
        }
    }

    /// A numeric column of a row (fails the test when missing or not a number).
    static func number(_ row: [String: String], _ column: String, file: StaticString = #filePath,
                       line: UInt = #line) -> Double {
        guard let text = row[column], let value = Double(text) else {
            XCTFail("column \(column) is not a number: \(row[column] ?? "missing")", file: file, line: line)
            return .nan
        }
        return value
    }
}

/// A test case with a fresh temporary folder (`folder`) for each test, removed afterwards.
class FolderTestCase: XCTestCase {
    /// The test's own empty folder.
    var folder: URL!

    override func setUpWithError() throws {
        folder = CartsimBinary.temporaryPath(String(describing: type(of: self)))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// Writes a scenario as `<name>.yaml` in the test's folder.
    func writeScenario(_ text: String, name: String) throws -> URL {
        let file = folder.appendingPathComponent("\(name).yaml")
        try Data(text.utf8).write(to: file)
        return file
    }

    /// Runs a scenario file into a folder of its name and returns its summary.csv rows by KPI.
    func runSummary(of file: URL, line: UInt = #line) throws -> [String: [String: String]] {
        let out = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent)
        let run = try CartsimBinary.run(["run", file.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr, line: line)
        let rows = try CSVFile(url: out.appendingPathComponent("summary.csv")).rows
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["kpi"]!, $0) })
    }

    /// Asserts that the 95 % interval of a summary.csv row contains `value`.
    func assertInterval(_ row: [String: String]?, contains value: Double, _ what: String,
                        file: StaticString = #filePath, line: UInt = #line) {
        guard let row else { return XCTFail("no row for \(what)", file: file, line: line) }
        let (low, high) = (CSVFile.number(row, "ci95_low"), CSVFile.number(row, "ci95_high"))
        XCTAssertTrue(low <= value && value <= high, "\(what): \(value) outside [\(low), \(high)]", file: file, line: line)
    }
}
