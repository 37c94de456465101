import Yams

/// Reads every kind of catalogue file except settings into `CatalogParts`.
enum PartsDecoder {
    static func decode(kind: String, root: Node, reader: YAMLReader, into parts: inout CatalogParts) {
        let head = ["formatVersion", "kind"]
        switch kind {
        case "regions":
            guard let top = reader.map(root, keys: head + ["regions"], what: "the regions file") else { return }
            parts.regions += TaxonomyDecoder.regions(top["regions"], reader: reader)
        case "skills":
            guard let top = reader.map(root, keys: head + ["levels", "groups", "skills"], what: "the skills file")
            else { return }
            parts.levels += TaxonomyDecoder.levels(top["levels"], reader: reader)
            parts.groups += TaxonomyDecoder.groups(top["groups"], reader: reader)
            parts.skills += TaxonomyDecoder.skills(top["skills"], reader: reader)
        case "vocabularies":
            guard let top = reader.map(root, keys: head + ["vocabularies"], what: "the vocabularies file") else {
                return
            }
            TaxonomyDecoder.vocabularies(top["vocabularies"], reader: reader, into: &parts)
        case "texts":
            guard let top = reader.map(root, keys: head + ["texts"], what: "the texts file") else { return }
            if case .mapping(let texts)? = top["texts"] {
                for (key, _) in texts {
                    guard let name = key.string, let text = top.textIn(texts, key: name) else { continue }
                    parts.texts[name] = text
                }
            }
            parts.textsPlace = Place(file: reader.file, line: top.line)
        case "survey":
            if let survey = SurveyDecoder.decode(root, reader: reader) {
                parts.surveys.append((survey, Place(file: reader.file, line: reader.line(root))))
            }
        case "institutions":
            guard let top = reader.map(root, keys: head + ["institutions"], what: "the institutions file") else {
                return
            }
            parts.institutions += CurriculumDecoder.institutions(top["institutions"], reader: reader)
        case "courses":
            guard
                let top = reader.map(
                    root, keys: head + ["institution", "illustrative", "courses"], what: "a courses file"),
                let institution = top.string("institution")
            else { return }
            parts.courses += CurriculumDecoder.courses(
                top["courses"], institution: institution, illustrative: top.bool("illustrative", default: false),
                reader: reader)
        case "infrastructures":
            guard let top = reader.map(root, keys: head + ["infrastructures"], what: "the infrastructures file") else {
                return
            }
            parts.infrastructures += CurriculumDecoder.infrastructures(top["infrastructures"], reader: reader)
        case "serviceConcepts":
            guard let top = reader.map(root, keys: head + ["templates"], what: "the service concepts file") else {
                return
            }
            parts.serviceConcepts += CurriculumDecoder.serviceConcepts(top["templates"], reader: reader)
        case "importMapping":
            if let mapping = ImportMappingDecoder.decode(root, reader: reader) {
                parts.importMappings.append((mapping, Place(file: reader.file, line: reader.line(root))))
            }
        default:
            break
        }
    }
}

extension YAMLMap {
    /// A text stored under a key of a nested mapping (the texts file's entries).
    func textIn(_ mapping: Node.Mapping, key: String) -> Localized? {
        let inner = YAMLMap(mapping: mapping, line: line, reader: reader, what: "text \"\(key)\"")
        return inner.text(key)
    }

    var place: Place { Place(file: file, line: line) }
}
