import Catalog
import Foundation

/// One reference instance of the planner's core problem (`../shared/bench/planner/plan_*.json`,
/// format in that folder's README): courses, needs, and a proven optimum to check against.
package struct ReferenceInstance: Sendable, Decodable {
    package struct Meta: Sendable, Decodable {
        package var nCourses: Int
        package var nNeeds: Int
        package var termEcts: Double
    }

    package struct InstitutionEntry: Sendable, Decodable {
        package var id: Int
        package var name: String
        package var region: String
    }

    package struct CourseEntry: Sendable, Decodable {
        package var id: Int
        package var code: String
        package var institution: Int
        package var region: String
        package var ects: Double
        package var skills: [SkillPair]
        package var prereqs: [Int]
    }

    /// `[skillCode, level]` in the file.
    package struct SkillPair: Sendable, Decodable {
        package var skill: String
        package var level: Int

        package init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            skill = try pair.decode(String.self)
            level = try pair.decode(Int.self)
        }
    }

    package struct Solution: Sendable, Decodable {
        package var optimumEcts: Double
        package var courses: [Int]
        package var pathTerms: [[Int]]
    }

    package struct Greedy: Sendable, Decodable {
        package var ects: Double
        package var gapPct: Double
    }

    package struct Timings: Sendable, Decodable {
        package struct Reference: Sendable, Decodable {
            package var solveMedian: Double
        }
        package var highs: Reference
    }

    package var meta: Meta
    package var institutions: [InstitutionEntry]
    package var courses: [CourseEntry]
    package var needs: [SkillPair]
    package var solution: Solution
    package var greedy: Greedy
    package var timings: Timings

    /// Reads an instance from the bytes of its JSON file.
    package static func decode(_ data: Data) throws -> ReferenceInstance {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ReferenceInstance.self, from: data)
    }

    /// The instance as an Osaava catalogue: institution `I<id>`, skill groups from the letters of
    /// the skill codes (`DIG06` is in group `DIG`), every course in ECTS, Finnish, on campus.
    package func catalog() -> Catalog {
        let text = Localized(["en": ""])
        let skillCodes = Set(courses.flatMap { $0.skills.map(\.skill) } + needs.map(\.skill)).sorted()
        let groupCodes = Set(skillCodes.map(Self.group)).sorted()
        let regionCodes = Set(institutions.map(\.region) + courses.map(\.region)).sorted()
        let levelRanks = Set(courses.flatMap { $0.skills.map(\.level) } + needs.map(\.level)).sorted()
        let institutionCode = Dictionary(uniqueKeysWithValues: institutions.map { ($0.id, "I\($0.id)") })
        let courseCode = Dictionary(uniqueKeysWithValues: courses.map { ($0.id, $0.code) })
        let settings = Settings(
            languages: ["en"], minRespondents: 3, sharedRegions: 3, otherRegion: "other", peopleRange: 1...10_000,
            priorityRange: 1...5, priorityWeights: [:], horizons: [],
            creditUnits: [CreditUnit(code: "ects", toBase: 1, name: text)], baseCreditUnit: "ects",
            termCredits: meta.termEcts)
        return Catalog(
            settings: settings,
            regions: regionCodes.map { Region(code: $0, name: Localized(["en": $0])) },
            levels: levelRanks.map { Level(rank: $0, name: text, description: text, eqf: "") },
            groups: groupCodes.map { SkillGroup(code: $0, name: Localized(["en": $0]), description: text) },
            skills: skillCodes.map {
                Skill(code: $0, group: Self.group($0), name: Localized(["en": $0]), description: text)
            },
            vocabularies: [:], surveys: [],
            institutions: institutions.map {
                Institution(
                    code: "I\($0.id)", name: Localized(["en": $0.name]), kind: Self.kind($0.name), region: $0.region)
            },
            courses: courses.map { course in
                Course(
                    code: course.code, institution: institutionCode[course.institution] ?? "I\(course.institution)",
                    name: Localized(["en": course.code]), region: course.region, credits: course.ects, unit: "ects",
                    languages: ["fi"], delivery: .contact, capacity: 30,
                    skills: course.skills.map { SkillLevel($0.skill, $0.level) },
                    prerequisites: course.prereqs.map { courseCode[$0] ?? "C\($0)" }, illustrative: true)
            },
            infrastructures: [], serviceConcepts: [], texts: Texts([:]), fingerprint: "")
    }

    /// A regional portfolio covering every need of the instance, one person per need.
    package func request(timeLimit: Double = 60) -> PathRequest {
        PathRequest(
            kind: .regionalPortfolio, needs: needs.map { PlanNeed(skill: $0.skill, level: $0.level, people: 1) },
            timeLimit: timeLimit)
    }

    /// The course codes of the reference optimum.
    package var optimumCodes: [String] {
        let code = Dictionary(uniqueKeysWithValues: courses.map { ($0.id, $0.code) })
        return solution.courses.compactMap { code[$0] }.sorted()
    }

    private static func group(_ skill: String) -> String {
        String(skill.prefix { $0.isLetter })
    }

    private static func kind(_ name: String) -> InstitutionKind {
        if name.hasPrefix("UAS") { return .uas }
        if name.hasPrefix("University") { return .university }
        if name.lowercased().contains("vocational") { return .vocational }
        return .other
    }
}
