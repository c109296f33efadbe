import Foundation
import SimKernel
import CARTModel
import ScenarioFile
import OutputSchema

/// The rows of `events.csv`: every step of every patient of a replication, in the order the
/// simulation executed them (see docs/output-reference.md for the columns). An observer of
/// the pathway: it formats each event as a row and hands it to `emit`, up to `limit` rows.
final class EventTrace: PathwayObserver {
    /// The columns of `events.csv`.
    static let header = ["replication", "event", "time_day", "patient", "centre", "indication", "product", "kind",
                         "stage", "step", "site", "destination", "resource", "queue_length", "duration_days", "detail"]

    private let replication: String
    private let scenario: ScenarioDescription
    private let sites: PathwaySites
    private let limit: Int
    private let emit: ([String]) -> Void
    /// Events seen (also beyond the limit).
    private(set) var count = 0

    /// - Parameter limit: the most rows handed to `emit`; later events are only counted.
    init(replication: Int, scenario: ScenarioDescription, limit: Int, emit: @escaping ([String]) -> Void) {
        self.replication = String(replication)
        self.scenario = scenario
        self.sites = PathwaySites(scenario)
        self.limit = limit
        self.emit = emit
    }

    /// Whether events were left out because of the limit.
    var truncated: Bool { count > limit }

    func observe(_ event: PathwayEvent) {
        defer { count += 1 }
        guard count < limit else { return }
        emit(row(event, number: count))
    }

    private func row(_ event: PathwayEvent, number: Int) -> [String] {
        let product = scenario.products[event.product]
        let step = event.step.map { product.manufacturingSteps[$0].name } ?? ""
        let detail = event.lot?.rawValue ?? event.outcome?.label ?? ""
        return [
            replication, String(number), OutputNumber.format(Ticks.days(event.time), .days), String(event.patient),
            scenario.centres[event.centre].name, scenario.indications[event.indication].name, product.name,
            event.kind.rawValue, event.stage.name, step, sites.names[event.site],
            event.destination.map { sites.names[$0] } ?? "", event.resource.map(ResourceSummary.id(of:)) ?? "",
            event.queueLength.map(String.init) ?? "", event.duration.map { OutputNumber.format(Ticks.days($0), .days) } ?? "",
            detail,
        ]
    }
}

/// What `--trace` asks for: the first `replications` replications, at most `limit` rows in all.
public struct EventTraceRequest: Sendable, Equatable {
    public var replications: Int
    public var limit: Int
    /// The default limit: a million rows (about 100 MB).
    public static let defaultLimit = 1_000_000

    public init(replications: Int, limit: Int = defaultLimit) {
        self.replications = replications
        self.limit = limit
    }

    /// Whether replication `index` is traced.
    func covers(_ index: Int) -> Bool { index < replications }
}
