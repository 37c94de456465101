import Catalog

/// Identifies what a response says — not when, how or from where it arrived — so that importing
/// or merging the same response again changes nothing, whichever path (interview, an import
/// dialect, a merge) it took. Computed identically by every writer.
///
/// Scheme 2: SHA-256 over a canonical byte encoding written by hand (scheme 1, up to migration
/// `v4-content-hash-2`, was a 64-bit FNV-1a of Foundation's JSON of the record, which cost more
/// than writing the response). The encoding must never change once shipped: stored hashes are
/// compared with new ones. A changed scheme is a new prefix and a migration that rehashes.
///
/// Encoding: every integer, length and count zig-zag coded, then as LEB128; a string as its UTF-8 length and bytes; an optional as 0, or 1 and the value;
/// a list as its count and elements. The consent's time is left out (it is when, not what). A
/// response whose answers are derived from its record has the marker 1 where a response with
/// given answers has 0, the count and each key and value.
package enum ContentHash {
    static let prefix = "2:"

    package static func of(_ response: SurveyResponse) -> String {
        var encoder = Encoder()
        encoder.encode(response)
        return encoder.finish()
    }

    /// Whether `hash` was made by this scheme (and not by an earlier one).
    static func isCurrent(_ hash: String) -> Bool {
        hash.hasPrefix(prefix)
    }

    /// Writes the canonical bytes of one response into a reusable buffer and hashes them.
    struct Encoder {
        private var bytes: [UInt8] = []
        private var hasher = SHA256Hasher()

        init() {
            bytes.reserveCapacity(4096)
            string("osaava-response")
            integer(2)
        }

        mutating func encode(_ response: SurveyResponse) {
            string(response.id)
            string(response.survey)
            string(response.round)
            string(response.language)
            let organisation = response.organisation
            string(organisation.name)
            optional(organisation.businessId)
            string(organisation.region)
            optional(organisation.sector)
            optional(organisation.size)
            list(organisation.roles)
            integer(response.needs.count)
            for need in response.needs {
                string(need.skill)
                integer(need.level)
                string(need.region)
                integer(need.people)
                string(need.horizon)
                integer(need.priority)
                list(need.formats)
                if bytes.count >= 4096 { flush() }
            }
            let research = response.research
            list(research.interest)
            list(research.challenges)
            optional(research.text)
            list(research.infrastructures)
            let consent = response.consent
            integer(consent.publish ? 1 : 0)
            integer(consent.contact ? 1 : 0)
            integer(consent.planning ? 1 : 0)
            string(consent.textVersion)
            integer(response.synthetic ? 1 : 0)
            if response.answersDerived {
                integer(1)
            } else {
                integer(0)
                integer(response.answers.count)
                for answer in response.answers {
                    string(answer.key)
                    string(answer.value)
                    if bytes.count >= 4096 { flush() }
                }
            }
        }

        mutating func finish() -> String {
            flush()
            return ContentHash.prefix + SHA256.hex(digest: hasher.finalize())
        }

        private mutating func flush() {
            hasher.update(bytes)
            bytes.removeAll(keepingCapacity: true)
        }

        private mutating func integer(_ value: Int) {
            // Zig-zag: small negative numbers stay short, and every Int has one encoding.
            var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        private mutating func string(_ value: String) {
            integer(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }

        private mutating func optional(_ value: String?) {
            if let value {
                integer(1)
                string(value)
            } else {
                integer(0)
            }
        }

        private mutating func list(_ values: [String]) {
            integer(values.count)
            for value in values { string(value) }
        }
    }
}
