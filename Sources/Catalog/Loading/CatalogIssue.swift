/// One problem in a catalogue file: where it is, what is wrong and how to fix it.
package struct CatalogIssue: Sendable, Hashable, CustomStringConvertible, Comparable {
    package var file: String
    package var line: Int
    package var message: String
    package var fix: String

    package init(file: String, line: Int, message: String, fix: String) {
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
    }

    /// `file:line: what is wrong — how to fix it`
    package var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return fix.isEmpty ? "\(place): \(message)" : "\(place): \(message) — \(fix)"
    }

    package static func < (a: CatalogIssue, b: CatalogIssue) -> Bool {
        (a.file, a.line, a.message) < (b.file, b.line, b.message)
    }
}

package enum CatalogError: Error, CustomStringConvertible {
    /// The catalogue has problems; each one names its file and line.
    case invalid([CatalogIssue])

    package var description: String {
        switch self {
        case .invalid(let issues):
            let lines = issues.sorted().map(\.description)
            return lines.joined(separator: "\n") + "\n\(issues.count) problem(s) in the catalogue."
        }
    }
}

/// Collects issues while a catalogue is read, so that one run reports every problem at once.
final class IssueLog {
    private(set) var issues: [CatalogIssue] = []

    func add(_ file: String, _ line: Int, _ message: String, fix: String) {
        issues.append(CatalogIssue(file: file, line: line, message: message, fix: fix))
    }
}
