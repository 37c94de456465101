import Catalog
import Foundation

/// The part of the catalogue the analyze commands use (settings, regions, skills, vocabularies,
/// the surveys' questions, courses and infrastructures: no texts, no institutions), cached in a
/// small binary form so that a small `analyze` does not parse the YAML files each time (DESIGN.md:
/// that costs many times the 5 ms budget; even JSONDecoder took half of it). The cache is keyed by
/// every catalogue file's path, size and modification time, so an edited file is read again (and
/// validated) before it is used.
enum AnalysisCatalogCache {
    static func load(root: URL, environment: [String: String]) throws -> Catalog {
        let key = try stamp(root)
        let file = folder(environment).appendingPathComponent("analysis-catalog-\(fnv(key)).bin")
        if let data = try? Data(contentsOf: file) {
            var reader = CacheReader(data)
            if let cached = reader.catalog(key: key) { return cached }
        }
        let catalog = try CatalogFiles.load(from: root)
        // Best effort: without a writable cache folder the next call reads the YAML again.
        var writer = CacheWriter()
        writer.write(catalog, key: key)
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(writer.bytes).write(to: file, options: .atomic)
        // Caches of earlier versions of the files are of no further use.
        let folder = file.deletingLastPathComponent()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix("analysis-catalog-") && name != file.lastPathComponent {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        return catalog
    }

    private static func folder(_ environment: [String: String]) -> URL {
        if let base = environment["XDG_CACHE_HOME"], !base.isEmpty {
            return URL(fileURLWithPath: base).appendingPathComponent("osaava")
        }
        let home = environment["HOME"] ?? NSTemporaryDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/osaava")
    }

    /// Path, size and modification time of every catalogue file, sorted: changes when any file does.
    /// (Plain POSIX calls: FileManager's enumerator alone took a third of the cached path.)
    private static func stamp(_ root: URL) throws -> String {
        var lines: [String] = [root.standardizedFileURL.path]
        for folder in ["surveys", "curricula"] {
            walk(root.appendingPathComponent(folder).path, folder + "/", into: &lines)
        }
        return lines.sorted().joined(separator: "\n")
    }

    private static func walk(_ directory: String, _ relative: String, into lines: inout [String]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard name != ".", name != ".." else { continue }
            let path = directory + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                walk(path, relative + name + "/", into: &lines)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                lines.append(
                    "\(relative)\(name) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)")
            }
        }
    }

    private static func fnv(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
