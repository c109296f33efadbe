import Foundation
import Synchronization
import CARTModel
import ScenarioFile
import OutputSchema

/// `events.csv` of a run. Traced replications run in parallel, so each streams its rows into
/// its own part file (at most the limit: no replication can need more); when the run ends, the
/// parts of the replications delivered are joined in replication order, up to the limit, and
/// every part is removed. The file is therefore the same whatever the number of jobs, and an
/// interrupted run keeps the trace of exactly the replications it wrote.
final class EventTraceFiles: Sendable {
    /// The file's name in a results folder.
    static let fileName = "events.csv"

    let request: EventTraceRequest
    private let parts: URL
    /// Events seen by each traced replication (also beyond the limit), by index.
    private let eventCounts = Mutex<[Int: Int]>([:])

    /// Prepares the parts folder inside the run's (temporary) results folder.
    init(request: EventTraceRequest, folder: URL) throws {
        self.request = request
        parts = folder.appendingPathComponent(".trace-parts", isDirectory: true)
        try FileManager.default.createDirectory(at: parts, withIntermediateDirectories: false)
    }

    private func part(_ index: Int) -> URL { parts.appendingPathComponent("\(index).csv") }

    /// Runs a replication, streaming its trace into its part file when it is traced.
    func run(_ replication: PathwayReplication, scenario: ScenarioDescription) throws -> ReplicationResult {
        let index = replication.replication
        guard request.covers(index) else { return replication.run() }
        let writer = try CSVFileWriter(url: part(index))
        var failure: (any Error)?
        let trace = EventTrace(replication: index, scenario: scenario, limit: request.limit) { row in
            guard failure == nil else { return }
            do { try writer.append(row) } catch { failure = error }
        }
        replication.attach(trace)
        let result = replication.run()
        try writer.close()
        if let failure { throw failure }
        eventCounts.withLock { $0[index] = trace.count }
        return result
    }

    /// What the joined file holds.
    struct Summary: Sendable {
        let replications: Int
        let rows: Int
        /// Whether events of the traced replications were left out (the limit).
        let truncated: Bool
    }

    /// Joins the parts of the delivered replications (`delivered`, in order) into
    /// `events.csv` in `folder`, up to the limit, and removes the parts.
    func assemble(delivered: [Int], in folder: URL) throws -> Summary {
        defer { try? FileManager.default.removeItem(at: parts) }
        let output = folder.appendingPathComponent(Self.fileName)
        guard FileManager.default.createFile(atPath: output.path, contents: Data(CSVText.line(EventTrace.header).utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output.path])
        }
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        try handle.seekToEnd()
        let counts = eventCounts.withLock { $0 }
        var rows = 0, events = 0, traced = 0
        for index in delivered where request.covers(index) {
            guard let count = counts[index] else { continue }
            traced += 1
            events += count
            rows += try copy(part(index), into: handle, rows: request.limit - rows)
        }
        return Summary(replications: traced, rows: rows, truncated: events > rows)
    }

    /// Appends at most `limit` rows (lines) of `part` to `handle`; returns the rows copied.
    private func copy(_ part: URL, into handle: FileHandle, rows limit: Int) throws -> Int {
        guard limit > 0 else { return 0 }
        let input = try FileHandle(forReadingFrom: part)
        defer { try? input.close() }
        var copied = 0
        while copied < limit, let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            var end = chunk.endIndex
            for position in chunk.indices where chunk[position] == UInt8(ascii: "\n") {
                copied += 1
                if copied == limit {
                    end = position + 1
                    break
                }
            }
            try handle.write(contentsOf: chunk[chunk.startIndex..<end])
        }
        return copied
    }
}
