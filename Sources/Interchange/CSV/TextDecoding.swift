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

    /// Some bytes of a file whose encoding `decode` chose (or a streaming reader did, the same way).
    package static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: Encoding) -> String {
        switch encoding {
        case .utf8, .utf8WithBOM: String(decoding: bytes, as: UTF8.self)
        case .windows1252: String(String.UnicodeScalarView(bytes.lazy.map { windows1252Scalar($0) }))
        }
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, which hold €, quotes, dashes and a few letters.
    private static func windows1252(_ byte: UInt8) -> Character {
        Character(windows1252Scalar(byte))
    }

    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard byte >= 0x80 && byte <= 0x9F, let scalar = Unicode.Scalar(high[Int(byte - 0x80)]), scalar != "\0"
        else { return Unicode.Scalar(byte) }
        return scalar
    }

    /// 0x80–0x9F; 0 where Windows-1252 has no character (the byte is read as the C1 control it is in Latin-1).
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
        0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0, 0x017E, 0x0178,
    ]
}
