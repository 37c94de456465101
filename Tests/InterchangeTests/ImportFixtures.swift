import Catalog
import CatalogFixtures
import Foundation
import Interchange
import Testing

/// The shipped catalogue, the fixture exports beside this file, and a reader of both.
enum ImportFixtures {
    static let root = ShippedCatalog.root
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let survey = "battery-competence-2026"
    static let now = "2026-11-26T08:00:00Z"

    static func catalogFiles() throws -> [CatalogFile] { try ShippedCatalog.files() }

    static func catalog() throws -> Catalog { try ShippedCatalog.load() }

    /// The shipped catalogue with one file replaced (or added), checked: the catalogue and its issues.
    static func catalog(replacing path: String, with text: String) throws -> (Catalog?, [CatalogIssue]) {
        var files = try catalogFiles().filter { $0.path != path }
        files.append(CatalogFile(path: path, data: Data(text.utf8)))
        return CatalogLoader.check(files)
    }

    static func mappingText(_ dialect: String) throws -> String {
        let url = root.appendingPathComponent("surveys/import/\(survey).\(dialect).yaml")
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func read(
        _ name: String, as dialect: Dialect, catalog given: Catalog? = nil, data bytes: Data? = nil
    ) throws -> ImportBatch {
        let catalog = try given ?? catalog()
        let definition = try #require(catalog.survey(survey))
        let data = try bytes ?? data(name)
        return ImportReader(catalog: catalog, survey: definition, now: now).read(data, dialect: dialect, fileName: name)
    }

    /// A fixture's text, and back to bytes in the fixture's encoding (for in-memory variants).
    static func text(_ name: String) throws -> String {
        TextDecoding.decode(try data(name)).text
    }
}

extension ImportBatch {
    /// The response with `organisation` as its name.
    func response(_ organisation: String) throws -> SurveyResponse {
        try #require(responses.first { $0.response.organisation.name == organisation }?.response)
    }

    var ids: [String] { responses.map(\.response.id) }
}

extension SurveyResponse {
    func value(_ key: String) -> String? {
        answers.first { $0.key == key }?.value
    }
}
