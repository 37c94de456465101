import Catalog
import Foundation

/// The catalogue shipped in `surveys/` and `curricula/`, read from disk once: shared by the test targets.
package enum ShippedCatalog {
    /// The repository root: four levels up from this file (Tests/Support/CatalogFixtures/ShippedCatalog.swift).
    package static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    package static func files() throws -> [CatalogFile] {
        var files: [CatalogFile] = []
        for folder in ["surveys", "curricula"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let url as URL in walker where url.pathExtension == "yaml" {
                let relative = folder + "/" + url.path.dropFirst(base.path.count + 1)
                files.append(CatalogFile(path: relative, data: try Data(contentsOf: url)))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    private static let loaded = Result { try CatalogLoader.load(files()) }

    package static func load() throws -> Catalog { try loaded.get() }
}
