import Foundation

/// Numbers as every output file keeps and writes them: rounded once, where they are made, to
/// the resolution of their `Quantity`, then written with exactly that many decimals — so a
/// value read back from a file is the value that was summarised, and no file shows float
/// noise (`27.759999999999998`).
public enum OutputNumber {
    /// `value` rounded to the resolution of `quantity` (the nearest double to the decimal
    /// written; rounding again changes nothing). Non-finite and huge values are kept.
    public static func rounded(_ value: Double, _ quantity: Quantity) -> Double {
        let scale = powersOfTen[quantity.decimals]
        guard value.isFinite, abs(value) * scale < 9e15 else { return value }
        let result = (value * scale).rounded() / scale
        return result == 0 ? 0 : result
    }

    /// `value` written with the decimals of `quantity` ('.' as separator, whatever the
    /// locale); empty for nil, NaN and infinities. A count that is not whole is written as a
    /// level.
    public static func format(_ value: Double?, _ quantity: Quantity) -> String {
        guard let value, value.isFinite else { return "" }
        let rounded = rounded(value, quantity)
        if quantity == .count {
            guard rounded == rounded.rounded(), abs(rounded) < 1e15 else { return format(value, .level) }
            return String(Int64(rounded))
        }
        return String(format: "%.\(quantity.decimals)f", rounded)
    }

    private static let powersOfTen: [Double] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6]
}
