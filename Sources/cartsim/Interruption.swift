import Foundation
import Synchronization
import Experiments

/// Ctrl-C (SIGINT), SIGTERM (`kill`; Slurm at a time limit or on `scancel`) and SIGHUP (the
/// terminal closed) during a command that writes results.
///
/// With ``Mode/finishReplications`` (`run`), the first signal asks the run to stop after the
/// replications in progress, so that completed ones are written (`run.json` says
/// `"complete": false`) and the command exits with ``exitStatus``, 128 + the signal number
/// (130 INT, 143 TERM, 129 HUP); a second signal ends the process at once. With
/// ``Mode/endAtOnce`` (commands that write only when everything is done) the first signal
/// ends it at once. Ending at once removes the temporary results folder being filled first
/// (``AtomicDirectory/discardTemporaryFolders(thenEnd:)``), so no signal leaves one behind
/// and earlier results stay as they were.
/// (`@unchecked Sendable`: `sources` are set up once in `start(_:)` and not touched after;
/// the signal number is atomic.)
final class Interruption: @unchecked Sendable {
    /// What the first signal does.
    enum Mode {
        /// Stop after the replications in progress and write the completed ones.
        case finishReplications
        /// End the process at once.
        case endAtOnce
    }

    /// The signals handled.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The first signal received, 0 before any.
    private let received = Atomic<Int32>(0)
    private var sources: [DispatchSourceSignal] = []

    /// Whether a signal asked the run to stop.
    var requested: Bool { received.load(ordering: .relaxed) != 0 }

    /// The exit status after a signal: 128 + the first signal's number.
    var exitStatus: Int32 { 128 + received.load(ordering: .relaxed) }

    private init() {}

    /// Starts catching ``signals``, for the rest of the process (the handlers keep the
    /// instance alive).
    static func start(_ mode: Mode) -> Interruption {
        let interruption = Interruption()
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            // `data`: how many times the signal came since the last call (quick repeats are merged).
            source.setEventHandler { [interruption, source] in
                interruption.handle(number, times: source.data, mode)
            }
            source.resume()
            interruption.sources.append(source)
        }
        return interruption
    }

    private func handle(_ number: Int32, times: UInt, _ mode: Mode) {
        let (first, _) = received.compareExchange(expected: 0, desired: number, ordering: .relaxed)
        guard mode == .finishReplications, first, times == 1 else {
            AtomicDirectory.discardTemporaryFolders { _exit(128 + number) }
        }
        Console.error("\ncartsim: \(Self.name(number)) received: stopping after the replications in progress "
            + "(a second Ctrl-C or signal ends at once)")
    }

    /// The signal's name, such as `SIGTERM`.
    private static func name(_ number: Int32) -> String {
        switch number {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(number)"
        }
    }
}
