import Foundation

/// WCAG 2 contrast between colours given as "#rrggbb", so that every text colour the report picks
/// is checked rather than hoped for.
package enum Contrast {
    /// Relative luminance of an sRGB colour, 0 (black) to 1 (white); nil for a malformed colour.
    package static func luminance(_ hex: String) -> Double? {
        let digits = Array(hex.dropFirst())
        guard hex.first == "#", digits.count == 6 else { return nil }
        var channels: [Double] = []
        for index in stride(from: 0, to: 6, by: 2) {
            guard let byte = UInt8(String(digits[index...index + 1]), radix: 16) else { return nil }
            let value = Double(byte) / 255
            channels.append(value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4))
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// The contrast ratio, 1 to 21; 0 when a colour is malformed.
    package static func ratio(_ a: String, _ b: String) -> Double {
        guard let x = luminance(a), let y = luminance(b) else { return 0 }
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// Of `candidates`, the colour that contrasts most with `background`.
    package static func best(on background: String, from candidates: [String]) -> String {
        candidates.max { ratio($0, background) < ratio($1, background) } ?? "#000000"
    }
}
