/// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), for erasure tombstones and pseudonyms:
/// identities must not be recoverable from what is kept. Foundation on Linux has no CryptoKit,
/// and one hash does not justify a dependency.
package enum SHA256 {
    package static func digest(_ message: [UInt8]) -> [UInt8] {
        var hasher = SHA256Hasher()
        hasher.update(message)
        return hasher.finalize()
    }

    package static func hex(_ message: [UInt8]) -> String {
        hex(digest: digest(message))
    }

    /// Lower-case hexadecimal of a digest (without Foundation's `String(format:)`, slow per byte).
    package static func hex(digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    package static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? digest(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = digest(block.map { $0 ^ 0x36 } + message)
        return digest(block.map { $0 ^ 0x5c } + inner)
    }
}
