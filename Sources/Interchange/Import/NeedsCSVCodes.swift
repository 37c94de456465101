import Catalog

/// The catalogue's codes of the needs CSV's columns, looked up by a field's bytes: the fast path
/// of `NeedsCSVStream`. A field it does not accept goes to `CodeValidator`, which decides, and
/// words the reason, exactly as before.
struct NeedsCSVCodes {
    let regions: ByteKeyTable<String>
    let skills: ByteKeyTable<String>
    let horizons: ByteKeyTable<String>
    let formats: ByteKeyTable<String>
    /// Nil when the survey asks no sector (or size) from a vocabulary: any value is taken.
    let sectors: ByteKeyTable<String>?
    let sizes: ByteKeyTable<String>?
    let levels: Set<Int>
    let people: ClosedRange<Int>
    let priorities: ClosedRange<Int>

    init(catalog: Catalog, survey: SurveyDefinition) {
        func table(_ codes: [String]) -> ByteKeyTable<String> {
            ByteKeyTable(codes.map { (key: $0, value: $0) })
        }
        regions = table(catalog.regions.map(\.code))
        skills = table(catalog.skills.map(\.code))
        horizons = table(catalog.settings.horizons.map(\.code))
        func source(_ field: Field) -> String? {
            survey.allQuestions.first { $0.field == field }?.options
        }
        // No options source: any format is accepted, which only the validator says.
        formats = table(source(.needFormats).map { catalog.options($0).map(\.code) } ?? [])
        sectors = source(.organisationSector).map { table(catalog.options($0).map(\.code)) }
        sizes = source(.organisationSize).map { table(catalog.options($0).map(\.code)) }
        levels = Set(catalog.levels.map(\.rank))
        people = catalog.settings.peopleRange
        priorities = catalog.settings.priorityRange
    }

    /// Bytes without ASCII spaces and tabs around them (what `.whitespaces` trims; a field with
    /// other white space at an end fails the fast path and is trimmed by the validator's way).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Up to nine ASCII digits in `range`, or nil (decimal commas, signs, spaces: the validator's).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, in range: ClosedRange<Int>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return range.contains(value) ? value : nil
    }

    /// Codes joined by `|`, each trimmed, empty ones left out, each a format code; nil when one is not.
    func formatList(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var list: [String] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "|") {
            let part = Self.trimmed(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            start = index + 1
            if part.isEmpty { continue }
            guard let code = formats.value(part) else { return nil }
            list.append(code)
        }
        return list
    }
}
