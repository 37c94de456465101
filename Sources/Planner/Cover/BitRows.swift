/// Rows of equal-width bit sets in one flat buffer: the needs each item covers, compared by whole words.
struct BitRows {
    let words: Int
    private(set) var storage: [UInt64]

    init(rows: Int, bits: Int) {
        words = max(1, (bits + 63) / 64)
        storage = [UInt64](repeating: 0, count: rows * words)
    }

    func contains(_ row: Int, _ bit: Int) -> Bool {
        storage[row * words + bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    mutating func insert(_ row: Int, _ bit: Int) {
        storage[row * words + bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Row `target` |= row `source` of `other` (same width), masked by `mask`.
    mutating func formUnion(_ target: Int, with other: BitRows, row source: Int) {
        let t = target * words
        let s = source * other.words
        for w in 0..<words { storage[t + w] |= other.storage[s + w] }
    }

    mutating func formIntersection(_ target: Int, with mask: [UInt64]) {
        let t = target * words
        for w in 0..<words { storage[t + w] &= mask[w] }
    }

    mutating func clear(_ row: Int) {
        let t = row * words
        for w in 0..<words { storage[t + w] = 0 }
    }

    func isEmpty(_ row: Int) -> Bool {
        let t = row * words
        for w in 0..<words where storage[t + w] != 0 { return false }
        return true
    }

    /// Is row `row` (masked by `mask`) a subset of row `other` of `superset`?
    func isSubset(_ row: Int, masked mask: [UInt64], of superset: BitRows, row other: Int) -> Bool {
        let a = row * words
        let b = other * superset.words
        for w in 0..<words where storage[a + w] & mask[w] & ~superset.storage[b + w] != 0 { return false }
        return true
    }

    /// Number of bits of row `row` that are also set in `mask`.
    func count(_ row: Int, masked mask: [UInt64]) -> Int {
        let a = row * words
        var total = 0
        for w in 0..<words { total += (storage[a + w] & mask[w]).nonzeroBitCount }
        return total
    }

    func intersects(_ row: Int, _ mask: [UInt64]) -> Bool {
        let a = row * words
        for w in 0..<words where storage[a + w] & mask[w] != 0 { return true }
        return false
    }

    /// The set bits of a row, ascending.
    func bits(_ row: Int) -> [Int] {
        var result: [Int] = []
        let a = row * words
        for w in 0..<words {
            var word = storage[a + w]
            while word != 0 {
                result.append(w * 64 + word.trailingZeroBitCount)
                word &= word - 1
            }
        }
        return result
    }
}
