import Catalog
import Foundation

/// Reads the catalogue's files from disk: every `*.yaml` under `surveys/` and `curricula/`.
enum CatalogFiles {
    static func read(from root: URL) throws -> [CatalogFile] {
        var files: [CatalogFile] = []
        let manager = FileManager.default
        var foundFolder = false
        for folder in ["surveys", "curricula"] {
            let url = root.appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            foundFolder = true
            guard let walker = manager.enumerator(at: url, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in walker where file.pathExtension == "yaml" || file.pathExtension == "yml" {
                let relative = folder + "/" + file.path.dropFirst(url.path.count + 1)
                files.append(CatalogFile(path: relative, data: try Data(contentsOf: file)))
            }
        }
        guard foundFolder else {
            throw CLIError(
                "no catalogue in \(root.path): it needs the folders surveys/ and curricula/. "
                    + "Run osaava from the project folder, or give --catalog DIR.")
        }
        return files.sorted { $0.path < $1.path }
    }

    static func load(from root: URL) throws -> Catalog {
        try CatalogLoader.load(try read(from: root))
    }
}
