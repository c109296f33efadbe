import Foundation
import Synchronization

/// Creates a results folder's new contents beside it and swaps them in only when complete, so
/// a run that fails midway leaves earlier results untouched and no half-written folder.
public enum AtomicDirectory {
    /// The folder could not take the new results because it changed while they were made;
    /// they were kept in `kept` instead.
    public struct ChangedDestination: Error, CustomStringConvertible {
        public let description: String
    }

    /// The temporary folders being filled now, which ``discardTemporaryFolders(thenEnd:)``
    /// removes. Held while a finished folder is swapped in, so a process told to end at once
    /// never stops halfway through the swap.
    private static let inProgress = Mutex<Set<URL>>([])

    /// For a process that must end at once (a second Ctrl-C, SIGTERM): removes every
    /// temporary folder still being filled, so none is left behind, and calls `end`, which
    /// must end the process (`_exit`). A swap in progress finishes first; none starts after.
    public static func discardTemporaryFolders(thenEnd end: () -> Never) -> Never {
        inProgress.withLock { folders in
            for folder in folders { removeFolder(folder) }
            end()
        }
    }

    /// Removes `folder` and what is in it; tries again when a file appears in it meanwhile
    /// (a worker still writing).
    private static func removeFolder(_ folder: URL) {
        for _ in 0..<10 {
            do { return try FileManager.default.removeItem(at: folder) } catch {
                guard FileManager.default.fileExists(atPath: folder.path) else { return }
            }
        }
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
        try inProgress.withLock { folders in
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
            folders.insert(temporary)
        }
        do {
            try fill(temporary)
        } catch {
            inProgress.withLock { folders in
                folders.remove(temporary)
                try? manager.removeItem(at: temporary)
            }
            throw error
        }
        try inProgress.withLock { folders in
            folders.remove(temporary)
            try swap(temporary, into: destination, suffix: suffix)
        }
    }

    /// Moves the filled `temporary` folder to the destination, keeping it beside the
    /// destination instead when the destination changed meanwhile.
    private static func swap(_ temporary: URL, into destination: ResultsDestination, suffix: String) throws {
        let manager = FileManager.default
        let target = destination.url
        let parent = target.deletingLastPathComponent()
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
