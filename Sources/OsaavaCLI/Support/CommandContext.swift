import Catalog
import Foundation
import Store

/// What a command needs from the outside world: console, environment, clock, working folder.
/// Tests substitute it (`CommandContext.$current.withValue(...)`) instead of flags in production code.
package struct CommandContext: Sendable {
    package var console: any Console
    package var environment: [String: String]
    /// The working folder's path.
    package var folder: String
    /// ISO 8601 "now"; fixed in tests and in the demo so that output is reproducible.
    package var now: @Sendable () -> String

    package var directory: URL { URL(fileURLWithPath: folder) }

    package init(
        console: any Console, environment: [String: String], directory: URL,
        now: @escaping @Sendable () -> String = CommandContext.isoNow
    ) {
        self.init(console: console, environment: environment, folder: directory.path, now: now)
    }

    init(
        console: any Console, environment: [String: String], folder: String,
        now: @escaping @Sendable () -> String = CommandContext.isoNow
    ) {
        self.console = console
        self.environment = environment
        self.folder = folder
        self.now = now
    }

    /// The process's own context. (Read with POSIX calls: ProcessInfo's, FileManager's and URL's
    /// first uses showed in the profile of a small `analyze`, though removing them gained under 0.1 ms.)
    @TaskLocal package static var current = CommandContext(
        console: StandardConsole(), environment: processEnvironment(), folder: workingFolder())

    package static let isoNow: @Sendable () -> String = {
        ISO8601DateFormatter().string(from: Date())
    }

    /// A path as given, relative to the working folder.
    package func resolve(_ path: String) -> URL {
        URL(fileURLWithPath: resolvedPath(path))
    }

    /// A path as given, relative to the working folder, as a path.
    package func resolvedPath(_ path: String) -> String {
        path.hasPrefix("/") ? path : folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    private static func processEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            // (Bytes that are not UTF-8 are replaced, as ProcessInfo does.)
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                // The first definition of a name wins, as getenv finds it.
                let name = String(text[..<equals])
                if environment[name] == nil { environment[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return environment
    }

    private static func workingFolder() -> String {
        guard let path = getcwd(nil, 0) else { return FileManager.default.currentDirectoryPath }
        defer { free(path) }
        return String(cString: path)
    }
}
