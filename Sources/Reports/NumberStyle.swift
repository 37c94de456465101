import Foundation

/// Numbers as each language writes them. Chosen characters, not a locale's whim: Finnish and
/// Swedish group thousands with U+00A0 NO-BREAK SPACE (so a number never wraps), use a decimal
/// comma and U+2212 MINUS SIGN; English uses "," and "." and the ASCII hyphen-minus.
package struct NumberStyle: Sendable {
    package var group: String
    package var decimal: String
    package var minus: String

    package init(language: String) {
        switch language {
        case "fi", "sv":
            group = "\u{00A0}"
            decimal = ","
            minus = "\u{2212}"
        default:
            group = ","
            decimal = "."
            minus = "-"
        }
    }

    package init(group: String, decimal: String, minus: String) {
        self.group = group
        self.decimal = decimal
        self.minus = minus
    }

    /// For files programs read (CSV, JSON): no grouping, a decimal point, the ASCII minus.
    package static let plain = NumberStyle(group: "", decimal: ".", minus: "-")

    /// For CSV opened by a spreadsheet in the language's locale (`--excel`): the decimal comma in
    /// Finnish and Swedish, but no grouping and the ASCII minus, so that every cell parses as a number.
    package static func spreadsheet(language: String) -> NumberStyle {
        NumberStyle(group: "", decimal: NumberStyle(language: language).decimal, minus: "-")
    }

    package func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += group }
            grouped.append(digit)
        }
        return (value < 0 ? minus : "") + grouped
    }

    /// A number with `places` decimals, rounded half away from zero.
    package func decimal(_ value: Double, places: Int = 1) -> String {
        let scale = pow(10, Double(places))
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        var text = integer(whole)
        if places > 0 {
            let digits = String(fraction)
            text += decimal + String(repeating: "0", count: places - digits.count) + digits
        }
        return (value < 0 && scaled > 0 ? minus : "") + text
    }

    /// A share as a percentage with no decimals: 0.375 → "38 %" (fi/sv) or "38%" (en).
    package func percent(_ share: Double) -> String {
        let value = integer(Int((share * 100).rounded(.toNearestOrAwayFromZero)))
        return group == "," ? value + "%" : value + "\u{00A0}%"
    }
}
