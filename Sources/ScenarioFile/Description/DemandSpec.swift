import SimKernel

/// Network-wide demand over time (the scenario's `demand` section): every centre's referral
/// rate × `factor`, × (1 + `growthPerYear`) once more at each anniversary of the start of the
/// run, × each surge's factor while it lasts. Reference: `Scenarios/README.md`, "demand".
public struct DemandSpec: Sendable {
    public var factor: Double
    /// Growth of every rate per year of the run, compounded at each anniversary (0.1 = +10 %).
    public var growthPerYear: Double
    public var surges: [Surge]

    /// While `window` lasts, rates × `factor`.
    public struct Surge: Sendable {
        public var window: TimeWindow
        public var factor: Double

        public init(window: TimeWindow, factor: Double) {
            self.window = window
            self.factor = factor
        }
    }

    public init(factor: Double, growthPerYear: Double, surges: [Surge]) {
        self.factor = factor
        self.growthPerYear = growthPerYear
        self.surges = surges
    }

    /// The multiplier of every rate at `time`.
    public func multiplier(at time: SimTime) -> Double {
        let years = max(0, Int(time / (365 * Ticks.day)))
        let grown = (0..<years).reduce(factor) { rate, _ in rate * (1 + growthPerYear) }
        return surges.reduce(grown) { product, surge in
            surge.window.contains(time) ? product * surge.factor : product
        }
    }

    /// A centre's referral periods with this demand applied until `horizon`: a period starts at
    /// every change of the centre's own rate or of the multiplier (anniversaries, surges), and
    /// consecutive periods with the same rate are one.
    public func apply(to periods: [RatePeriod], horizon: SimTime) -> [RatePeriod] {
        var starts = Set(periods.map(\.from))
        if growthPerYear != 0 {
            let year = 365 * Ticks.day
            for anniversary in stride(from: year, to: horizon, by: Int(year)) { starts.insert(anniversary) }
        }
        for surge in surges {
            starts.insert(surge.window.from)
            starts.insert(surge.window.end)
        }
        var result: [RatePeriod] = []
        for start in starts.sorted() where start < horizon || start == 0 {
            let base = periods.last { $0.from <= start }?.perDay ?? 0
            let rate = base * multiplier(at: start)
            if result.last?.perDay != rate { result.append(RatePeriod(from: start, perDay: rate)) }
        }
        return result
    }
}

