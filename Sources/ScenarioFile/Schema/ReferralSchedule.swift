import SimKernel

/// A centre's `referrals`: one rate (`2/week`), or periods that each start at a time since
/// the start of the run and hold until the next:
///
/// ```yaml
/// referrals:
///   - {from: 0w, rate: 1/week}
///   - {from: 26w, rate: 3/week}
/// ```
/// The first period starts at 0 and each starts after the one before. Rates are read per day.
enum ReferralSchedule {
    static let periodKeys = ["from", "rate"]

    static func read(_ reader: NodeReader) -> [RatePeriod]? {
        guard case .sequence = reader.node.kind else {
            return reader.rate().map { [RatePeriod(from: 0, perDay: $0)] }
        }
        guard let items = reader.list() else { return nil }
        guard !items.isEmpty else {
            reader.report("expected at least one period, e.g. '- {from: 0w, rate: 2/week}'")
            return nil
        }
        var periods: [RatePeriod] = []
        var valid = true
        for item in items {
            guard let period = item.mapping(allowedKeys: periodKeys) else {
                valid = false
                continue
            }
            let fromReader = period.required("from")
            let from = fromReader?.duration()
            let rate = period.required("rate")?.rate()
            guard let fromReader, let from, let rate else {
                valid = false
                continue
            }
            if let previous = periods.last, from <= previous.from {
                fromReader.report("each period must start after the one before, which starts at "
                    + "\(Units.format(Ticks.days(previous.from))) d")
                valid = false
            } else if periods.isEmpty, valid, from != 0 {
                fromReader.report("the first period must start at 0, got \(fromReader.node.summary)")
                valid = false
            }
            periods.append(RatePeriod(from: from, perDay: rate))
        }
        return valid ? periods : nil
    }

    /// `periods` with no referrals before `start` (a centre's `onboarding`).
    static func starting(_ periods: [RatePeriod], at start: SimTime) -> [RatePeriod] {
        guard start > 0 else { return periods }
        let from = periods.last { $0.from <= start }?.perDay ?? 0
        return [RatePeriod(from: 0, perDay: 0), RatePeriod(from: start, perDay: from)] + periods.filter { $0.from > start }
    }
}
