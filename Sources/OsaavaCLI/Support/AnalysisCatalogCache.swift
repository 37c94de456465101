import Catalog
import Foundation

/// The part of the catalogue the analyze commands use (settings, regions, skills, vocabularies,
/// the surveys' questions, and as `parts` courses and infrastructures: no texts, no
/// institutions), cached in a
/// small binary form so that a small `analyze` does not parse the YAML files each time (DESIGN.md:
/// that costs many times the 5 ms budget; even JSONDecoder took half of it). The cache is keyed by
/// every catalogue file's path, size, modification and status-change time, so an edited file is
/// read again (and validated) before it is used; a file whose checksum does not match is ignored.
/// Each catalogue folder has its own cache file (named by the folder and the key), so that
/// several catalogues used in turn stay cached.
enum AnalysisCatalogCache {
    static func load(root: String, environment: [String: String], parts: AnalysisCatalogParts) throws -> Catalog {
        // Paths as strings and files read with POSIX calls: URL's and Data's first uses showed in
        // the profile of a small `analyze` (this with the trims beside it: 6.9 → 6.0 ms).
        let standardRoot = standardized(root)
        let key = stamp(standardRoot)
        let folder = folder(environment)
        let prefix = "analysis-catalog-\(fnv(standardRoot))-"
        let name = prefix + fnv(key) + ".bin"
        if let folder, let bytes = contents(folder + "/" + name) {
            var reader = CacheReader(bytes)
            if let cached = reader.catalog(key: key, parts: parts) { return cached }
        }
        let catalog = try CatalogFiles.load(from: URL(fileURLWithPath: root))
        // Best effort: without a writable cache folder the next call reads the YAML again.
        guard let folder else { return catalog }
        var writer = CacheWriter()
        writer.write(catalog, key: key)
        let manager = FileManager.default
        try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(writer.bytes).write(to: URL(fileURLWithPath: folder + "/" + name), options: .atomic)
        // This catalogue's caches of earlier versions of its files are of no further use (as are
        // those of the format before the catalogue folder was in the name).
        for other in (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        where other != name
            && (other.hasPrefix(prefix) || (other.hasPrefix("analysis-catalog-") && !other.dropFirst(17).contains("-")))
        {
            try? manager.removeItem(atPath: folder + "/" + other)
        }
        return catalog
    }

    /// `$XDG_CACHE_HOME/osaava` when it is an absolute path (the XDG rule), else
    /// `$HOME/.cache/osaava`; none without a home (a shared temporary folder is no place for a
    /// file that every run trusts).
    private static func folder(_ environment: [String: String]) -> String? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return base + "/osaava" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.cache/osaava"
    }

    /// The file's bytes, or nil when it cannot be read whole or is not a regular file (opened
    /// without blocking: a FIFO put in its place must not stop the command).
    private static func contents(_ path: String) -> [UInt8]? {
        let file = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            complete = Foundation.read(file, buffer.baseAddress, size) == size
            count = complete ? size : 0
        }
        return complete ? bytes : nil
    }

    /// An absolute path without "." and ".." components, as `URL.standardizedFileURL` makes it.
    private static func standardized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") where component != "." {
            if component == ".." {
                _ = components.popLast()
            } else {
                components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// Path, size and modification time of every catalogue file, sorted: changes when any file does.
    /// (Plain POSIX calls: FileManager's enumerator alone took a third of the cached path.)
    private static func stamp(_ root: String) -> String {
        var lines: [String] = [root]
        for folder in ["surveys", "curricula"] {
            walk(root + "/" + folder, folder + "/", into: &lines)
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
                // The status-change time too: an edit whose modification time was put back
                // (`cp -p`, `touch -r`, an archive) still changes it.
                lines.append(
                    "\(relative)\(name) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) "
                        + "\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)")
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
