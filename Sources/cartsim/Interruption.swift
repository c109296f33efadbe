import Foundation
import Synchronization

/// Ctrl-C during a run: the first SIGINT asks the run to stop after the replications in
/// progress, so that completed ones are written; a second one ends the process at once.
/// (`@unchecked Sendable`: `source` is set up once in `start()` and not touched after;
/// the flag is atomic.)
final class Interruption: @unchecked Sendable {
    private let flag = Atomic<Bool>(false)
    private let source: DispatchSourceSignal

    /// Whether Ctrl-C was pressed.
    var requested: Bool { flag.load(ordering: .relaxed) }

    private init() {
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    }

    /// Starts catching SIGINT.
    static func start() -> Interruption {
        let interruption = Interruption()
        signal(SIGINT, SIG_IGN)
        interruption.source.setEventHandler { [interruption] in
            if interruption.flag.exchange(true, ordering: .relaxed) { exit(130) }
            FileHandle.standardError.write(Data("\ncartsim: stopping after the replications in progress (Ctrl-C again to abort)\n".utf8))
        }
        interruption.source.resume()
        return interruption
    }
}
