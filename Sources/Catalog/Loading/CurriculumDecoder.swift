import Yams

/// Institutions, courses, research infrastructures and service-concept templates.
enum CurriculumDecoder {
    static func institutions(_ node: Node?, reader: YAMLReader) -> [(Institution, Place)] {
        reader.list(node, what: "institutions").compactMap { item in
            guard
                let map = reader.map(
                    item, keys: ["code", "name", "type", "region", "url", "verified", "source"], what: "an institution"),
                let code = map.string("code"), let name = map.text("name"), let typeName = map.string("type"),
                let region = map.string("region")
            else { return nil }
            guard let kind = InstitutionKind(rawValue: typeName) else {
                reader.log.add(
                    reader.file, map.lineOf("type"), "institution \(code) has unknown type \"\(typeName)\"",
                    fix: Suggestion.hint(for: typeName, in: InstitutionKind.allCases.map(\.rawValue), what: "types"))
                return nil
            }
            let institution = Institution(
                code: code, name: name, kind: kind, region: region, url: map.string("url", required: false) ?? "",
                verified: map.bool("verified", default: true))
            return (institution, map.place)
        }
    }

    static func courses(_ node: Node?, institution: String, illustrative: Bool, reader: YAMLReader) -> [(Course, Place)]
    {
        reader.list(node, what: "courses").compactMap { item in
            guard
                let map = reader.map(
                    item,
                    keys: [
                        "code", "name", "credits", "unit", "languages", "delivery", "region", "capacity", "skills",
                        "prerequisites", "illustrative", "url", "source",
                    ], what: "a course"),
                let code = map.string("code"), let name = map.text("name"), let credits = map.double("credits"),
                let unit = map.string("unit"), let deliveryName = map.string("delivery"),
                let capacity = map.int("capacity")
            else { return nil }
            guard let delivery = Delivery(rawValue: deliveryName) else {
                reader.log.add(
                    reader.file, map.lineOf("delivery"), "course \(code) has unknown delivery \"\(deliveryName)\"",
                    fix: Suggestion.hint(for: deliveryName, in: Delivery.allCases.map(\.rawValue), what: "deliveries"))
                return nil
            }
            if credits <= 0 {
                reader.log.add(
                    reader.file, map.lineOf("credits"), "course \(code) has \(credits) credits",
                    fix: "give a positive number")
            }
            if capacity < 0 {
                reader.log.add(
                    reader.file, map.lineOf("capacity"), "course \(code) has a negative capacity",
                    fix: "give places per year")
            }
            var skills: [SkillLevel] = []
            if case .mapping(let taught)? = map["skills"] {
                for (key, value) in taught {
                    guard let skill = key.string, let level = value.int else {
                        reader.log.add(
                            reader.file, reader.line(key), "course \(code): a skill must map to a level number",
                            fix: "write e.g. \"CHEM03: 2\"")
                        continue
                    }
                    skills.append(SkillLevel(skill, level))
                }
            }
            if skills.isEmpty {
                reader.log.add(
                    reader.file, map.line, "course \(code) teaches no skill", fix: "add \"skills: {CODE: level}\"")
            }
            let course = Course(
                code: code, institution: institution, name: name, region: map.string("region", required: false) ?? "",
                credits: credits, unit: unit, languages: map.strings("languages", required: true), delivery: delivery,
                capacity: capacity, skills: skills, prerequisites: map.strings("prerequisites"),
                illustrative: map.bool("illustrative", default: illustrative),
                url: map.string("url", required: false) ?? "")
            return (course, map.place)
        }
    }

    static func infrastructures(_ node: Node?, reader: YAMLReader) -> [(Infrastructure, Place)] {
        reader.list(node, what: "infrastructures").compactMap { item in
            guard
                let map = reader.map(
                    item, keys: ["code", "name", "owner", "region", "type", "skills", "verified", "source", "url"],
                    what: "an infrastructure"),
                let code = map.string("code"), let name = map.text("name"), let owner = map.string("owner"),
                let region = map.string("region"), let kind = map.string("type")
            else { return nil }
            let infrastructure = Infrastructure(
                code: code, name: name, owner: owner, region: region, kind: kind, skills: map.strings("skills"),
                verified: map.bool("verified", default: true))
            return (infrastructure, map.place)
        }
    }

    static func serviceConcepts(_ node: Node?, reader: YAMLReader) -> [(ServiceConceptTemplate, Place)] {
        reader.list(node, what: "service concept templates").compactMap { item in
            guard
                let map = reader.map(
                    item,
                    keys: [
                        "code", "name", "description", "formats", "infrastructureTypes", "institutionTypes",
                        "answersInfrastructureRequests", "answersChallenges",
                    ], what: "a service concept"),
                let code = map.string("code"), let name = map.text("name")
            else { return nil }
            var kinds: [InstitutionKind] = []
            for typeName in map.strings("institutionTypes") {
                if let kind = InstitutionKind(rawValue: typeName) {
                    kinds.append(kind)
                } else {
                    reader.log.add(
                        reader.file, map.lineOf("institutionTypes"),
                        "service concept \(code) names unknown institution type \"\(typeName)\"",
                        fix: Suggestion.hint(for: typeName, in: InstitutionKind.allCases.map(\.rawValue), what: "types")
                    )
                }
            }
            let template = ServiceConceptTemplate(
                code: code, name: name, description: map.text("description") ?? name, formats: map.strings("formats"),
                infrastructureKinds: map.strings("infrastructureTypes"), institutionKinds: kinds,
                answersInfrastructureRequests: map.bool("answersInfrastructureRequests", default: false),
                answersChallenges: map.bool("answersChallenges", default: false))
            return (template, map.place)
        }
    }
}
