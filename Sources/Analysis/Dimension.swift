import Catalog

/// What needs can be sliced by (`--by`).
package enum Dimension: String, Sendable, Hashable, CaseIterable {
    case region, skill
    case skillGroup = "skill-group"
    case horizon, level, sector, size, format, round

    /// The record's values for this dimension; a need names several training formats.
    func values(of record: NeedRecord) -> [String] {
        switch self {
        case .region: [record.region]
        case .skill: [record.skill]
        case .skillGroup: [record.group]
        case .horizon: [record.horizon]
        case .level: [String(record.level)]
        case .sector: [record.sector]
        case .size: [record.size]
        case .format: record.formats.isEmpty ? [""] : record.formats
        case .round: [record.round]
        }
    }

    /// Parses `--by region,skill`; nil names the unknown word.
    package static func parseList(_ text: String) -> Result<[Dimension], UnknownDimension> {
        var dimensions: [Dimension] = []
        for word in text.split(separator: ",").map(Self.trimmed) {
            guard let dimension = Dimension(rawValue: word) else { return .failure(UnknownDimension(word: word)) }
            if !dimensions.contains(dimension) { dimensions.append(dimension) }
        }
        return .success(dimensions)
    }

    /// The word without the blanks around it. (Not Foundation's `trimmingCharacters`: its first
    /// use goes through NSString, and showed in the profile of a small `analyze`.)
    private static func trimmed(_ word: Substring) -> String {
        let blank: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = word.firstIndex(where: { !blank($0) }), let last = word.lastIndex(where: { !blank($0) })
        else { return "" }
        return String(word[first...last])
    }
}

package struct UnknownDimension: Error, Equatable, CustomStringConvertible {
    package var word: String

    package init(word: String) {
        self.word = word
    }

    package var description: String {
        "unknown dimension \"\(word)\" in --by. Use any of: \(Dimension.allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
