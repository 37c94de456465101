import Foundation
import Testing

/// Runs the built `osaava` executable as a user would: arguments, stdin, stdout, stderr, exit code.
struct OsaavaBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root (this file is Tests/OsaavaCLITests/OsaavaBinary.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `osaava` sits beside the test bundle in the build folder (the test target depends on it).
    static func executable() throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("osaava")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        let fallback = root.appendingPathComponent(".build/debug/osaava")
        try #require(FileManager.default.isExecutableFile(atPath: fallback.path), "build osaava first: swift build")
        return fallback
    }

    /// A fresh temporary folder for one test's database and files.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("osaava-e2e-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `environment` adds to (or, with "", clears) variables of this process's environment.
    static func run(
        _ arguments: [String], input: String = "", in folder: URL? = nil, environment extra: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? root
        var environment = ProcessInfo.processInfo.environment
        environment["OSAAVA_DB"] = nil
        for (name, value) in extra { environment[name] = value.isEmpty ? nil : value }
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs an SQL query with the `sqlite3` command-line shell: an independent client of the file.
    static func sqlite(_ database: URL, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-batch", "-noheader", database.path, sql]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "sqlite3 failed on: \(sql)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// An interactive `osaava` child: answers prompt by prompt, as a script on a pipe would.
final class InteractiveOsaava {
    let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    private let stderr = Pipe()
    private var buffer = ""

    init(_ arguments: [String]) throws {
        process.executableURL = try OsaavaBinary.executable()
        process.arguments = arguments
        process.currentDirectoryURL = OsaavaBinary.root
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
    }

    /// Reads until the next prompt ("> " at the end of the output) appears; returns what was printed.
    func waitForPrompt() -> String {
        while !buffer.hasSuffix("> ") {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty { break }  // the child closed its output
            buffer += String(decoding: data, as: UTF8.self)
        }
        defer { buffer = "" }
        return buffer
    }

    func answer(_ line: String) {
        stdin.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Sends `signal` (SIGINT for Ctrl-C, SIGHUP for a closed terminal); returns the exit status and stderr.
    func interrupt(_ signal: Int32) -> (status: Int32, stderr: String) {
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }
}

/// Golden files of what a person reads, under Tests/OsaavaCLITests/Golden.
enum Golden {
    /// Compares `text` with Golden/`name`; `RECORD_SNAPSHOTS=1` writes it and fails, so that
    /// recording is never silent.
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = OsaavaBinary.root.appendingPathComponent("Tests/OsaavaCLITests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try Data(text.utf8).write(to: url)
            Issue.record("recorded \(name); run again without RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name): record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        guard golden != text else { return }
        let expected = golden.components(separatedBy: "\n")
        let actual = text.components(separatedBy: "\n")
        let line =
            zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expected.count, actual.count)
        let want = line < expected.count ? expected[line] : "<end>"
        let got = line < actual.count ? actual[line] : "<end>"
        let message = "\(name) differs at line \(line + 1):\n  golden: \(want)\n  actual: \(got)"
        Issue.record(
            Comment(rawValue: message + "\nIf the change is intended, re-record with RECORD_SNAPSHOTS=1."),
            sourceLocation: sourceLocation)
    }

}
