/// Checks that bytes arriving in pieces are UTF-8 (the rules of `String(validating:as:)`: no
/// overlong forms, no surrogates, nothing above U+10FFFF), so that a streaming reader chooses a
/// file's encoding as `TextDecoding.decode` does for a whole file.
package struct UTF8StreamCheck {
    /// Continuation bytes still expected by the current sequence.
    private var remaining = 0
    /// The range the next continuation byte must fall in (narrower after E0, ED, F0 and F4).
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF
    /// Whether a whole multi-byte sequence came before the first byte that is not UTF-8.
    package private(set) var sawNonASCII = false
    /// True from the first byte that is not UTF-8 on.
    package private(set) var failed = false

    package init() {}

    /// Checks the next bytes; after a failure, nothing more is checked.
    package mutating func check(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !failed, let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = 0
        while index < count {
            // Eight ASCII bytes at a time, the common case.
            if remaining == 0 {
                while index + 8 <= count,
                    UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < count else { return }
            }
            let byte = base[index]
            index += 1
            if remaining > 0 {
                guard byte >= low && byte <= high else {
                    failed = true
                    return
                }
                remaining -= 1
                (low, high) = (0x80, 0xBF)
                if remaining == 0 { sawNonASCII = true }
                continue
            }
            switch byte {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: remaining = 1
            case 0xE0: (remaining, low) = (2, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: remaining = 2
            case 0xED: (remaining, high) = (2, 0x9F)
            case 0xF0: (remaining, low) = (3, 0x90)
            case 0xF1...0xF3: remaining = 3
            case 0xF4: (remaining, high) = (3, 0x8F)
            default:
                failed = true
                return
            }
        }
    }

    /// The input ended: a sequence cut short is not UTF-8.
    package mutating func finish() {
        if remaining > 0 { failed = true }
    }
}
