import Foundation

/// A number with a fixed count of decimals, exactly as C's `printf("%.*f")` writes it (the
/// double's exact binary value rounded half to even), without Foundation's `String(format:)`,
/// which costs a small `analyze` most of a millisecond in CoreFoundation's format machinery.
enum FixedPoint {
    /// `value` with `places` (0–9) decimals: "-0.0" for a negative value that rounds to zero,
    /// as printf writes it.
    static func string(_ value: Double, places: Int) -> String {
        guard value.isFinite, (0...9).contains(places), value.magnitude < 0x1p63 else {
            return String(format: "%.\(places)f", value)
        }
        let scale = (0..<places).reduce(UInt128(1)) { power, _ in power * 10 }
        var scaled: UInt128
        if value == 0 {
            scaled = 0
        } else {
            // value = significand × 2^exponent exactly, the significand a 53-bit integer
            let significand = UInt128(value.significandBitPattern | (value.isNormal ? 1 << 52 : 0))
            let exponent = Int(value.exponent) - 52
            let product = significand * scale
            if exponent >= 0 {
                scaled = product << exponent
            } else if -exponent >= 127 {
                scaled = 0  // below 2^-74: rounds to zero at any 9 places
            } else {
                let shift = -exponent
                scaled = product >> shift
                let remainder = product & ((1 << shift) - 1)
                let half = UInt128(1) << (shift - 1)
                if remainder > half || (remainder == half && scaled & 1 == 1) { scaled += 1 }
            }
        }
        let whole = String(scaled / scale)
        var text = value.sign == .minus ? "-" + whole : whole
        if places > 0 {
            let fraction = String(scaled % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }
}
