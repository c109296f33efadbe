import Foundation
import SimRandom

/// The target of a capacity plan, `KPI<=VALUE` or `KPI>=VALUE`, met with 95 % confidence
/// when the whole 95 % interval of the KPI's mean is on the right side of VALUE.
public struct CapacityPlanTarget: Sendable, Hashable, CustomStringConvertible {
    /// How the KPI must compare with the value.
    public enum Relation: String, Sendable, CaseIterable {
        /// The upper bound of the interval is at most the value (waits, times, fractions).
        case atMost = "<="
        /// The lower bound of the interval is at least the value (throughput, utilisation).
        case atLeast = ">="
    }

    /// The KPI's name as in `summary.csv`, e.g. `vein_to_vein_p90_days`.
    public let kpi: String
    public let relation: Relation
    public let value: Double

    public init(kpi: String, relation: Relation, value: Double) {
        self.kpi = kpi
        self.relation = relation
        self.value = value
    }

    /// Parses `KPI<=VALUE` or `KPI>=VALUE` (spaces around the parts allowed).
    public init(parsing text: String) throws(UsageError) {
        let parts = Relation.allCases.lazy.compactMap { relation in
            text.range(of: relation.rawValue).map { (relation, $0) }
        }
        guard let (relation, range) = parts.first,
              case let kpi = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces), !kpi.isEmpty,
              let value = Double(text[range.upperBound...].trimmingCharacters(in: .whitespaces)), value.isFinite
        else {
            throw UsageError("--target expects KPI<=VALUE or KPI>=VALUE with a number, e.g. "
                             + "'vein_to_vein_p90_days<=28', got '\(text)'")
        }
        self.init(kpi: kpi, relation: relation, value: value)
    }

    /// `KPI<=VALUE`, the value in shortest form.
    public var description: String { "\(kpi)\(relation.rawValue)\(plannerNumber(value))" }

    /// Whether the 95 % interval meets the target: `upper <= value` for `<=`, `lower >=
    /// value` for `>=`. False when the interval is undefined (fewer than 2 replications, or
    /// the KPI undefined in every replication).
    public func isMet(by interval: StudentTInterval) -> Bool {
        switch relation {
        case .atMost: interval.upper <= value
        case .atLeast: interval.lower >= value
        }
    }

    /// Checks that the KPI is among `names`.
    /// - Throws: a usage error naming the closest names (those sharing the most words of
    ///   the KPI, at most five), or every name when none shares a word.
    public func check(among names: [String]) throws(UsageError) {
        guard !names.contains(kpi) else { return }
        let words = Set(kpi.split(separator: "_"))
        let shared = names.map { name in (name, Set(name.split(separator: "_")).intersection(words).count) }
        let close = shared.filter { $0.1 > 0 }.enumerated()
            .sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }
            .prefix(5).map(\.element.0)
        let list = close.isEmpty ? "KPIs: " + names.joined(separator: ", ") : "close names: " + close.joined(separator: ", ")
        throw UsageError("--target: unknown KPI '\(kpi)'; \(list)")
    }
}
