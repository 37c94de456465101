import Catalog
import Foundation
import Store

/// What a command needs from the outside world: console, environment, clock, working folder.
/// Tests substitute it (`CommandContext.$current.withValue(...)`) instead of flags in production code.
package struct CommandContext: Sendable {
    package var console: any Console
    package var environment: [String: String]
    package var directory: URL
    /// ISO 8601 "now"; fixed in tests and in the demo so that output is reproducible.
    package var now: @Sendable () -> String

    package init(
        console: any Console, environment: [String: String], directory: URL,
        now: @escaping @Sendable () -> String = CommandContext.isoNow
    ) {
        self.console = console
        self.environment = environment
        self.directory = directory
        self.now = now
    }

    @TaskLocal package static var current = CommandContext(
        console: StandardConsole(), environment: ProcessInfo.processInfo.environment,
        directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))

    package static let isoNow: @Sendable () -> String = {
        ISO8601DateFormatter().string(from: Date())
    }

    /// A path as given, relative to the working folder.
    package func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    }
}
