import SimKernel

/// What a CSV field becomes in a worksheet cell, by its text alone:
/// - empty: a blank cell (an undefined value);
/// - a decimal number (`-12`, `0.122399`, `2.5e-3`): a number, the nearest double to the text,
///   as a CSV reader gets it — except an integer of more than 15 digits (a large seed), which
///   Excel cannot show exactly and stays text, as does one with a leading zero (`007`, a name);
/// - `true`, `false`: a boolean;
/// - an ISO date `YYYY-MM-DD` (years 1900–9999, Excel's range): a date;
/// - anything else: text.
enum CellValue: Equatable {
    case blank
    case number(Double)
    case boolean(Bool)
    case date(year: Int, month: Int, day: Int)
    case text(String)

    init(field: String) {
        if field.isEmpty {
            self = .blank
        } else if field == "true" || field == "false" {
            self = .boolean(field == "true")
        } else if Self.isDecimal(field), let value = Double(field), value.isFinite {
            self = .number(value)
        } else if let date = Self.date(field) {
            self = .date(year: date.year, month: date.month, day: date.day)
        } else {
            self = .text(field)
        }
    }

    /// Whether `field` is `-?DIGITS(.DIGITS)?([eE][+-]?DIGITS)?` (so no `inf`, `nan`, hex or
    /// `+` sign, which `Double(_:)` also reads), without a leading zero before other digits,
    /// and, when it is an integer, has at most 15 digits.
    private static func isDecimal(_ field: String) -> Bool {
        var bytes = Substring(field).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let integer = bytes.prefix { isDigit($0) }
        guard !integer.isEmpty, integer.first != UInt8(ascii: "0") || integer.count == 1 else { return false }
        bytes = bytes.dropFirst(integer.count)
        if bytes.isEmpty { return integer.count <= 15 }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let fraction = bytes.prefix { isDigit($0) }
            guard !fraction.isEmpty else { return false }
            bytes = bytes.dropFirst(fraction.count)
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix { isDigit($0) }
            guard !exponent.isEmpty else { return false }
            bytes = bytes.dropFirst(exponent.count)
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// The date `YYYY-MM-DD` in `field`, when it is a real day of a year Excel can show.
    private static func date(_ field: String) -> (year: Int, month: Int, day: Int)? {
        let parts = field.split(separator: "-", omittingEmptySubsequences: false)
        guard field.utf8.count == 10, parts.count == 3, parts.allSatisfy({ $0.utf8.allSatisfy(isDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...9999).contains(year), CivilDate(year: year, month: month, day: day) != nil else { return nil }
        return (year, month, day)
    }
}
