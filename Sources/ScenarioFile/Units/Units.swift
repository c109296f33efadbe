/// Parsers for the quantities a scenario file writes with units: durations, times of day,
/// weekdays, dates, rates and probabilities.
///
/// Pure functions of the scalar text. They throw a ``UnitError`` whose message says what
/// was wrong and what was expected; ``NodeReader`` adds the location and field path.
public enum Units {}

/// Why a scalar is not a valid quantity, in words for the person who wrote it.
public struct UnitError: Error, Hashable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}

extension Units {
    /// A decimal number: optional sign, digits with an optional fraction, optional exponent
    /// (`3`, `-0.5`, `.5`, `1e3`). Rejects `inf`, `nan`, hexadecimal and anything that
    /// overflows to infinity.
    public static func decimal(_ text: Substring) -> Double? {
        var digits = 0, index = text.startIndex
        func skipDigits() {
            while index < text.endIndex, text[index].isASCII, text[index].isNumber {
                digits += 1
                index = text.index(after: index)
            }
        }
        if index < text.endIndex, text[index] == "+" || text[index] == "-" { index = text.index(after: index) }
        skipDigits()
        if index < text.endIndex, text[index] == "." {
            index = text.index(after: index)
            skipDigits()
        }
        guard digits > 0 else { return nil }
        if index < text.endIndex, text[index] == "e" || text[index] == "E" {
            index = text.index(after: index)
            if index < text.endIndex, text[index] == "+" || text[index] == "-" { index = text.index(after: index) }
            digits = 0
            skipDigits()
            guard digits > 0 else { return nil }
        }
        guard index == text.endIndex, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Splits `36h`, `1.5 d` or `2 per week` into the number text before the first letter,
    /// `/` or `%`, and the rest; both trimmed.
    static func splitQuantity(_ text: String) -> (number: Substring, unit: Substring) {
        let trimmed = text.trimmingSpaces
        let end = trimmed.firstIndex { $0.isLetter || $0 == "/" || $0 == "%" } ?? trimmed.endIndex
        return (trimmed[..<end].trimmingSpaces, trimmed[end...].trimmingSpaces)
    }

    /// `value` without a trailing `.0` when it is whole: `2`, `0.5`, `1e-07`.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: SubSequence {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
