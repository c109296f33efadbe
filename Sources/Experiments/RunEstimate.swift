import Foundation
import SimKernel
import ScenarioFile

/// The memory a run will need, estimated from its scenario before any replication runs, so
/// that a run that cannot fit is refused at once rather than killed by the system hours in.
///
/// A replication keeps, for its whole length, a few lead-time and waiting-time values of each
/// patient in exact-quantile tallies, and, for replications written to `patients.csv`, each
/// patient's record; courier lanes sit in a table with one entry per pair of sites. Patients
/// waiting in the queues of an overloaded network are not counted (``OfferedLoad`` warns of
/// those).
public struct RunEstimate: Sendable {
    /// Bytes per patient in tallies, for the whole replication: about 300 measured on the
    /// examples (some 35 values of 8 bytes), rounded up for the growth of the arrays.
    static let tallyBytesPerPatient = 512.0
    /// Bytes per patient record kept for `patients.csv`: about 2,200 measured on the examples.
    static let recordBytesPerPatient = 2_560.0
    /// Bytes per entry of the lane table (one per ordered pair of sites).
    static let bytesPerSitePair = 8.0

    /// Patients referred in one replication: the sum over centres and referral periods of
    /// rate (per day) × the period's days within the horizon.
    public let patients: Double
    /// Sites (centres, plants, hubs).
    public let sites: Int

    public init(_ scenario: ScenarioDescription) {
        let horizon = scenario.simulation.horizon
        patients = scenario.centres.reduce(0) { sum, centre in
            sum + centre.referrals.enumerated().reduce(0) { sum, item in
                let end = item.offset + 1 < centre.referrals.count ? centre.referrals[item.offset + 1].from : horizon
                let length = min(end, horizon) - min(item.element.from, horizon)
                return sum + item.element.perDay * Ticks.days(length)
            }
        }
        sites = scenario.centres.count + scenario.plants.count + scenario.hubs.count
    }

    /// Bytes of one replication's lane table.
    var laneTableBytes: Double { Double(sites) * Double(sites) * Self.bytesPerSitePair }

    /// Bytes of one replication's tallies and lane table.
    var bytesPerReplication: Double { patients * Self.tallyBytesPerPatient + laneTableBytes }

    /// Bytes of one replication's patient records.
    var recordBytes: Double { patients * Self.recordBytesPerPatient }

    /// Bytes needed while `running` replications run at once, `keepingRecords` of them
    /// keeping patient records.
    public func bytes(running: Int, keepingRecords: Int) -> Double {
        Double(running) * bytesPerReplication + Double(keepingRecords) * recordBytes
    }

    /// The memory a run may use: the machine's physical memory, or, when the process has an
    /// address-space limit (`ulimit -v`, a batch system's limit), half of it — address space
    /// also holds the runtime, thread stacks and allocator reserves — whichever is smaller.
    public static var availableMemory: (bytes: UInt64, limitedByAddressSpace: Bool) {
        let physical = ProcessInfo.processInfo.physicalMemory
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max,
              limit.rlim_cur / 2 < physical else { return (physical, false) }
        return (UInt64(limit.rlim_cur / 2), true)
    }

    /// Refuses a run of `replications` replications on `jobs` threads, records kept for the
    /// first `recordReplications`, that would need more than `memory` bytes.
    public func check(replications: Int, jobs: Int, recordReplications: Int,
                      memory: (bytes: UInt64, limitedByAddressSpace: Bool) = availableMemory) throws(UsageError) {
        let running = min(jobs, replications)
        let keeping = min(running, recordReplications)
        let needed = bytes(running: running, keepingRecords: keeping)
        guard needed > Double(memory.bytes) else { return }
        let records = keeping > 0 ? ", their records for patients.csv \(Self.gib(recordBytes))" : ""
        let available = memory.limitedByAddressSpace
            ? "this process may use \(Self.gib(Double(memory.bytes))) (half its address-space limit)"
            : "this machine has \(Self.gib(Double(memory.bytes)))"
        throw UsageError("not run: it would need about \(Self.gib(needed)) of memory, and \(available). Each replication refers about \(Self.count(patients)) patients (referral "
            + "rates × horizon), whose lead times take \(Self.gib(patients * Self.tallyBytesPerPatient))\(records), and "
            + "its lane table of \(sites) sites \(Self.gib(laneTableBytes)); "
            + "\(running) \(running == 1 ? "replication runs" : "replications run") at once (--jobs). Shorten the "
            + "horizon, lower the referral rates, or use fewer --jobs or --patients")
    }

    /// `12.3 GiB`.
    private static func gib(_ bytes: Double) -> String {
        String(format: "%.1f GiB", bytes / Double(1 << 30))
    }

    /// A whole number of patients, or `1.2e+15` when too large to write out.
    private static func count(_ value: Double) -> String {
        value < 1e15 ? String(Int64(value.rounded())) : String(format: "%.2g", value)
    }
}
