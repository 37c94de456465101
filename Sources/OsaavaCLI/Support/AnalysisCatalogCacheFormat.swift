import Catalog

/// The parts of the analysis catalogue that only some analyze commands read: the cache keeps
/// them as sections of known length, which a command that does not need them skips (decoding
/// the courses and infrastructures was ~0.17 ms of a small `analyze`). A catalogue read without
/// a part has none of it: only `analyze gaps` reads courses, only `analyze challenges`
/// infrastructures.
struct AnalysisCatalogParts: OptionSet {
    let rawValue: Int
    static let courses = AnalysisCatalogParts(rawValue: 1)
    static let infrastructures = AnalysisCatalogParts(rawValue: 2)
}

/// The analysis catalogue cache's bytes: a format version, the key, then the values in a fixed
/// order — strings and lists length-prefixed, numbers as 64-bit little-endian, the optional
/// parts as sections prefixed by their length — and a checksum of all of it. Written and read
/// only by this file's two types, so the order is defined once per value kind below.
struct CacheWriter {
    static let version: Int64 = 3
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) { int64(Int64(value)) }
    mutating func int64(_ value: Int64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func double(_ value: Double) { int64(Int64(bitPattern: value.bitPattern)) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        int(utf8.count)
        bytes += utf8
    }
    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }
    mutating func localized(_ value: Localized) {
        let keys = value.values.keys.sorted()
        int(keys.count)
        for key in keys {
            string(key)
            string(value.values[key] ?? "")
        }
    }
    mutating func list<T>(_ values: [T], _ each: (inout CacheWriter, T) -> Void) {
        int(values.count)
        for value in values { each(&self, value) }
    }
    /// What `body` writes, prefixed by its length (so that a reader can skip it).
    mutating func section(_ body: (inout CacheWriter) -> Void) {
        var inner = CacheWriter()
        body(&inner)
        int(inner.bytes.count)
        bytes += inner.bytes
    }

    mutating func write(_ catalog: Catalog, key: String) {
        contents(catalog, key: key)
        int64(Int64(bitPattern: CacheChecksum.of(bytes[...])))
    }

    private mutating func contents(_ catalog: Catalog, key: String) {
        int64(Self.version)
        string(key)
        string(catalog.fingerprint)
        let s = catalog.settings
        strings(s.languages)
        int(s.minRespondents)
        int(s.sharedRegions)
        string(s.otherRegion)
        for bound in [
            s.peopleRange.lowerBound, s.peopleRange.upperBound, s.priorityRange.lowerBound, s.priorityRange.upperBound,
        ] {
            int(bound)
        }
        list(s.priorityWeights.keys.sorted()) { w, key in
            w.int(key)
            w.double(s.priorityWeights[key] ?? 0)
        }
        list(s.horizons) { w, h in
            w.string(h.code)
            w.double(h.years)
            w.double(h.weight)
            w.localized(h.name)
        }
        list(s.creditUnits) { w, u in
            w.string(u.code)
            w.double(u.toBase)
            w.localized(u.name)
        }
        string(s.baseCreditUnit)
        double(s.termCredits)
        list(catalog.regions) { w, r in
            w.string(r.code)
            w.localized(r.name)
        }
        list(catalog.levels) { w, l in
            w.int(l.rank)
            w.localized(l.name)
            w.string(l.eqf)
        }
        list(catalog.groups) { w, g in
            w.string(g.code)
            w.localized(g.name)
        }
        list(catalog.skills) { w, k in
            w.string(k.code)
            w.string(k.group)
            w.localized(k.name)
        }
        list(catalog.vocabularies.keys.sorted()) { w, name in
            w.string(name)
            w.list(catalog.vocabularies[name]?.terms ?? []) { w, t in
                w.string(t.code)
                w.localized(t.name)
                w.list(t.tags.keys.sorted()) { w, tag in
                    w.string(tag)
                    w.strings(t.tags[tag] ?? [])
                }
            }
        }
        list(catalog.surveys) { w, survey in
            w.string(survey.code)
            w.string(survey.round)
            w.list(survey.allQuestions) { w, q in
                w.string(q.id)
                w.string(q.field?.rawValue ?? "")
                w.string(q.kind.rawValue)
                w.string(q.options ?? "")
            }
        }
        section { w in w.courses(catalog.courses) }
        section { w in w.infrastructures(catalog.infrastructures) }
    }

    private mutating func courses(_ courses: [Course]) {
        list(courses) { w, c in
            w.string(c.code)
            w.string(c.institution)
            w.string(c.region)
            w.double(c.credits)
            w.string(c.unit)
            w.string(c.delivery.rawValue)
            w.int(c.capacity)
            w.list(c.skills) { w, skill in
                w.string(skill.skill)
                w.int(skill.level)
            }
            w.strings(c.prerequisites)
            w.bool(c.illustrative)
        }
    }

    private mutating func infrastructures(_ infrastructures: [Infrastructure]) {
        list(infrastructures) { w, i in
            w.string(i.code)
            w.localized(i.name)
            w.string(i.owner)
            w.string(i.region)
            w.string(i.kind)
            w.strings(i.skills)
            w.bool(i.verified)
        }
    }
}

/// Reads what `CacheWriter` wrote; nil on any mismatch (another version or key, a short file):
/// the caller then reads the YAML again.
struct CacheReader {
    private let bytes: ArraySlice<UInt8>
    private var position = 0
    private var failed = false

    /// The bytes without their checksum; none (so that reading fails) when it does not match.
    init(_ data: some Sequence<UInt8>) {
        let all = Array(data)
        guard all.count >= 8 else {
            bytes = []
            return
        }
        var stored: UInt64 = 0
        for (index, byte) in all.suffix(8).enumerated() { stored |= UInt64(byte) << (8 * UInt64(index)) }
        bytes = CacheChecksum.of(all.dropLast(8)) == stored ? all.dropLast(8) : []
    }

    mutating func int64() -> Int64 {
        guard position + 8 <= bytes.count else {
            failed = true
            return 0
        }
        var value: Int64 = 0
        withUnsafeMutableBytes(of: &value) { raw in
            for index in 0..<8 { raw[index] = bytes[position + index] }
        }
        position += 8
        return Int64(littleEndian: value)
    }
    mutating func int() -> Int { Int(int64()) }
    mutating func double() -> Double { Double(bitPattern: UInt64(bitPattern: int64())) }
    mutating func bool() -> Bool {
        guard position < bytes.count else {
            failed = true
            return false
        }
        position += 1
        return bytes[position - 1] != 0
    }
    mutating func count() -> Int {
        let value = int()
        guard value >= 0, value <= bytes.count - position else {
            failed = true
            return 0
        }
        return value
    }
    mutating func string() -> String {
        let length = count()
        let text = String(decoding: bytes[position..<(position + length)], as: UTF8.self)
        position += length
        return text
    }
    mutating func strings() -> [String] { list { $0.string() } }
    mutating func localized() -> Localized {
        let entries = count()
        var values = [String: String](minimumCapacity: entries)
        for _ in 0..<entries {
            let key = string()
            values[key] = string()
        }
        return Localized(values)
    }
    mutating func list<T>(_ each: (inout CacheReader) -> T) -> [T] {
        let entries = count()
        var values: [T] = []
        values.reserveCapacity(entries)
        for _ in 0..<entries { values.append(each(&self)) }
        return values
    }

    /// A section `CacheWriter.section` wrote: read by `body` when `wanted` (which must read it
    /// exactly), else skipped; empty when skipped or unreadable.
    mutating func section<T>(wanted: Bool, _ body: (inout CacheReader) -> [T]) -> [T] {
        let length = count()
        let end = position + length
        guard wanted else {
            position = end
            return []
        }
        let values = body(&self)
        if position != end { failed = true }
        return values
    }

    mutating func catalog(key expected: String, parts: AnalysisCatalogParts) -> Catalog? {
        guard int64() == CacheWriter.version, string() == expected, !failed else { return nil }
        let none = Localized([:])
        let fingerprint = string()
        let languages = strings()
        let minRespondents = int()
        let sharedRegions = int()
        let otherRegion = string()
        let bounds = (0..<4).map { _ in int() }
        var weights: [Int: Double] = [:]
        for (priority, weight) in list({ ($0.int(), $0.double()) }) { weights[priority] = weight }
        let horizons = list {
            Horizon(code: $0.string(), years: $0.double(), weight: $0.double(), name: $0.localized())
        }
        let units = list { CreditUnit(code: $0.string(), toBase: $0.double(), name: $0.localized()) }
        let baseUnit = string()
        let termCredits = double()
        guard !failed, bounds[0] <= bounds[1], bounds[2] <= bounds[3] else { return nil }
        let settings = Settings(
            languages: languages, minRespondents: minRespondents, sharedRegions: sharedRegions,
            otherRegion: otherRegion, peopleRange: bounds[0]...bounds[1], priorityRange: bounds[2]...bounds[3],
            priorityWeights: weights, horizons: horizons, creditUnits: units, baseCreditUnit: baseUnit,
            termCredits: termCredits)
        let regions = list { Region(code: $0.string(), name: $0.localized()) }
        let levels = list { Level(rank: $0.int(), name: $0.localized(), description: none, eqf: $0.string()) }
        let groups = list { SkillGroup(code: $0.string(), name: $0.localized(), description: none) }
        let skills = list { Skill(code: $0.string(), group: $0.string(), name: $0.localized(), description: none) }
        var vocabularies: [String: Vocabulary] = [:]
        for vocabulary in list({ reader -> Vocabulary in
            let name = reader.string()
            let terms = reader.list { reader -> Term in
                let code = reader.string()
                let name = reader.localized()
                var tags: [String: [String]] = [:]
                for (tag, values) in reader.list({ ($0.string(), $0.strings()) }) { tags[tag] = values }
                return Term(code: code, name: name, tags: tags)
            }
            return Vocabulary(name: name, terms: terms)
        }) {
            vocabularies[vocabulary.name] = vocabulary
        }
        let surveys = list { reader -> SurveyDefinition in
            let code = reader.string()
            let round = reader.string()
            let questions = reader.list { reader -> Question in
                let id = reader.string()
                let field = Field(rawValue: reader.string())
                let kind = QuestionKind(rawValue: reader.string()) ?? .text
                let options = reader.string()
                return Question(
                    id: id, field: field, kind: kind, text: none, required: false,
                    options: options.isEmpty ? nil : options)
            }
            return SurveyDefinition(
                code: code, round: round, title: none, intro: nil, consentVersion: "", consentText: none,
                items: questions.map { .question($0) }, source: "")
        }
        let courses = section(wanted: parts.contains(.courses)) { $0.courses() }
        let infrastructures = section(wanted: parts.contains(.infrastructures)) { $0.infrastructures() }
        guard !failed, position == bytes.count else { return nil }
        return Catalog(
            settings: settings, regions: regions, levels: levels, groups: groups, skills: skills,
            vocabularies: vocabularies, surveys: surveys, institutions: [], courses: courses,
            infrastructures: infrastructures, serviceConcepts: [], texts: Texts([:]), fingerprint: fingerprint)
    }

    private mutating func courses() -> [Course] {
        let none = Localized([:])
        return list { reader -> Course in
            let code = reader.string()
            let institution = reader.string()
            let region = reader.string()
            let credits = reader.double()
            let unit = reader.string()
            let delivery = Delivery(rawValue: reader.string()) ?? .contact
            let capacity = reader.int()
            let skills = reader.list { SkillLevel($0.string(), $0.int()) }
            return Course(
                code: code, institution: institution, name: none, region: region, credits: credits, unit: unit,
                languages: [], delivery: delivery, capacity: capacity, skills: skills,
                prerequisites: reader.strings(), illustrative: reader.bool())
        }
    }

    private mutating func infrastructures() -> [Infrastructure] {
        list {
            Infrastructure(
                code: $0.string(), name: $0.localized(), owner: $0.string(), region: $0.string(), kind: $0.string(),
                skills: $0.strings(), verified: $0.bool())
        }
    }
}

/// A 64-bit checksum of the cache's bytes, eight at a time (a byte-wise hash of the ~60 KB was a
/// noticeable part of a small `analyze`): each step xors a word into the state and multiplies by
/// an odd constant, a bijection, so that any change within one word changes the result. It
/// catches a damaged file, not a forged one.
enum CacheChecksum {
    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail |= UInt64(raw[index]) << (8 * UInt64(index - offset)) }
            hash = (hash ^ tail) &* multiplier
        }
        return hash ^ (hash >> 32)
    }
}
