import Foundation

/// Creates a folder's new contents beside it and swaps it in only when complete, so a run
/// that fails midway leaves earlier results untouched and no half-written folder.
public enum AtomicDirectory {
    /// Calls `fill` with an empty temporary folder next to `destination`; when `fill`
    /// returns, the folder replaces `destination`. When it throws, the folder is removed.
    public static func replace(_ destination: URL, fill: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"
        let temporary = parent.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(suffix)")
        try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
        do {
            try fill(temporary)
            if manager.fileExists(atPath: destination.path) {
                let old = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(suffix)")
                try manager.moveItem(at: destination, to: old)
                try manager.moveItem(at: temporary, to: destination)
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: temporary, to: destination)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
    }
}
