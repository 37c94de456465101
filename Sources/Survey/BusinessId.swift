/// The Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit.
package enum BusinessId {
    /// The ID in its canonical form (`1234567-8`), or nil when it is malformed or its check digit is wrong.
    /// Old six-digit IDs (`123456-7`) get their leading zero.
    package static func normalised(_ text: String) -> String? {
        let parts = text.filter { !$0.isWhitespace }.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (6...7).contains(parts[0].count), parts[1].count == 1,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let body = (parts[0].count == 6 ? "0" : "") + parts[0]
        let digits = body.compactMap(\.wholeNumberValue)
        let weights = [7, 9, 10, 5, 8, 4, 2]
        let remainder = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        guard remainder != 1 else { return nil }
        let check = remainder == 0 ? 0 : 11 - remainder
        guard String(check) == parts[1] else { return nil }
        return body + "-" + parts[1]
    }
}
