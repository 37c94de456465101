import Foundation
import Yams

/// One catalogue file as read from disk: the loader itself never touches the file system.
package struct CatalogFile: Sendable {
    package var path: String
    package var data: Data

    package init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// Where a catalogue value was written.
struct Place: Hashable {
    var file: String
    var line: Int
}

/// Everything read from the files before the cross-file checks, each value with its place.
struct CatalogParts {
    var settings: Settings?
    var regions: [(Region, Place)] = []
    var levels: [(Level, Place)] = []
    var groups: [(SkillGroup, Place)] = []
    var skills: [(Skill, Place)] = []
    var vocabularies: [(Vocabulary, Place)] = []
    var termPlaces: [String: [String: Place]] = [:]
    var texts: [String: Localized] = [:]
    var textsPlace: Place?
    var surveys: [(SurveyDefinition, Place)] = []
    var institutions: [(Institution, Place)] = []
    var courses: [(Course, Place)] = []
    var infrastructures: [(Infrastructure, Place)] = []
    var serviceConcepts: [(ServiceConceptTemplate, Place)] = []
    var importMappings: [(ImportMapping, Place)] = []
}

/// Builds a `Catalog` from the bytes of its files, validating everything and reporting every
/// problem as `file:line: what is wrong — how to fix it`.
package enum CatalogLoader {
    /// The newest `formatVersion` this program reads.
    package static let formatVersion = 1

    static let kinds = [
        "settings", "regions", "skills", "vocabularies", "texts", "survey", "institutions", "courses",
        "infrastructures", "serviceConcepts", "importMapping",
    ]

    /// Loads and validates; throws `CatalogError.invalid` listing every problem.
    package static func load(_ files: [CatalogFile]) throws -> Catalog {
        let (catalog, issues) = check(files)
        guard let catalog, issues.isEmpty else { throw CatalogError.invalid(issues) }
        return catalog
    }

    /// Loads as far as possible and returns every problem found (none: the catalogue is valid).
    package static func check(_ files: [CatalogFile]) -> (Catalog?, [CatalogIssue]) {
        let log = IssueLog()
        let sorted = files.sorted { $0.path < $1.path }
        var documents: [(file: String, kind: String, root: Node)] = []
        for file in sorted {
            guard let document = parse(file, log: log) else { continue }
            documents.append(document)
        }
        var parts = CatalogParts()
        let settingsDocuments = documents.filter { $0.kind == "settings" }
        if settingsDocuments.isEmpty {
            log.add("surveys", 0, "no settings file (kind: settings) found", fix: "add surveys/settings.yaml")
        }
        for extra in settingsDocuments.dropFirst() {
            log.add(extra.file, 1, "a second settings file", fix: "keep exactly one file of kind settings")
        }
        if let first = settingsDocuments.first {
            parts.settings = SettingsDecoder.decode(
                first.root, reader: YAMLReader(file: first.file, languages: [], log: log))
        }
        let languages = parts.settings?.languages ?? ["fi", "sv", "en"]
        for document in documents where document.kind != "settings" {
            let reader = YAMLReader(file: document.file, languages: languages, log: log)
            PartsDecoder.decode(kind: document.kind, root: document.root, reader: reader, into: &parts)
        }
        guard let settings = parts.settings else { return (nil, log.issues.sorted()) }
        CatalogValidator(parts: parts, settings: settings, log: log).validate()
        ImportMappingValidator(parts: parts, settings: settings, log: log).validate()
        var catalog = Catalog(
            settings: settings,
            regions: parts.regions.map(\.0),
            levels: parts.levels.map(\.0),
            groups: parts.groups.map(\.0),
            skills: parts.skills.map(\.0),
            vocabularies: Dictionary(parts.vocabularies.map { ($0.0.name, $0.0) }, uniquingKeysWith: { a, _ in a }),
            surveys: parts.surveys.map(\.0),
            institutions: parts.institutions.map(\.0),
            courses: parts.courses.map { course, _ in
                var course = course
                if course.region.isEmpty {
                    course.region = parts.institutions.first { $0.0.code == course.institution }?.0.region ?? ""
                }
                return course
            },
            infrastructures: parts.infrastructures.map(\.0),
            serviceConcepts: parts.serviceConcepts.map(\.0),
            texts: Texts(parts.texts),
            fingerprint: Fingerprint.of(sorted.map { ($0.path, $0.data) })
        )
        catalog.importMappings = parts.importMappings.map(\.0)
        return (catalog, log.issues.sorted())
    }

    private static func parse(_ file: CatalogFile, log: IssueLog) -> (file: String, kind: String, root: Node)? {
        guard let text = String(data: file.data, encoding: .utf8) else {
            log.add(file.path, 0, "is not UTF-8 text", fix: "save the file as UTF-8")
            return nil
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.add(file.path, 0, "is empty", fix: "add formatVersion, kind and content, or delete the file")
                return nil
            }
            root = node
        } catch let error as YamlError {
            log.add(
                file.path, YAMLErrorLine.of(error), "is not valid YAML (\(YAMLErrorLine.describe(error)))",
                fix: "fix the indentation or quoting near that line")
            return nil
        } catch {
            log.add(file.path, 0, "could not be read as YAML (\(error))", fix: "fix the file's syntax")
            return nil
        }
        guard case .mapping(let mapping) = root else {
            log.add(
                file.path, root.mark?.line ?? 1, "must be a mapping starting with formatVersion and kind",
                fix: "start the file with \"formatVersion: 1\" and \"kind: ...\"")
            return nil
        }
        guard let version = mapping["formatVersion"]?.int else {
            log.add(
                file.path, 1, "has no formatVersion", fix: "add \"formatVersion: \(formatVersion)\" as its first line")
            return nil
        }
        if version > formatVersion {
            log.add(
                file.path, mapping["formatVersion"]?.mark?.line ?? 1,
                "has formatVersion \(version), newer than this program reads (\(formatVersion))",
                fix: "update osaava, or write the file in format \(formatVersion)")
            return nil
        }
        guard let kind = mapping["kind"]?.string else {
            log.add(file.path, 1, "has no kind", fix: "add \"kind:\" with one of \(kinds.joined(separator: ", "))")
            return nil
        }
        guard kinds.contains(kind) else {
            log.add(
                file.path, mapping["kind"]?.mark?.line ?? 1, "unknown kind \"\(kind)\"",
                fix: Suggestion.hint(for: kind, in: kinds, what: "kinds"))
            return nil
        }
        return (file.path, kind, root)
    }
}

/// Line and reason of a YAML syntax error, for a `file:line` message.
enum YAMLErrorLine {
    static func of(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 0
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// FNV-1a over the files' paths and bytes: a stable fingerprint for provenance, not a security hash.
package enum Fingerprint {
    package static func of(_ parts: [(String, Data)]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        for (path, data) in parts {
            mix(Array(path.utf8))
            mix([0])
            mix(data)
            mix([0])
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
