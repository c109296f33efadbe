import Foundation

/// Creates a results folder's new contents beside it and swaps them in only when complete, so
/// a run that fails midway leaves earlier results untouched and no half-written folder.
public enum AtomicDirectory {
    /// The folder could not take the new results because it changed while they were made;
    /// they were kept in `kept` instead.
    public struct ChangedDestination: Error, CustomStringConvertible {
        public let description: String
    }

    /// Calls `fill` with an empty temporary folder next to the destination; when `fill`
    /// returns, the folder replaces the destination (which ``ResultsDestination`` has
    /// checked holds nothing but earlier results of cartsim's). When `fill` throws, the
    /// temporary folder is removed. When the destination gained other files meanwhile, it
    /// is left as it is and the new results stay beside it, under a name the error gives.
    public static func replace(_ destination: ResultsDestination, fill: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let target = destination.url
        let parent = target.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(suffix)")
        try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
        do {
            try fill(temporary)
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
        do {
            try destination.recheck()
        } catch {
            let kept = parent.appendingPathComponent("\(target.lastPathComponent).new-\(suffix)")
            try manager.moveItem(at: temporary, to: kept)
            throw ChangedDestination(description: "\(error.description) (it changed while cartsim ran); "
                                     + "the new results are in \(ResultsDestination.relative(kept.path))")
        }
        if manager.fileExists(atPath: target.path) {
            let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(suffix)")
            try manager.moveItem(at: target, to: old)
            do { try manager.moveItem(at: temporary, to: target) } catch {
                try? manager.moveItem(at: old, to: target)
                try? manager.removeItem(at: temporary)
                throw error
            }
            try? manager.removeItem(at: old)
        } else {
            try manager.moveItem(at: temporary, to: target)
        }
    }
}
