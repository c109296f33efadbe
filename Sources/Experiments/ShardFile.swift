import Foundation
import OutputSchema

/// A CSV file of a shard folder, read whole with the one CSV reader: columns are found by
/// name, and a field that is not what its column holds is an error naming the file, the
/// line and the column — never a silent 0 or NaN.
struct ShardFile {
    let url: URL
    let header: [String]
    let rows: [(line: Int, fields: [String])]

    /// Reads `name` in `folder`; a missing or malformed file is a `MergeError`.
    init(_ name: String, in folder: URL) throws {
        url = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ShardMerge.MergeError(description: "\(url.path): missing; is this a complete shard folder?")
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ShardMerge.MergeError(description: "\(url.path): cannot be read as UTF-8 text")
        }
        var reader = CSVReader(text)
        do {
            header = try reader.header()
            var rows: [(line: Int, fields: [String])] = []
            while let row = try reader.next(width: header.count) { rows.append(row) }
            self.rows = rows
        } catch {
            throw ShardMerge.MergeError(description: "\(url.path):\(error.line): \(error.message)")
        }
    }

    /// The position of a column that must exist.
    func column(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw ShardMerge.MergeError(description: "\(url.path):1: missing column '\(name)'")
        }
        return index
    }

    private func problem(_ row: (line: Int, fields: [String]), _ column: Int, _ expected: String) -> Error {
        ShardMerge.MergeError(description: "\(url.path):\(row.line): column '\(header[column])': expected \(expected), "
                              + "got '\(row.fields[column])'")
    }

    /// A whole number in a row.
    func int(_ row: (line: Int, fields: [String]), _ column: Int) throws -> Int {
        guard let value = Int(row.fields[column]) else { throw problem(row, column, "an integer") }
        return value
    }

    /// A number in a row; an empty field (an undefined value, written empty) is NaN.
    func number(_ row: (line: Int, fields: [String]), _ column: Int) throws -> Double {
        let field = row.fields[column]
        if field.isEmpty { return .nan }
        guard let value = Double(field), value.isFinite else { throw problem(row, column, "a number") }
        return value
    }
}
