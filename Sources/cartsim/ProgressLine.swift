import Foundation

/// One progress line on standard error — work done / total (replications by default),
/// elapsed, ETA — redrawn in place, only when standard error is a terminal.
final class ProgressLine {
    private let enabled: Bool
    private let unit: String
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = false

    init(enabled: Bool, unit: String = "replications") {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
        self.unit = unit
    }

    func update(done: Int, total: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard done == total || now - lastDraw > 100_000_000 else { return }
        lastDraw = now
        let elapsed = Double(now - start) / 1e9
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : .nan
        let text = String(format: "\r\u{1B}[Kcartsim: %d/%d %@ · %.1f s elapsed · ETA %@",
                          done, total, unit, elapsed, eta.isFinite ? String(format: "%.1f s", eta) : "…")
        FileHandle.standardError.write(Data(text.utf8))
        drawn = true
    }

    /// Clears the line.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
