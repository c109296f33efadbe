import Foundation

/// A failed file operation in the words cartsim prints: the path and the system's reason on
/// one line (`Results/x/.x.tmp-1-2/stages.csv: No such file or directory`), instead of
/// Foundation's description of the error with its whole user-info dictionary.
public enum FileFailure {
    /// `path: reason` for an error of Foundation's file APIs (`CocoaError`, `NSError` of
    /// the Cocoa or POSIX domain) or a `POSIXError`; nil for any other error. The path is
    /// shown relative to the current folder when it lies inside it; the reason is the
    /// system's (`strerror`) for the underlying POSIX error, or for the error's code.
    public static func describe(_ error: any Error) -> String? {
        guard let reason = reason(of: error) else { return nil }
        let error = error as NSError
        let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path
        return path.map { "\(shown($0)): \(reason)" } ?? reason
    }

    /// The reason alone (`No such file or directory`) of an error ``describe(_:)`` describes.
    public static func reason(of error: any Error) -> String? {
        let error = error as NSError
        let code: Int32?
        switch error.domain {
        case NSPOSIXErrorDomain: code = Int32(error.code)
        case NSCocoaErrorDomain:
            code = (error.userInfo[NSUnderlyingErrorKey] as? NSError)
                .flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil } ?? posixCode(ofCocoa: error.code)
        default: return nil
        }
        return code.map(reason) ?? "the operation failed (\(error.domain) \(error.code))"
    }

    /// The system's words for POSIX error `code`, e.g. `No space left on device`.
    public static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The POSIX error a Cocoa file error code stands for, when it names one.
    private static func posixCode(ofCocoa code: Int) -> Int32? {
        switch CocoaError.Code(rawValue: code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: EACCES
        case .fileWriteOutOfSpace: ENOSPC
        case .fileWriteVolumeReadOnly: EROFS
        case .fileWriteFileExists: EEXIST
        default: nil
        }
    }

    /// `path` relative to the current folder when it lies inside it.
    private static func shown(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }
}
