import Catalog
import Foundation

/// The part of the catalogue the analyze commands use (settings, regions, skills, vocabularies,
/// the surveys' questions, courses and infrastructures: no texts, no institutions), cached as
/// JSON so that a small `analyze` does not parse the YAML files each time (DESIGN.md: that costs
/// many times the 5 ms budget). The cache is keyed by every catalogue file's path, size and
/// modification time, so an edited file is read again (and validated) before it is used.
enum AnalysisCatalogCache {
    static func load(root: URL, environment: [String: String]) throws -> Catalog {
        let key = try stamp(root)
        let file = folder(environment).appendingPathComponent("analysis-catalog-\(fnv(key)).json")
        if let data = try? Data(contentsOf: file), let cached = try? JSONDecoder().decode(Cached.self, from: data),
            cached.key == key
        {
            return cached.catalog
        }
        let catalog = try CatalogFiles.load(from: root)
        // Best effort: without a writable cache folder the next call reads the YAML again.
        if let data = try? JSONEncoder().encode(Cached(key: key, catalog)) {
            try? FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? data.write(to: file, options: .atomic)
        }
        return catalog
    }

    private static func folder(_ environment: [String: String]) -> URL {
        if let base = environment["XDG_CACHE_HOME"], !base.isEmpty {
            return URL(fileURLWithPath: base).appendingPathComponent("osaava")
        }
        let home = environment["HOME"] ?? NSTemporaryDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/osaava")
    }

    /// Path, size and modification time of every catalogue file, sorted: changes when any file does.
    private static func stamp(_ root: URL) throws -> String {
        var lines: [String] = [root.standardizedFileURL.path]
        let manager = FileManager.default
        for folder in ["surveys", "curricula"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = manager.enumerator(atPath: base.path) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                var status = stat()
                guard lstat(base.appendingPathComponent(relative).path, &status) == 0 else { continue }
                lines.append(
                    "\(folder)/\(relative) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)")
            }
        }
        return lines.sorted().joined(separator: "\n")
    }

    private static func fnv(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// The cached catalogue: plain Codable mirrors of the catalogue's values.
private struct Cached: Codable {
    struct HorizonEntry: Codable {
        var code: String
        var years: Double
        var weight: Double
        var name: Localized
    }

    struct UnitEntry: Codable {
        var code: String
        var toBase: Double
        var name: Localized
    }

    struct SettingsEntry: Codable {
        var languages: [String]
        var minRespondents: Int
        var sharedRegions: Int
        var otherRegion: String
        var people: [Int]
        var priority: [Int]
        var priorityWeights: [String: Double]
        var horizons: [HorizonEntry]
        var units: [UnitEntry]
        var baseUnit: String
        var termCredits: Double

        var value: Settings {
            var weights: [Int: Double] = [:]
            for (key, weight) in priorityWeights {
                if let priority = Int(key) { weights[priority] = weight }
            }
            let peopleRange: ClosedRange<Int> = (people.first ?? 1)...(people.last ?? 1)
            let priorityRange: ClosedRange<Int> = (priority.first ?? 1)...(priority.last ?? 1)
            let horizonValues: [Horizon] = horizons.map {
                Horizon(code: $0.code, years: $0.years, weight: $0.weight, name: $0.name)
            }
            let unitValues: [CreditUnit] = units.map { CreditUnit(code: $0.code, toBase: $0.toBase, name: $0.name) }
            return Settings(
                languages: languages, minRespondents: minRespondents, sharedRegions: sharedRegions,
                otherRegion: otherRegion, peopleRange: peopleRange, priorityRange: priorityRange,
                priorityWeights: weights, horizons: horizonValues, creditUnits: unitValues, baseCreditUnit: baseUnit,
                termCredits: termCredits)
        }
    }

    struct CodedEntry: Codable {
        var code: String
        var group: String
        var name: Localized
    }

    struct LevelEntry: Codable {
        var rank: Int
        var name: Localized
        var eqf: String
    }

    struct TermEntry: Codable {
        var code: String
        var name: Localized
        var tags: [String: [String]]
    }

    struct QuestionEntry: Codable {
        var id: String
        var field: String?
        var kind: String
        var options: String?
    }

    struct SurveyEntry: Codable {
        var code: String
        var round: String
        var questions: [QuestionEntry]
    }

    struct CourseEntry: Codable {
        var code: String
        var institution: String
        var region: String
        var credits: Double
        var unit: String
        var delivery: String
        var capacity: Int
        var skills: [String]
        var levels: [Int]
        var prerequisites: [String]
        var illustrative: Bool
    }

    struct InfrastructureEntry: Codable {
        var code: String
        var name: Localized
        var owner: String
        var region: String
        var kind: String
        var skills: [String]
        var verified: Bool
    }

    var key: String
    var fingerprint: String
    var settings: SettingsEntry
    var regions: [CodedEntry]
    var levels: [LevelEntry]
    var groups: [CodedEntry]
    var skills: [CodedEntry]
    var vocabularies: [String: [TermEntry]]
    var surveys: [SurveyEntry]
    var courses: [CourseEntry]
    var infrastructures: [InfrastructureEntry]

    init(key: String, _ catalog: Catalog) {
        self.key = key
        fingerprint = catalog.fingerprint
        let s = catalog.settings
        settings = SettingsEntry(
            languages: s.languages, minRespondents: s.minRespondents, sharedRegions: s.sharedRegions,
            otherRegion: s.otherRegion, people: [s.peopleRange.lowerBound, s.peopleRange.upperBound],
            priority: [s.priorityRange.lowerBound, s.priorityRange.upperBound],
            priorityWeights: Dictionary(uniqueKeysWithValues: s.priorityWeights.map { (String($0.key), $0.value) }),
            horizons: s.horizons.map { HorizonEntry(code: $0.code, years: $0.years, weight: $0.weight, name: $0.name) },
            units: s.creditUnits.map { UnitEntry(code: $0.code, toBase: $0.toBase, name: $0.name) },
            baseUnit: s.baseCreditUnit, termCredits: s.termCredits)
        regions = catalog.regions.map { CodedEntry(code: $0.code, group: "", name: $0.name) }
        levels = catalog.levels.map { LevelEntry(rank: $0.rank, name: $0.name, eqf: $0.eqf) }
        groups = catalog.groups.map { CodedEntry(code: $0.code, group: "", name: $0.name) }
        skills = catalog.skills.map { CodedEntry(code: $0.code, group: $0.group, name: $0.name) }
        vocabularies = catalog.vocabularies.mapValues { vocabulary in
            vocabulary.terms.map { TermEntry(code: $0.code, name: $0.name, tags: $0.tags) }
        }
        surveys = catalog.surveys.map { survey in
            SurveyEntry(
                code: survey.code, round: survey.round,
                questions: survey.allQuestions.map {
                    QuestionEntry(id: $0.id, field: $0.field?.rawValue, kind: $0.kind.rawValue, options: $0.options)
                })
        }
        courses = catalog.courses.map {
            CourseEntry(
                code: $0.code, institution: $0.institution, region: $0.region, credits: $0.credits, unit: $0.unit,
                delivery: $0.delivery.rawValue, capacity: $0.capacity, skills: $0.skills.map(\.skill),
                levels: $0.skills.map(\.level), prerequisites: $0.prerequisites, illustrative: $0.illustrative)
        }
        infrastructures = catalog.infrastructures.map {
            InfrastructureEntry(
                code: $0.code, name: $0.name, owner: $0.owner, region: $0.region, kind: $0.kind, skills: $0.skills,
                verified: $0.verified)
        }
    }

    var catalog: Catalog {
        let none = Localized([:])
        let settings = self.settings.value
        return Catalog(
            settings: settings, regions: regions.map { Region(code: $0.code, name: $0.name) },
            levels: levels.map { Level(rank: $0.rank, name: $0.name, description: none, eqf: $0.eqf) },
            groups: groups.map { SkillGroup(code: $0.code, name: $0.name, description: none) },
            skills: skills.map { Skill(code: $0.code, group: $0.group, name: $0.name, description: none) },
            vocabularies: Dictionary(
                uniqueKeysWithValues: vocabularies.map { name, terms in
                    (
                        name,
                        Vocabulary(
                            name: name, terms: terms.map { Term(code: $0.code, name: $0.name, tags: $0.tags) })
                    )
                }),
            surveys: surveys.map { survey in
                SurveyDefinition(
                    code: survey.code, round: survey.round, title: none, intro: nil, consentVersion: "",
                    consentText: none,
                    items: survey.questions.map {
                        .question(
                            Question(
                                id: $0.id, field: $0.field.flatMap(Field.init(rawValue:)),
                                kind: QuestionKind(rawValue: $0.kind) ?? .text, text: none, required: false,
                                options: $0.options))
                    }, source: "")
            },
            institutions: [],
            courses: courses.map {
                Course(
                    code: $0.code, institution: $0.institution, name: none, region: $0.region, credits: $0.credits,
                    unit: $0.unit, languages: [], delivery: Delivery(rawValue: $0.delivery) ?? .contact,
                    capacity: $0.capacity, skills: zip($0.skills, $0.levels).map { SkillLevel($0, $1) },
                    prerequisites: $0.prerequisites, illustrative: $0.illustrative)
            },
            infrastructures: infrastructures.map {
                Infrastructure(
                    code: $0.code, name: $0.name, owner: $0.owner, region: $0.region, kind: $0.kind, skills: $0.skills,
                    verified: $0.verified)
            },
            serviceConcepts: [], texts: Texts([:]), fingerprint: fingerprint)
    }
}
