import Catalog

/// The JSON kept in a `response` row for its organisation, research and consent, written by
/// hand: byte for byte what Foundation's `JSONEncoder` with sorted keys writes (and `JSONDecoder`
/// reads back), for a tenth of its cost — an import of 50,000 responses encoded 150,000 values.
package enum RecordJSON {
    package static func organisation(_ value: Organisation) -> String {
        var json = Writer()
        json.open()
        if let businessId = value.businessId { json.string("businessId", businessId) }
        json.string("name", value.name)
        json.string("region", value.region)
        json.strings("roles", value.roles)
        if let sector = value.sector { json.string("sector", sector) }
        if let size = value.size { json.string("size", size) }
        return json.close()
    }

    package static func research(_ value: Research) -> String {
        var json = Writer()
        json.open()
        json.strings("challenges", value.challenges)
        json.strings("infrastructures", value.infrastructures)
        json.strings("interest", value.interest)
        if let text = value.text { json.string("text", text) }
        return json.close()
    }

    package static func consent(_ value: Consent) -> String {
        var json = Writer()
        json.open()
        json.bool("contact", value.contact)
        json.string("givenAt", value.givenAt)
        json.bool("planning", value.planning)
        json.bool("publish", value.publish)
        json.string("textVersion", value.textVersion)
        return json.close()
    }

    private struct Writer {
        private var bytes: [UInt8] = []
        private var first = true

        mutating func open() {
            bytes.append(UInt8(ascii: "{"))
        }

        mutating func close() -> String {
            bytes.append(UInt8(ascii: "}"))
            return String(decoding: bytes, as: UTF8.self)
        }

        private mutating func key(_ name: String) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            quoted(name)
            bytes.append(UInt8(ascii: ":"))
        }

        mutating func string(_ name: String, _ value: String) {
            key(name)
            quoted(value)
        }

        mutating func strings(_ name: String, _ values: [String]) {
            key(name)
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                quoted(value)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        mutating func bool(_ name: String, _ value: Bool) {
            key(name)
            bytes.append(contentsOf: (value ? "true" : "false").utf8)
        }

        /// JSONEncoder's escaping: quote, backslash and slash escaped, control characters as
        /// \b \t \n \f \r or \u00xx, everything else as UTF-8.
        private mutating func quoted(_ value: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "/"): bytes.append(contentsOf: #"\/"#.utf8)
                case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
                case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
                case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
                case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
                case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
                case 0x00..<0x20:
                    let digits = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(digits[Int(byte >> 4)])
                    bytes.append(digits[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
