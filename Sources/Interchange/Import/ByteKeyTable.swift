import Foundation

/// A fixed set of short byte strings (catalogue codes), each mapped to a value, looked up by the
/// bytes of a field without making a `String` of them: the needs CSV reader looks up several
/// codes on every one of millions of rows. Open addressing over an FNV-1a hash; the keys' bytes
/// in one array.
struct ByteKeyTable<Value> {
    /// Per slot: where its key starts in `bytes`, and its length (-1: an empty slot).
    private var starts: [Int]
    private var lengths: [Int]
    private var bytes: [UInt8] = []
    private var values: [Value?]
    private let mask: Int

    init(_ entries: [(key: String, value: Value)]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        mask = size - 1
        starts = Array(repeating: 0, count: size)
        lengths = Array(repeating: -1, count: size)
        values = Array(repeating: nil, count: size)
        for (key, value) in entries {
            let key = Array(key.utf8)
            guard key.withUnsafeBufferPointer({ self.value($0) }) == nil else { continue }
            var slot = key.withUnsafeBufferPointer { Self.hash($0) } & mask
            while lengths[slot] >= 0 { slot = (slot + 1) & mask }
            starts[slot] = bytes.count
            lengths[slot] = key.count
            bytes.append(contentsOf: key)
            values[slot] = value
        }
    }

    /// The value of the key equal to `key`'s bytes (the first entry given for it), or nil.
    func value(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        var slot = Self.hash(key) & mask
        return bytes.withUnsafeBufferPointer { stored in
            while lengths[slot] >= 0 {
                if lengths[slot] == key.count
                    && Self.same(UnsafeBufferPointer(rebasing: stored[starts[slot]..<starts[slot] + key.count]), key)
                {
                    return values[slot]
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// Whether two byte strings are equal (memcmp: the generic `elementsEqual` compared byte by byte).
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let left = a.baseAddress, let right = b.baseAddress else { return true }
        return memcmp(left, right, a.count) == 0
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ hash >> 29)
    }
}
