import Foundation

/// Turns a file's bytes into text the way spreadsheet exports need: a UTF-8 BOM is dropped;
/// bytes that are not UTF-8 are read as Windows-1252 (what Excel in a Finnish locale writes).
package enum TextDecoding {
    package enum Encoding: String, Sendable {
        case utf8
        case utf8WithBOM = "utf8-bom"
        case windows1252 = "windows-1252"
    }

    package static func decode(_ data: Data) -> (text: String, encoding: Encoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), .utf8WithBOM)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return (String(bytes.map { windows1252($0) }), .windows1252)
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, which hold €, quotes, dashes and a few letters.
    private static func windows1252(_ byte: UInt8) -> Character {
        let high: [UInt8: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
            0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
            0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
            0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
        ]
        let value = high[byte] ?? UInt32(byte)
        return Character(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
}
