import Catalog
import Foundation

/// Hand-built responses and temporary database files for the store's tests.
enum Fixtures {
    static let now = "2026-03-01T10:00:00Z"

    static func need(_ skill: String, level: Int = 2, region: String = "kokkola", people: Int = 3) -> Need {
        Need(
            skill: skill, level: level, region: region, people: people, horizon: "now", priority: 4, formats: ["module"]
        )
    }

    static func response(
        _ id: String, organisation: String = "Akku Oy", businessId: String? = nil, region: String = "kokkola",
        needs: [Need] = [need("CELL02")], challenges: [String] = []
    ) -> SurveyResponse {
        SurveyResponse(
            id: id, survey: "battery-competence-2026", round: "2026", language: "fi",
            organisation: Organisation(
                name: organisation, businessId: businessId, region: region, sector: "chemicals", size: "small"),
            needs: needs,
            research: Research(interest: challenges.isEmpty ? [] : ["national"], challenges: challenges),
            consent: Consent(publish: true, contact: false, planning: true, textVersion: "2026-1", givenAt: now),
            synthetic: false,
            answers: [Answer(key: "org_name", value: organisation), Answer(key: "org_region", value: region)])
    }

    /// A path for a fresh database file in the temporary folder, and the folder to delete afterwards.
    static func temporaryDatabase() throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("osaava-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder.appendingPathComponent("osaava.sqlite").path, folder)
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
