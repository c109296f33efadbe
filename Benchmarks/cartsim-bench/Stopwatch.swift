import Foundation

/// Wall-clock timing for benchmarks (never used in tests).
enum Stopwatch {
    /// Runs `body` once and returns the elapsed wall time in seconds.
    static func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
