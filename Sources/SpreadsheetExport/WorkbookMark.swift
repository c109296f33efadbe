import Foundation

/// The mark by which cartsim knows a `results.xlsx` of its own, so that it may replace it: the
/// zip archive's comment (an `.xlsx` file is a zip archive), set to ``comment`` once
/// libxlsxwriter has written the file. Excel and other readers ignore the comment; a workbook
/// saved again by Excel or another program loses it and is from then on the user's, which
/// cartsim never overwrites.
///
/// The comment is the last field of the archive's end-of-central-directory record (the
/// 22 bytes at the end of a zip file without a comment; PKWARE's APPNOTE, 4.3.16): its last
/// two bytes are the comment's length, and the comment follows them.
enum WorkbookMark {
    /// The comment of every `results.xlsx` cartsim writes.
    static let comment = "cartsim results.xlsx"

    private static let recordLength = 22
    private static let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]

    /// Sets the comment of the zip archive at `path`, which must have none.
    /// - Throws: a file error, or ``Unexpected`` when the file does not end with an
    ///   end-of-central-directory record without a comment.
    static func add(to path: String) throws {
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? file.close() }
        let size = try file.seekToEnd()
        guard size >= UInt64(recordLength) else { throw Unexpected() }
        try file.seek(toOffset: size - UInt64(recordLength))
        let record = try file.read(upToCount: recordLength) ?? Data()
        guard Array(record.prefix(4)) == signature, record.suffix(2).allSatisfy({ $0 == 0 }) else { throw Unexpected() }
        let text = Array(comment.utf8)
        try file.seek(toOffset: size - 2)
        try file.write(contentsOf: [UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text)
        try file.synchronize()
    }

    /// Whether the file at `path` is a zip archive with cartsim's comment.
    static func isPresent(at path: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? file.close() }
        let tail = Array(comment.utf8)
        let length = UInt64(recordLength + tail.count)
        guard let size = try? file.seekToEnd(), size >= length, (try? file.seek(toOffset: size - length)) != nil,
              let bytes = try? file.read(upToCount: Int(length)) else { return false }
        let record = Array(bytes)
        return Array(record.prefix(4)) == signature
            && Int(record[recordLength - 2]) | Int(record[recordLength - 1]) << 8 == tail.count
            && Array(record.suffix(tail.count)) == tail
    }

    /// The file does not end as libxlsxwriter ends a workbook.
    struct Unexpected: Error, CustomStringConvertible {
        var description: String { "the workbook does not end with a zip directory record" }
    }
}
