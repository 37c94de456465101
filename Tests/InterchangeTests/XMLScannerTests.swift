import Catalog
import Foundation
import Testing

@testable import Interchange

/// The workbook parts' XML scanner: SpreadsheetML as Excel and LibreOffice write it, XML's escapes,
/// and a clear refusal of anything not well-formed.
@Suite struct XMLScannerTests {
    static func events(_ xml: String) throws(XMLSyntaxError) -> [XMLEvent] {
        try events(Array(xml.utf8))
    }

    static func events(_ bytes: [UInt8]) throws(XMLSyntaxError) -> [XMLEvent] {
        var scanner = try XMLScanner(bytes)
        var events: [XMLEvent] = []
        while let event = try scanner.next() { events.append(event) }
        return events
    }

    static func start(_ name: String, _ attributes: [(String, String)] = []) -> XMLEvent {
        .start(XMLElement(name: name, attributes: attributes.map { (name: $0.0, value: $0.1) }))
    }

    @Test func aWorksheetPartGivesItsElementsAttributesAndTextInOrder() throws {
        // Given a worksheet part as Excel writes it: declaration, namespaces, prefixed and empty elements
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>\
            <row r="1" spans='1:2'><c r="A1" t="s"><v>0</v></c><c r="B1"/></row></sheetData></worksheet>
            """

        // When it is scanned
        let events = try Self.events(xml)

        // Then every element, attribute and text comes in document order, the empty cell as start and end
        #expect(
            events == [
                Self.start(
                    "worksheet",
                    [
                        ("xmlns", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
                        ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
                    ]),
                Self.start("sheetData"), Self.start("row", [("r", "1"), ("spans", "1:2")]),
                Self.start("c", [("r", "A1"), ("t", "s")]), Self.start("v"), .text("0"), .end(name: "v"),
                .end(name: "c"), Self.start("c", [("r", "B1")]), .end(name: "c"), .end(name: "row"),
                .end(name: "sheetData"), .end(name: "worksheet"),
            ])
    }

    @Test func entitiesCharacterReferencesAndCDATAGiveTheTextTheyStandFor() throws {
        // Given text and an attribute with the five entities, decimal and hexadecimal references, CDATA
        let xml = """
            <si a="&lt;&amp;&gt; &#228;&#xE4;"><t xml:space="preserve">a &lt; b &amp;&amp; c &gt; d \
            &apos;x&apos; &quot;y&quot; &#228;&#xe4;&#x1F50B;<![CDATA[<b>&amp;</b>]]>!</t></si>
            """

        // When it is scanned
        let events = try Self.events(xml)

        // Then each stands for its character, and CDATA for itself
        #expect(events[0] == Self.start("si", [("a", "<&> ää")]))
        #expect(events[1] == Self.start("t", [("xml:space", "preserve")]))
        let text = events.compactMap { event -> String? in
            if case .text(let text) = event { return text }
            return nil
        }
        #expect(text.joined() == "a < b && c > d 'x' \"y\" ää🔋<b>&amp;</b>!")
    }

    @Test func lineEndsAndAttributeWhiteSpaceAreNormalisedAsXMLSays() throws {
        // Given CR LF and lone CR in text, and a tab, a line end and a referenced line feed in an attribute
        let xml = "<t a=\"x\ty\r\nz&#10;w\">one\r\ntwo\rthree&#13;</t>"

        // When it is scanned
        let events = try Self.events(xml)

        // Then text lines end in LF (a referenced CR stays), and attribute white space is one space each
        #expect(events[0] == Self.start("t", [("a", "x y z\nw")]))
        #expect(events[1] == .text("one\ntwo\nthree\r"))
    }

    @Test func commentsProcessingInstructionsAndOuterWhiteSpaceAreSkipped() throws {
        // Given a byte-order mark, comments and processing instructions around and inside the root
        let xml = "\u{FEFF}<?xml version='1.0'?>\n<!-- before -->\n<a><?pi data?><!-- inside -->b</a>\n<!-- after -->\n"

        // When it is scanned
        let events = try Self.events(xml)

        // Then only the element and its text are reported
        #expect(events == [Self.start("a"), .text("b"), .end(name: "a")])
    }

    @Test func aPartInUTF16WithAByteOrderMarkIsRead() throws {
        // Given a part encoded as UTF-16 little-endian, as its declaration says
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><t>Jyväskylä 🔋</t>"
        let bytes: [UInt8] = [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }

        // When it is scanned
        let events = try Self.events(bytes)

        // Then its text is the same as in UTF-8
        #expect(events == [Self.start("t"), .text("Jyväskylä 🔋"), .end(name: "t")])
    }

    static let malformed: [(xml: String, line: Int, reason: String)] = [
        ("", 1, "there is no element"),
        ("  \n ", 2, "there is no element"),
        ("<a><b></a>", 1, "</a> where </b> was expected"),
        ("<a>\n<b>\n</c>", 3, "</c> where </b> was expected"),
        ("<a>text", 1, "the part ends inside <a>"),
        ("</a>", 1, "</a> closes no open element"),
        ("<a x='1' x='2'/>", 1, "attribute x appears twice in <a>"),
        ("<a x=1/>", 1, "the value of attribute x is not quoted"),
        ("<a x/>", 1, "attribute x of <a> has no \"=\""),
        ("<a x='<'/>", 1, "\"<\" in the value of attribute x"),
        ("<a x='1/>", 1, "the value of attribute x is never closed"),
        ("<a x='1'y='2'/>", 1, "expected white space"),
        ("<a>&nbsp;</a>", 1, "unknown entity &nbsp;"),
        ("<a>fish & chips</a>", 1, "\"&\" that starts no entity or character reference"),
        ("<a>&#0;</a>", 1, "is not a character XML allows"),
        ("<a>&#xD800;</a>", 1, "is not a character XML allows"),
        ("<a>&#x110000;</a>", 1, "is not a character XML allows"),
        ("<a>&#12a;</a>", 1, "malformed character reference"),
        ("<a>&#;</a>", 1, "malformed character reference &#;"),
        ("<a>\u{01}</a>", 1, "control character U+0001 is not allowed"),
        ("<a>\u{FFFE}</a>", 1, "U+FFFE and U+FFFF"),
        ("<a/><b/>", 1, "a second root element"),
        ("text<a/>", 1, "text before the root element"),
        ("<a/>\ntext", 2, "text after the root element"),
        ("<![CDATA[x]]><a/>", 1, "a CDATA section outside the root element"),
        ("<a><![CDATA[x</a>", 1, "\"<![CDATA[\" is never closed"),
        ("<a>]]></a>", 1, "\"]]>\" in text"),
        ("<a><!-- x -- y --></a>", 1, "\"--\" inside a comment"),
        ("<a><!-- x </a>", 1, "\"<!--\" is never closed"),
        ("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", 1, "a document type declaration (<!DOCTYPE>)"),
        ("<a><!ELEMENT a ANY></a>", 1, "unexpected markup \"<!\""),
        ("<?xml version='1.0' encoding='windows-1252'?><a/>", 1, "declares the encoding windows-1252"),
        ("<a/><?xml version='1.0'?>", 1, "allowed only at the start of the part"),
        ("<a><?XML x?></a>", 1, "<?XML is a reserved name"),
        ("<a><? x?></a>", 1, "expected a name"),
        ("<1a/>", 1, "expected a name"),
        ("<a / >", 1, "\"/\" not followed by \">\""),
        ("<a", 1, "the part ends inside the tag <a"),
    ]

    @Test(arguments: malformed)
    func malformedXMLIsRefusedWithItsLineAndReason(_ example: (xml: String, line: Int, reason: String)) {
        // Given a part that is not well-formed
        // When it is scanned
        // Then it is refused, saying where and why
        #expect {
            try Self.events(example.xml)
        } throws: { error in
            guard let error = error as? XMLSyntaxError else { return false }
            return error.line == example.line && error.reason.contains(example.reason)
        }
    }

    @Test func invalidUTF8AndTruncatedUTF16AreRefused() {
        // Given a Latin-1 byte in UTF-8 text, and UTF-16 with an odd number of bytes or a lone surrogate
        let latin1: [UInt8] = Array("<a>J".utf8) + [0xE4] + Array("</a>".utf8)
        let odd: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00, 0x61]
        let surrogate: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00, 0x00, 0xD8, 0x3E, 0x00]

        // When each is scanned
        // Then each is refused with the encoding named
        #expect(throws: XMLSyntaxError(line: 1, reason: "the text is not valid UTF-8")) { try Self.events(latin1) }
        #expect(throws: XMLSyntaxError(line: 1, reason: "the part is not valid UTF-16 (an odd number of bytes)")) {
            try Self.events(odd)
        }
        #expect(throws: XMLSyntaxError(line: 1, reason: "the part is not valid UTF-16")) {
            try Self.events(surrogate)
        }
    }

    @Test func aMalformedWorkbookPartIsNamedInTheImportError() {
        // Given a worksheet part whose cell is never closed
        let part = Data("<worksheet>\n<sheetData><row><c><v>1</v></row></sheetData></worksheet>".utf8)

        // When it is read as a workbook's sheet
        var reader = WorksheetReader(shared: [])

        // Then the error names the part, the line, the problem and what to do
        #expect(
            throws: ContainerError(
                "is not a readable workbook: its part xl/worksheets/sheet1.xml is not well-formed XML (line 2: </row> "
                    + "where </c> was expected); open it in Excel and save it again as .xlsx")
        ) {
            try SheetXML.read(part, part: "xl/worksheets/sheet1.xml", into: &reader)
        }
    }

    @Test func damagedPartsAreRefusedOrScannedNeverCrashedAndAlwaysNested() throws {
        // Given a shared-strings part, mutated 3,000 times: bytes flipped, removed, markup inserted, cut short
        let original = Array(
            """
            <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            count="3"><si><t>Akku&amp;Kenno</t></si><si><r><t xml:space="preserve">Jyväskylä </t></r><r><t>&#x1F50B;\
            </t></r><rPh sb="0" eb="1"><t>x</t></rPh></si><si><t><![CDATA[<b>]]></t></si><!-- end --></sst>
            """.utf8)
        let inserts: [UInt8] = Array("<>/&;#'\"=![]-? \r\n".utf8) + [0x00, 0xC3, 0xFF]
        var random = SeededGenerator(seed: 7)
        var scanned = 0
        for round in 0..<3_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &random) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[at] ^= UInt8.random(in: 1...255, using: &random)
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(inserts.randomElement(using: &random) ?? 0x3C, at: at)
                default: bytes.removeLast(Int.random(in: 0...(bytes.count - at), using: &random))
                }
            }

            // When it is scanned
            guard let events = try? Self.events(bytes) else { continue }

            // Then whatever is accepted is one root element with every start closed by its own end
            scanned += 1
            var open: [String] = []
            var roots = 0
            for event in events {
                switch event {
                case .start(let element):
                    if open.isEmpty { roots += 1 }
                    open.append(element.name)
                case .end(let name):
                    #expect(open.popLast() == name, "round \(round)")
                case .text:
                    #expect(!open.isEmpty, "round \(round)")
                }
            }
            #expect(open.isEmpty && roots == 1, "round \(round)")
        }
        // And some mutations (inside text, say) left the part readable
        #expect(scanned > 100)
    }
}
