import Foundation

/// WCAG 2.1 contrast against the report's white ground. Charts keep the Okabe–Ito hues but
/// never draw with a colour too light to read: text is darkened to at least 4.5:1 (success
/// criterion 1.4.3, level AA) and the marks a reader needs — bars, lines, markers, hatch
/// strokes — to at least 3:1 (1.4.11). ``SVGCanvas`` applies both as it writes a chart.
enum Contrast {
    /// Contrast text needs against white (AA, normal-size text).
    static let text = 4.5
    /// Contrast a graphical mark needs against white (AA, non-text contrast).
    static let graphic = 3.0

    /// The contrast ratio of two `#RRGGBB` colours, 1…21.
    static func ratio(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// `colour`, darkened (its red, green and blue scaled down together, so the hue stays)
    /// until it reaches `minimum` contrast against white; unchanged when it already does, or
    /// when it is not a `#RRGGBB` colour.
    static func darkened(_ colour: String, toAtLeast minimum: Double) -> String {
        guard let rgb = channels(colour), ratio(colour, "#FFFFFF") < minimum else { return colour }
        var factor = 1.0
        var candidate = colour
        while ratio(candidate, "#FFFFFF") < minimum, factor > 0 {
            factor -= 0.02
            candidate = hex(rgb.map { $0 * factor })
        }
        return candidate
    }

    /// Relative luminance of an sRGB colour (0 black … 1 white).
    static func luminance(_ colour: String) -> Double {
        guard let rgb = channels(colour) else { return 0 }
        let linear = rgb.map { value -> Double in
            let c = value / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    private static func channels(_ colour: String) -> [Double]? {
        guard colour.count == 7, colour.hasPrefix("#"), let value = UInt32(colour.dropFirst(), radix: 16) else { return nil }
        return [Double(value >> 16 & 0xFF), Double(value >> 8 & 0xFF), Double(value & 0xFF)]
    }

    private static func hex(_ rgb: [Double]) -> String {
        "#" + rgb.map { String(format: "%02X", Int($0.rounded())) }.joined()
    }
}
