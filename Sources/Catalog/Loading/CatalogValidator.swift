/// The checks that span files: duplicate and unknown codes, prerequisite cycles, survey logic,
/// missing texts. Every finding names the file and line of the value at fault.
struct CatalogValidator {
    let parts: CatalogParts
    let settings: Settings
    let log: IssueLog

    func validate() {
        checkTaxonomy()
        checkCurricula()
        checkPrerequisiteCycles()
        for (survey, place) in parts.surveys {
            SurveyValidator(parts: parts, settings: settings, log: log).check(survey, at: place)
        }
        checkTexts()
    }

    /// Reports every code used twice; returns the set of codes.
    @discardableResult
    func unique<T>(_ items: [(T, Place)], code: (T) -> String, what: String) -> Set<String> {
        var seen: [String: Place] = [:]
        for (item, place) in items {
            let value = code(item)
            if let first = seen[value] {
                log.add(
                    place.file, place.line,
                    "duplicate \(what) code \"\(value)\" (first at \(first.file):\(first.line))",
                    fix: "give each \(what) its own code")
            } else {
                seen[value] = place
            }
        }
        return Set(seen.keys)
    }

    func known(_ value: String, in codes: Set<String>, what: String, at place: Place, context: String) {
        guard !codes.contains(value) else { return }
        log.add(
            place.file, place.line, "\(context): unknown \(what) \"\(value)\"",
            fix: Suggestion.hint(for: value, in: codes.sorted(), what: "\(what) codes"))
    }

    var regionCodes: Set<String> { Set(parts.regions.map(\.0.code)) }
    var skillCodes: Set<String> { Set(parts.skills.map(\.0.code)) }
    var groupCodes: Set<String> { Set(parts.groups.map(\.0.code)) }
    var levelRanks: Set<Int> { Set(parts.levels.map(\.0.rank)) }

    private func checkTaxonomy() {
        let regions = unique(parts.regions, code: \.code, what: "region")
        if !regions.contains(settings.otherRegion) && !parts.regions.isEmpty {
            log.add(
                parts.regions[0].1.file, 0, "the settings' otherRegion \"\(settings.otherRegion)\" is not a region",
                fix: "add a region with code \(settings.otherRegion)")
        }
        if parts.regions.isEmpty { log.add("surveys", 0, "no regions defined", fix: "add a file of kind regions") }
        if parts.skills.isEmpty { log.add("surveys", 0, "no skills defined", fix: "add a file of kind skills") }
        unique(parts.levels, code: { String($0.rank) }, what: "level")
        let ranks = parts.levels.map(\.0.rank).sorted()
        if !ranks.isEmpty && ranks != Array(1...ranks.count) {
            log.add(
                parts.levels[0].1.file, parts.levels[0].1.line,
                "level ranks must be 1, 2, … without gaps (found \(ranks))",
                fix: "renumber the levels")
        }
        let groups = unique(parts.groups, code: \.code, what: "skill group")
        unique(parts.skills, code: \.code, what: "skill")
        for (skill, place) in parts.skills {
            known(skill.group, in: groups, what: "skill group", at: place, context: "skill \(skill.code)")
        }
        unique(parts.vocabularies, code: \.name, what: "vocabulary")
        for (vocabulary, _) in parts.vocabularies {
            for term in vocabulary.terms {
                let place = parts.termPlaces[vocabulary.name]?[term.code] ?? Place(file: "surveys", line: 0)
                for group in term.tags["groups"] ?? [] {
                    known(group, in: groupCodes, what: "skill group", at: place, context: "term \(term.code)")
                }
                for skill in term.tags["skills"] ?? [] {
                    known(skill, in: skillCodes, what: "skill", at: place, context: "term \(term.code)")
                }
                for value in term.tags["consortium"] ?? [] where !["national", "eu"].contains(value) {
                    log.add(
                        place.file, place.line,
                        "term \(term.code): consortium tag \"\(value)\" is neither national nor eu",
                        fix: "write consortium: [national] or [eu]")
                }
            }
        }
    }

    private func checkCurricula() {
        let regions = regionCodes
        let institutions = unique(parts.institutions, code: \.code, what: "institution")
        for (institution, place) in parts.institutions {
            known(
                institution.region, in: regions, what: "region", at: place, context: "institution \(institution.code)")
        }
        let courses = unique(parts.courses, code: \.code, what: "course")
        let units = Set(settings.creditUnits.map(\.code))
        for (course, place) in parts.courses {
            let context = "course \(course.code)"
            known(course.institution, in: institutions, what: "institution", at: place, context: context)
            if !course.region.isEmpty { known(course.region, in: regions, what: "region", at: place, context: context) }
            known(course.unit, in: units, what: "credit unit", at: place, context: context)
            for taught in course.skills {
                known(taught.skill, in: skillCodes, what: "skill", at: place, context: context)
                if !levelRanks.isEmpty && !levelRanks.contains(taught.level) {
                    log.add(
                        place.file, place.line,
                        "\(context): level \(taught.level) of \(taught.skill) is not on the scale",
                        fix: "use a rank between 1 and \(levelRanks.max() ?? 1)")
                }
            }
            for prerequisite in course.prerequisites {
                known(prerequisite, in: courses, what: "course", at: place, context: "prerequisite of \(course.code)")
            }
            if course.capacity == 0 {
                log.add(
                    place.file, place.line, "\(context) has no places (capacity 0)", fix: "give its places per year")
            }
        }
        unique(parts.infrastructures, code: \.code, what: "infrastructure")
        for (infrastructure, place) in parts.infrastructures {
            let context = "infrastructure \(infrastructure.code)"
            known(infrastructure.region, in: regions, what: "region", at: place, context: context)
            for skill in infrastructure.skills {
                known(skill, in: skillCodes, what: "skill", at: place, context: context)
            }
        }
        unique(parts.serviceConcepts, code: \.code, what: "service concept")
        let formatCodes = Set(parts.vocabularies.flatMap(\.0.terms).map(\.code))
        for (template, place) in parts.serviceConcepts {
            for format in template.formats {
                known(
                    format, in: formatCodes, what: "training format", at: place,
                    context: "service concept \(template.code)")
            }
        }
    }

    /// Depth-first search over prerequisite edges; a back edge is a cycle, reported once per cycle.
    private func checkPrerequisiteCycles() {
        var edges: [String: [String]] = [:]
        var places: [String: Place] = [:]
        for (course, place) in parts.courses {
            edges[course.code] = course.prerequisites
            places[course.code] = place
        }
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        var path: [String] = []
        func visit(_ code: String) {
            state[code] = 1
            path.append(code)
            for next in edges[code] ?? [] where edges[next] != nil {
                if state[next] == 1, let start = path.firstIndex(of: next) {
                    let cycle = path[start...] + [next]
                    let place = places[code] ?? Place(file: "curricula", line: 0)
                    log.add(
                        place.file, place.line, "prerequisite cycle: \(cycle.joined(separator: " → "))",
                        fix: "remove one of these prerequisites")
                } else if state[next] == nil {
                    visit(next)
                }
            }
            path.removeLast()
            state[code] = 2
        }
        for code in edges.keys.sorted() where state[code] == nil { visit(code) }
    }

    private func checkTexts() {
        let place = parts.textsPlace ?? Place(file: "surveys", line: 0)
        if parts.textsPlace == nil {
            log.add(place.file, 0, "no texts file (kind: texts) found", fix: "add surveys/texts.yaml")
            return
        }
        for key in TextKey.allCases where parts.texts[key.rawValue] == nil {
            log.add(
                place.file, place.line, "text \"\(key.rawValue)\" is missing",
                fix: "add it under texts: in every language")
        }
    }
}
