import Foundation

/// Maps a data interval onto a pixel interval, with "nice" tick values (1, 2, 2.5 or 5 × 10ⁿ apart).
struct LinearScale {
    let domain: (lower: Double, upper: Double)
    let range: (lower: Double, upper: Double)
    /// Ticks only at whole numbers, 1, 2 or 5 × 10ⁿ apart (for counts and capacities).
    var integerTicks = false

    /// A scale over `[lower, upper]`, widened to a nice interval that holds both (and the
    /// whole data, padded a little when it is a single value).
    static func nice(_ lower: Double, _ upper: Double, onto range: (Double, Double), ticks: Int = 5) -> LinearScale {
        var low = lower.isFinite ? lower : 0, high = upper.isFinite ? upper : 1
        if high <= low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        // Of the nice steps for about `ticks` and `ticks + 2` intervals, the one that wastes less room.
        let bounds = [ticks, ticks + 2].map { count -> (Double, Double) in
            let step = niceStep((high - low) / Double(count))
            return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step)
        }
        let (lower, upper) = bounds.min { $0.1 - $0.0 < $1.1 - $1.0 }!
        return LinearScale(domain: (lower, upper), range: range)
    }

    /// The pixel position of a value.
    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upper - domain.lower
        guard span > 0 else { return range.lower }
        return range.lower + (value - domain.lower) / span * (range.upper - range.lower)
    }

    /// Tick values across the domain, about `count` of them, at nice steps.
    func ticks(_ count: Int = 5) -> [Double] {
        let step = tickStep(count)
        var values: [Double] = []
        var value = (domain.lower / step).rounded(.up) * step
        while value <= domain.upper + step * 1e-9 {
            values.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return values
    }

    /// Decimals that show the ticks' step.
    func tickDecimals(_ count: Int = 5) -> Int {
        let step = tickStep(count)
        return (0...6).first { decimals in
            let scaled = step * pow(10, Double(decimals))
            return abs(scaled - scaled.rounded()) < 1e-6
        } ?? 6
    }

    private func tickStep(_ count: Int) -> Double {
        LinearScale.niceStep((domain.upper - domain.lower) / Double(max(count, 1)), integer: integerTicks)
    }

    /// The nice step (1, 2, 2.5 or 5 × 10ⁿ; with `integer`, a whole 1, 2 or 5 × 10ⁿ) at or above `raw`.
    static func niceStep(_ raw: Double, integer: Bool = false) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        if integer && raw <= 1 { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for factor in integer ? [1.0, 2, 5, 10] : [1.0, 2, 2.5, 5, 10] where factor * magnitude >= raw * (1 - 1e-12) {
            return factor * magnitude
        }
        return 10 * magnitude
    }
}
