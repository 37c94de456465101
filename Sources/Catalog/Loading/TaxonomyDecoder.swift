import Yams

/// Regions, the competence scale, skill groups, skills and the vocabularies of answer options.
enum TaxonomyDecoder {
    static func regions(_ node: Node?, reader: YAMLReader) -> [(Region, Place)] {
        reader.list(node, what: "regions").compactMap { item in
            guard let map = reader.map(item, keys: ["code", "name", "area", "verified", "source"], what: "a region"),
                let code = map.string("code"), let name = map.text("name")
            else { return nil }
            var region = Region(code: code, name: name, line: map.line)
            if let area = reader.map(map["area"], keys: ["code", "iso", "name"], what: "the area of region \(code)") {
                region.area = area.text("name")
                region.areaCode = area.string("code", required: false)
            }
            return (region, map.place)
        }
    }

    static func levels(_ node: Node?, reader: YAMLReader) -> [(Level, Place)] {
        reader.list(node, what: "levels").compactMap { item in
            guard let map = reader.map(item, keys: ["rank", "eqf", "name", "description"], what: "a level"),
                let rank = map.int("rank"), let name = map.text("name")
            else { return nil }
            let level = Level(
                rank: rank, name: name, description: map.text("description") ?? name,
                eqf: map.string("eqf", required: false) ?? "")
            return (level, map.place)
        }
    }

    static func groups(_ node: Node?, reader: YAMLReader) -> [(SkillGroup, Place)] {
        reader.list(node, what: "skill groups").compactMap { item in
            guard let map = reader.map(item, keys: ["code", "name", "description"], what: "a skill group"),
                let code = map.string("code"), let name = map.text("name")
            else { return nil }
            return (SkillGroup(code: code, name: name, description: map.text("description") ?? name), map.place)
        }
    }

    static func skills(_ node: Node?, reader: YAMLReader) -> [(Skill, Place)] {
        reader.list(node, what: "skills").compactMap { item in
            guard
                let map = reader.map(
                    item, keys: ["code", "group", "name", "description", "synonyms"], what: "a skill"),
                let code = map.string("code"), let group = map.string("group"), let name = map.text("name")
            else { return nil }
            let skill = Skill(
                code: code, group: group, name: name, description: map.text("description") ?? name,
                synonyms: map.strings("synonyms"))
            return (skill, map.place)
        }
    }

    static func vocabularies(_ node: Node?, reader: YAMLReader, into parts: inout CatalogParts) {
        guard case .mapping(let mapping)? = node else {
            if let node {
                reader.log.add(
                    reader.file, reader.line(node), "vocabularies must map a name to a list of terms",
                    fix: "write e.g. \"sectors:\" followed by \"- {code: ..., name: ...}\" lines")
            }
            return
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            var terms: [Term] = []
            var places: [String: Place] = [:]
            for item in reader.list(value, what: "vocabulary \(name)") {
                guard let map = reader.map(item, keys: ["code", "name", "tags"], what: "a term of \(name)"),
                    let code = map.string("code"), let termName = map.text("name")
                else { continue }
                var tags: [String: [String]] = [:]
                if let tagMap = reader.map(
                    map["tags"], keys: ["consortium", "groups", "skills"], what: "the tags of \(code)")
                {
                    for tag in ["consortium", "groups", "skills"] where tagMap[tag] != nil {
                        tags[tag] = tagMap.strings(tag)
                    }
                }
                if places[code] != nil {
                    reader.log.add(
                        reader.file, map.line, "duplicate code \"\(code)\" in vocabulary \(name)",
                        fix: "give each term its own code")
                }
                places[code] = map.place
                terms.append(Term(code: code, name: termName, tags: tags))
            }
            parts.vocabularies.append(
                (Vocabulary(name: name, terms: terms), Place(file: reader.file, line: reader.line(key))))
            parts.termPlaces[name] = places
        }
    }
}
