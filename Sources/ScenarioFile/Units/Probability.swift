extension Units {
    /// A probability or fraction: a number from 0 to 1 (`0.04`), or a percentage from 0 % to
    /// 100 % (`4%`). Returns the fraction, 0 ... 1.
    public static func probability(_ text: String) throws(UnitError) -> Double {
        guard let fraction = fraction(text), (0...1).contains(fraction) else {
            throw UnitError("expected a probability from 0 to 1 or a percentage such as '4%', got '\(text)'")
        }
        return fraction
    }

    /// A relative change: a number (`0.1`, `-0.05`) or a percentage (`10%`, `-5%`), as a
    /// fraction above −1 (a fall to nothing is not a change) and at most 10 (+1,000 %).
    public static func change(_ text: String) throws(UnitError) -> Double {
        guard let fraction = fraction(text), fraction > -1, fraction <= 10 else {
            throw UnitError("expected a change above -100% and at most 1000%, such as '10%' or '-0.05', got '\(text)'")
        }
        return fraction
    }

    /// A plain number, or a percentage (`4%`) divided by 100; nil for anything else.
    private static func fraction(_ text: String) -> Double? {
        let (numberText, rest) = splitQuantity(text)
        let number = decimal(numberText)
        return switch rest {
        case "": number
        case "%": number.map { $0 / 100 }
        default: nil
        }
    }
}
