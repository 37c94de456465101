import Catalog
import Foundation
import Planner

/// Small hand-made catalogues for the planner's tests.
enum Fixtures {
    static let text = Localized(["en": "x"])

    /// A course in ECTS, Finnish, on campus in `region`, 30 places a year.
    static func course(
        _ code: String, _ credits: Double, teaches skills: [(String, Int)], requires prerequisites: [String] = [],
        at institution: String = "uni", region: String = "R1", delivery: Delivery = .contact, capacity: Int = 30,
        languages: [String] = ["fi"]
    ) -> Course {
        Course(
            code: code, institution: institution, name: Localized(["en": code]), region: region, credits: credits,
            unit: "ects", languages: languages, delivery: delivery, capacity: capacity,
            skills: skills.map { SkillLevel($0.0, $0.1) }, prerequisites: prerequisites, illustrative: true)
    }

    /// A catalogue with the given courses; skills are the codes the courses and `extraSkills` name,
    /// grouped by their letters (`BAT1` is in group `BAT`); institutions are those the courses name
    /// plus the keys of `institutionRegions`, each in the region given there (default R1).
    static func catalog(
        _ courses: [Course], extraSkills: [String] = [], institutionRegions: [String: String] = [:],
        termCredits: Double = 30
    ) -> Catalog {
        let skills = Set(courses.flatMap { $0.skills.map(\.skill) } + extraSkills).sorted()
        let groups = Set(skills.map(group)).sorted()
        let institutions = Set(courses.map(\.institution)).union(institutionRegions.keys).sorted()
        let regions = Set(courses.map(\.region) + institutionRegions.values + ["R1", "R2"]).sorted()
        let settings = Settings(
            languages: ["en"], minRespondents: 3, sharedRegions: 3, otherRegion: "other", peopleRange: 1...10_000,
            priorityRange: 1...5, priorityWeights: [:], horizons: [],
            creditUnits: [CreditUnit(code: "ects", toBase: 1, name: Localized(["en": "ECTS"]))],
            baseCreditUnit: "ects", termCredits: termCredits)
        return Catalog(
            settings: settings, regions: regions.map { Region(code: $0, name: Localized(["en": $0])) },
            levels: (1...4).map { Level(rank: $0, name: text, description: text, eqf: "") },
            groups: groups.map { SkillGroup(code: $0, name: Localized(["en": $0]), description: text) },
            skills: skills.map { Skill(code: $0, group: group($0), name: Localized(["en": $0]), description: text) },
            vocabularies: [:], surveys: [],
            institutions: institutions.map {
                Institution(
                    code: $0, name: Localized(["en": $0]), kind: .university, region: institutionRegions[$0] ?? "R1")
            },
            courses: courses, infrastructures: [], serviceConcepts: [], texts: Texts([:]), fingerprint: "")
    }

    static func group(_ skill: String) -> String { String(skill.prefix { $0.isLetter }) }

    static func request(_ needs: [(String, Int)], kind: PathRequest.Kind = .learnerPath) -> PathRequest {
        PathRequest(kind: kind, needs: needs.map { PlanNeed(skill: $0.0, level: $0.1) }, timeLimit: 10)
    }

    /// `../shared/bench/planner` relative to the repository root, three levels above this file.
    static var referenceFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/bench/planner").standardizedFileURL
    }

    /// Reference instance files whose names start with one of `prefixes`, sorted.
    static func referenceFiles(_ prefixes: [String]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: referenceFolder.path)) ?? []
        return names.filter { name in name.hasSuffix(".json") && prefixes.contains { name.hasPrefix($0) } }.sorted()
    }

    static func reference(_ name: String) throws -> ReferenceInstance {
        try ReferenceInstance.decode(Data(contentsOf: referenceFolder.appendingPathComponent(name)))
    }
}

extension PathPlan {
    /// Every term holds at most `termCredits`, and every course comes after its prerequisites
    /// (completed ones excepted).
    func termsAreValid(in catalog: Catalog, completed: Set<String> = []) -> Bool {
        var term: [String: Int] = [:]
        for (t, codes) in terms.enumerated() {
            for code in codes { term[code] = t }
        }
        for (t, codes) in terms.enumerated() {
            let credits = codes.compactMap { catalog.course($0).map(catalog.baseCredits) }.reduce(0, +)
            guard credits <= termCredits + 1e-9 else { return false }
            for code in codes {
                for p in catalog.course(code)?.prerequisites ?? [] where !completed.contains(p) {
                    guard let before = term[p], before < t else { return false }
                }
            }
        }
        return true
    }

    /// The chosen courses cover every need and hold their prerequisites (completed ones excepted).
    func covers(_ needs: [(String, Int)], in catalog: Catalog, completed: Set<String> = []) -> Bool {
        let chosen = Set(courses)
        let closed = courses.allSatisfy { code in
            (catalog.course(code)?.prerequisites ?? []).allSatisfy { chosen.contains($0) || completed.contains($0) }
        }
        let covered = needs.allSatisfy { need in
            courses.contains { catalog.course($0)?.covers(SkillLevel(need.0, need.1)) == true }
        }
        return closed && covered
    }
}
