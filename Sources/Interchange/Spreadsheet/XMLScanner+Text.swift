/// Character data, attribute values and references: resolved, line ends normalised, checked
/// for the characters XML forbids and for valid UTF-8.
extension XMLScanner {
    /// The text up to the next `<`; nil when there is none to report (white space outside the
    /// root element, the only text allowed there).
    mutating func characterData() throws(XMLSyntaxError) -> String? {
        let begin = position
        var plain = true
        while position < bytes.count, bytes[position] != XMLByte.lessThan {
            let byte = bytes[position]
            if byte == XMLByte.ampersand || byte == XMLByte.carriageReturn {
                plain = false
            } else if byte == XMLByte.greaterThan, position >= begin + 2, bytes[position - 1] == XMLByte.rightBracket,
                bytes[position - 2] == XMLByte.rightBracket
            {
                throw error(at: position - 2, "\"]]>\" in text (write ]]&gt;)")
            } else {
                try checkCharacter(at: position)
            }
            position += 1
        }
        let end = position
        if open.isEmpty {
            if let first = bytes[begin..<end].firstIndex(where: { !XMLByte.isSpace($0) }) {
                throw error(at: first, rootSeen ? "text after the root element" : "text before the root element")
            }
            return nil
        }
        if plain { return try string(begin..<end) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(end - begin)
        var at = begin
        while at < end {
            if bytes[at] == XMLByte.ampersand {
                at = try reference(at: at, limit: end, into: &decoded)
            } else {
                at = appendNormalisingLineEnd(at: at, to: &decoded)
            }
        }
        return try string(decoded, at: begin)
    }

    /// A quoted attribute value, references resolved and white space normalised as XML says
    /// (each tab, line feed, carriage return or CR LF becomes one space).
    mutating func attributeValue(of attribute: String) throws(XMLSyntaxError) -> String {
        guard position < bytes.count, bytes[position] == XMLByte.quote || bytes[position] == XMLByte.apostrophe else {
            throw error(at: position, "the value of attribute \(attribute) is not quoted")
        }
        let delimiter = bytes[position]
        position += 1
        let begin = position
        var plain = true
        while position < bytes.count, bytes[position] != delimiter {
            let byte = bytes[position]
            if byte == XMLByte.lessThan {
                throw error(at: position, "\"<\" in the value of attribute \(attribute) (write &lt;)")
            }
            if byte == XMLByte.ampersand || byte == XMLByte.carriageReturn || byte == XMLByte.lineFeed
                || byte == XMLByte.tab
            {
                plain = false
            } else {
                try checkCharacter(at: position)
            }
            position += 1
        }
        guard position < bytes.count else {
            throw error(at: begin, "the value of attribute \(attribute) is never closed")
        }
        let end = position
        position += 1
        if plain { return try string(begin..<end) }
        var decoded: [UInt8] = []
        var at = begin
        while at < end {
            switch bytes[at] {
            case XMLByte.ampersand:
                at = try reference(at: at, limit: end, into: &decoded)
            case XMLByte.carriageReturn, XMLByte.lineFeed, XMLByte.tab:
                at = appendNormalisingLineEnd(at: at, to: &decoded)
                decoded[decoded.count - 1] = XMLByte.space
            default:
                decoded.append(bytes[at])
                at += 1
            }
        }
        return try string(decoded, at: begin)
    }

    /// Resolves the reference at `at` (`&lt;`, `&#228;`, `&#xE4;`, ...) into `out`; returns the
    /// index after its `;`.
    private func reference(at: Int, limit: Int, into out: inout [UInt8]) throws(XMLSyntaxError) -> Int {
        let window = (at + 1)..<min(limit, at + 40)
        guard let semicolon = bytes[window].firstIndex(of: XMLByte.semicolon), semicolon > at + 1 else {
            throw error(at: at, "\"&\" that starts no entity or character reference (write &amp;)")
        }
        let body = bytes[(at + 1)..<semicolon]
        if body.first == XMLByte.hash {
            let scalar = try characterReference(body.dropFirst(), at: at)
            out.append(contentsOf: String(Character(scalar)).utf8)
            return semicolon + 1
        }
        switch text(body.startIndex..<body.endIndex) {
        case "lt": out.append(XMLByte.lessThan)
        case "gt": out.append(XMLByte.greaterThan)
        case "amp": out.append(XMLByte.ampersand)
        case "apos": out.append(XMLByte.apostrophe)
        case "quot": out.append(XMLByte.quote)
        case let name:
            throw error(at: at, "unknown entity &\(name); (XML defines only &lt; &gt; &amp; &apos; &quot;)")
        }
        return semicolon + 1
    }

    /// `#228` or `#xE4` (the `#` already dropped): the character, if XML allows it.
    private func characterReference(_ digits: ArraySlice<UInt8>, at: Int) throws(XMLSyntaxError) -> Unicode.Scalar {
        let hex = digits.first == UInt8(ascii: "x")
        let number = hex ? digits.dropFirst() : digits
        guard !number.isEmpty else {
            throw error(at: at, "malformed character reference &#\(text(digits.startIndex..<digits.endIndex));")
        }
        var value: UInt32 = 0
        for digit in number {
            guard let figure = Self.digit(digit, hex: hex), value <= 0x10_FFFF else {
                throw error(at: at, "malformed character reference &#\(text(digits.startIndex..<digits.endIndex));")
            }
            value = value * (hex ? 16 : 10) + figure
        }
        guard let scalar = Unicode.Scalar(value), XMLByte.isCharacter(scalar) else {
            throw error(
                at: at,
                "character reference &#\(text(digits.startIndex..<digits.endIndex)); is not a character XML allows")
        }
        return scalar
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Appends the byte at `at`, with CR LF and a lone CR made one LF; returns the next index.
    func appendNormalisingLineEnd(at: Int, to out: inout [UInt8]) -> Int {
        guard bytes[at] == XMLByte.carriageReturn else {
            out.append(bytes[at])
            return at + 1
        }
        out.append(XMLByte.lineFeed)
        return at + 1 < bytes.count && bytes[at + 1] == XMLByte.lineFeed ? at + 2 : at + 1
    }

    /// Refuses the control characters XML forbids (all below U+0020 but tab, LF and CR) and the
    /// non-characters U+FFFE and U+FFFF (EF BF BE, EF BF BF in UTF-8).
    func checkCharacter(at: Int) throws(XMLSyntaxError) {
        let byte = bytes[at]
        if byte < 0x20, byte != XMLByte.tab, byte != XMLByte.lineFeed, byte != XMLByte.carriageReturn {
            let code = String(byte, radix: 16, uppercase: true)
            throw error(at: at, "control character U+00\(byte < 0x10 ? "0" : "")\(code) is not allowed in XML")
        }
        if byte == 0xEF, at + 2 < bytes.count, bytes[at + 1] == 0xBF, bytes[at + 2] >= 0xBE {
            throw error(at: at, "U+FFFE and U+FFFF are not characters XML allows")
        }
    }

    func string(_ range: Range<Int>) throws(XMLSyntaxError) -> String {
        guard let text = String(validating: bytes[range], as: UTF8.self) else {
            throw error(at: range.lowerBound, "the text is not valid UTF-8")
        }
        return text
    }

    func string(_ decoded: [UInt8], at: Int) throws(XMLSyntaxError) -> String {
        guard let text = String(validating: decoded, as: UTF8.self) else {
            throw error(at: at, "the text is not valid UTF-8")
        }
        return text
    }
}
