/// A small, strict XML scanner for the parts of an Office Open XML workbook that Osaava reads
/// (workbook, relationships, shared strings, worksheets). It replaces Foundation's `XMLParser`,
/// whose libxml2 (with ICU's data and liblzma) every start of osaava loaded and relocated.
///
/// It reads elements, attributes, character data, the five predefined entities, character
/// references and CDATA sections; skips comments and processing instructions; checks the XML
/// declaration's encoding (UTF-8, or UTF-16 with a byte-order mark). Anything not well-formed
/// throws, with its line: mismatched or unclosed tags, a duplicated attribute, an unknown entity,
/// invalid UTF-8, a control character, text or a second element outside the root element. A
/// document type declaration is refused: no workbook part has one, and its entities are how XML
/// bombs and external-entity reads work.
struct XMLScanner {
    let bytes: [UInt8]
    var position: Int
    /// Where the document starts (after a byte-order mark): the only place for `<?xml ...?>`.
    private let documentStart: Int
    private let fromUTF16: Bool
    /// The byte ranges of the open elements' names, innermost last.
    var open: [Range<Int>] = []
    /// The end of an empty element (`<c/>`), reported by the next call.
    private var pendingEnd: String?
    var rootSeen = false

    init(_ data: some Collection<UInt8>) throws(XMLSyntaxError) {
        var bytes = Array(data)
        let bigEndian = bytes.starts(with: [0xFE, 0xFF])
        fromUTF16 = bigEndian || bytes.starts(with: [0xFF, 0xFE])
        if fromUTF16 {
            bytes = try Self.utf8(fromUTF16: bytes.dropFirst(2), bigEndian: bigEndian)
        }
        self.bytes = bytes
        documentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        position = documentStart
    }

    /// The next event, or nil at the end of a well-formed document.
    mutating func next() throws(XMLSyntaxError) -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name: name)
        }
        while position < bytes.count {
            guard bytes[position] == XMLByte.lessThan else {
                if let text = try characterData() { return .text(text) }
                continue
            }
            switch position + 1 < bytes.count ? bytes[position + 1] : 0 {
            case XMLByte.slash:
                return try endTag()
            case XMLByte.question:
                try processingInstruction()
            case XMLByte.exclamation:
                if hasPrefix("<!--") {
                    try comment()
                } else if hasPrefix("<![CDATA[") {
                    let text = try cdata()
                    if !text.isEmpty { return .text(text) }
                } else if hasPrefix("<!DOCTYPE") {
                    throw error(at: position, "a document type declaration (<!DOCTYPE>), which no workbook part has")
                } else {
                    throw error(at: position, "unexpected markup \"<!\"")
                }
            default:
                return .start(try startTag())
            }
        }
        if let innermost = open.last {
            throw error(at: bytes.count, "the part ends inside <\(text(innermost))>")
        }
        guard rootSeen else { throw error(at: bytes.count, "there is no element") }
        return nil
    }

    private mutating func startTag() throws(XMLSyntaxError) -> XMLElement {
        let tagStart = position
        if open.isEmpty && rootSeen { throw error(at: tagStart, "a second root element") }
        position += 1
        let nameRange = try scanName()
        let name = try string(nameRange)
        var attributes: [(name: String, value: String)] = []
        while true {
            let spaced = skipSpace()
            guard position < bytes.count else { throw error(at: tagStart, "the part ends inside the tag <\(name)") }
            switch bytes[position] {
            case XMLByte.greaterThan:
                position += 1
                open.append(nameRange)
                rootSeen = true
                return XMLElement(name: name, attributes: attributes)
            case XMLByte.slash:
                guard position + 1 < bytes.count, bytes[position + 1] == XMLByte.greaterThan else {
                    throw error(at: position, "\"/\" not followed by \">\" in <\(name)>")
                }
                position += 2
                rootSeen = true
                pendingEnd = name
                return XMLElement(name: name, attributes: attributes)
            default:
                guard spaced else { throw error(at: position, "expected white space, \">\" or \"/>\" in <\(name)>") }
                let attribute = try string(scanName())
                skipSpace()
                guard position < bytes.count, bytes[position] == XMLByte.equals else {
                    throw error(at: position, "attribute \(attribute) of <\(name)> has no \"=\"")
                }
                position += 1
                skipSpace()
                let value = try attributeValue(of: attribute)
                guard !attributes.contains(where: { $0.name == attribute }) else {
                    throw error(at: position, "attribute \(attribute) appears twice in <\(name)>")
                }
                attributes.append((attribute, value))
            }
        }
    }

    private mutating func endTag() throws(XMLSyntaxError) -> XMLEvent {
        let tagStart = position
        position += 2
        let nameRange = try scanName()
        skipSpace()
        guard position < bytes.count, bytes[position] == XMLByte.greaterThan else {
            throw error(at: position, "expected \">\" to close </\(text(nameRange))")
        }
        position += 1
        guard let innermost = open.last else {
            throw error(at: tagStart, "</\(text(nameRange))> closes no open element")
        }
        guard bytes[nameRange].elementsEqual(bytes[innermost]) else {
            throw error(at: tagStart, "</\(text(nameRange))> where </\(text(innermost))> was expected")
        }
        open.removeLast()
        return .end(name: try string(nameRange))
    }

    /// `<?target ...?>`: skipped, except that the XML declaration must come first and name an
    /// encoding the bytes are in.
    private mutating func processingInstruction() throws(XMLSyntaxError) {
        let start = position
        position += 2
        let target = try scanName()
        guard let close = find("?>", from: position) else { throw error(at: start, "\"<?\" is never closed by \"?>\"") }
        let name = text(target)
        if name == "xml" {
            guard start == documentStart else {
                throw error(at: start, "the XML declaration <?xml ...?> is allowed only at the start of the part")
            }
            try checkEncoding(declaration: position..<close)
        } else if name.lowercased() == "xml" {
            throw error(at: start, "<?\(name) is a reserved name")
        }
        position = close + 2
    }

    private mutating func comment() throws(XMLSyntaxError) {
        let start = position
        guard let dashes = find("--", from: position + 4) else {
            throw error(at: start, "\"<!--\" is never closed by \"-->\"")
        }
        guard dashes + 2 < bytes.count, bytes[dashes + 2] == XMLByte.greaterThan else {
            throw error(at: dashes, "\"--\" inside a comment")
        }
        position = dashes + 3
    }

    private mutating func cdata() throws(XMLSyntaxError) -> String {
        let start = position
        guard !open.isEmpty else { throw error(at: start, "a CDATA section outside the root element") }
        let begin = position + 9
        guard let close = find("]]>", from: begin) else {
            throw error(at: start, "\"<![CDATA[\" is never closed by \"]]>\"")
        }
        position = close + 3
        var decoded: [UInt8] = []
        decoded.reserveCapacity(close - begin)
        var at = begin
        while at < close {
            try checkCharacter(at: at)
            at = appendNormalisingLineEnd(at: at, to: &decoded)
        }
        return try string(decoded, at: begin)
    }

    private mutating func scanName() throws(XMLSyntaxError) -> Range<Int> {
        let begin = position
        guard position < bytes.count, XMLByte.isNameStart(bytes[position]) else {
            throw error(at: position, "expected a name")
        }
        position += 1
        while position < bytes.count,
            XMLByte.isNameStart(bytes[position]) || XMLByte.isNameContinuation(bytes[position])
        {
            position += 1
        }
        return begin..<position
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let begin = position
        while position < bytes.count, XMLByte.isSpace(bytes[position]) { position += 1 }
        return position > begin
    }

    private func hasPrefix(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { bytes[position..<(position + count)].elementsEqual($0) }
    }

    /// The index where `pattern` next occurs at or after `start`.
    private func find(_ pattern: StaticString, from start: Int) -> Int? {
        pattern.withUTF8Buffer { needle -> Int? in
            guard let first = needle.first, start + needle.count <= bytes.count else { return nil }
            var at = start
            while at + needle.count <= bytes.count {
                if bytes[at] == first, bytes[at..<(at + needle.count)].elementsEqual(needle) { return at }
                at += 1
            }
            return nil
        }
    }

    /// The encoding the declaration names (when it names one) must be what the bytes are in.
    private func checkEncoding(declaration: Range<Int>) throws(XMLSyntaxError) {
        guard let key = find("encoding", from: declaration.lowerBound), key < declaration.upperBound else { return }
        var at = key + 8
        while at < declaration.upperBound, XMLByte.isSpace(bytes[at]) || bytes[at] == XMLByte.equals { at += 1 }
        guard at < declaration.upperBound, bytes[at] == XMLByte.quote || bytes[at] == XMLByte.apostrophe else { return }
        let quote = bytes[at]
        let end = bytes[(at + 1)..<declaration.upperBound].firstIndex(of: quote) ?? declaration.upperBound
        let name = String(text((at + 1)..<end).unicodeScalars.map { Character($0.properties.lowercaseMapping) })
        let readable = fromUTF16 ? ["utf-16", "utf-16le", "utf-16be"] : ["utf-8", "utf8", "us-ascii", "ascii"]
        guard readable.contains(name) else {
            throw error(
                at: declaration.lowerBound,
                "the part declares the encoding \(name); workbooks are read in UTF-8 (or UTF-16 with a byte-order mark)"
            )
        }
    }

    /// Bytes for a message, whatever they hold.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func error(at offset: Int, _ reason: String) -> XMLSyntaxError {
        let end = min(offset, bytes.count)
        return XMLSyntaxError(
            line: 1 + bytes[..<end].reduce(0) { $0 + ($1 == XMLByte.lineFeed ? 1 : 0) }, reason: reason)
    }

    private static func utf8(fromUTF16 bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(XMLSyntaxError) -> [UInt8] {
        guard bytes.count % 2 == 0 else {
            throw XMLSyntaxError(line: 1, reason: "the part is not valid UTF-16 (an odd number of bytes)")
        }
        let units = stride(from: bytes.startIndex, to: bytes.endIndex, by: 2).map { at -> UInt16 in
            let (high, low) = bigEndian ? (bytes[at], bytes[at + 1]) : (bytes[at + 1], bytes[at])
            return UInt16(high) << 8 | UInt16(low)
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw XMLSyntaxError(line: 1, reason: "the part is not valid UTF-16")
        }
        return Array(text.utf8)
    }
}
