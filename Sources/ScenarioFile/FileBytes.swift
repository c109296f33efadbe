import Foundation
import OutputSchema

/// Reading a file that a scenario names (the scenario file itself, an empirical CSV file).
enum FileBytes {
    /// The largest file read: far above any scenario (a 30,000-centre network is some
    /// 10 MB), small enough that an endless file (`/dev/zero`) is refused, not read until
    /// memory runs out.
    static let maximumBytes = 256 << 20

    /// Why a file could not be read: the system's words (`No such file or directory`,
    /// `Permission denied`, `Is a directory`).
    struct Failure: Error {
        let reason: String
    }

    /// The whole content of the file at `path`, or why it cannot be read (also when it holds
    /// more than ``maximumBytes``).
    static func read(_ path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(Failure(reason: systemReason())) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(reason: systemReason()))
            }
            if count == 0 { return .success(bytes) }
            guard bytes.count + count <= maximumBytes else {
                return .failure(Failure(reason: "larger than \(maximumBytes >> 20) MiB, more than any scenario holds"))
            }
            bytes += chunk[..<count]
        }
    }

    private static func systemReason() -> String {
        FileFailure.reason(errno)
    }
}
