import Foundation
import Testing

/// The programs the report checks use as a person's tools would (Chromium, poppler, openpyxl,
/// LibreOffice). `scripts/test` installs them; a test that needs one requires it, never skips.
enum ExternalTools {
    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
        var output: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The first executable named `name` on PATH (or the path itself when it is one).
    static func find(_ name: String) -> URL? {
        if name.hasPrefix("/") {
            return FileManager.default.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The tool, or a failed requirement that says how to get it.
    static func require(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let tool = find(name)
        return try #require(
            tool, "\(name) is not installed: run scripts/test (it installs the report checkers)",
            sourceLocation: sourceLocation)
    }

    /// openpyxl's Python in the project's .venv.
    static func requirePython(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let python = ReportFixtures.root.appendingPathComponent(".venv/bin/python")
        try #require(
            FileManager.default.isExecutableFile(atPath: python.path),
            ".venv with openpyxl is missing: run scripts/test (it creates it)", sourceLocation: sourceLocation)
        return python
    }

    /// Runs a program to the end (at most `timeout` seconds); stderr goes through a file, so that
    /// neither pipe can fill up and block the child.
    static func run(_ tool: URL, _ arguments: [String], timeout: TimeInterval = 120) throws -> Run {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe()
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "osaava-stderr-" + UUID().uuidString)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        defer { try? errorHandle.close() }
        process.standardOutput = stdout
        process.standardError = errorHandle
        try process.run()
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: .now() + timeout)
        timer.setEventHandler { if process.isRunning { process.terminate() } }
        timer.resume()
        defer { timer.cancel() }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = FileManager.default.contents(atPath: errorFile.path) ?? Data()
        return Run(
            status: process.terminationStatus, stdout: outData, stderr: String(decoding: errorData, as: UTF8.self))
    }

    /// Headless Chromium with a throw-away profile, as root in a container needs it.
    static func chromium(_ arguments: [String], timeout: TimeInterval = 120) throws -> Run {
        let chromium = try require("chromium")
        let profile = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        return try run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--user-data-dir=\(profile.path)",
            ] + arguments, timeout: timeout)
    }

    /// Width and height of a PNG file, from its IHDR chunk.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0] == 0x89, bytes[1] == 0x50, bytes[12...15].elementsEqual(Array("IHDR".utf8))
        else { return nil }
        func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }
}
