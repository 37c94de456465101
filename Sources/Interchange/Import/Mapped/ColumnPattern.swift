import Foundation

/// A mapping's column header with placeholders: `{n}` (an item number of a repeat group laid out
/// as numbered columns) and `{option}` (an option's text or code, one column per option).
/// Headers are compared folded (case, diacritics and spacing do not matter).
struct ColumnPattern: Sendable {
    enum Token: Sendable, Equatable {
        case literal([Character])
        case number
        case option
    }

    struct Match: Sendable, Equatable {
        var number: Int?
        var option: String?
    }

    let tokens: [Token]
    let text: String

    init(_ pattern: String) {
        text = pattern
        var tokens: [Token] = []
        var rest = Substring(pattern)
        while !rest.isEmpty {
            let number = rest.range(of: "{n}")
            let option = rest.range(of: "{option}")
            let next = [number, option].compactMap { $0 }.min { $0.lowerBound < $1.lowerBound }
            guard let next else {
                tokens.append(.literal(Array(ImportText.fold(String(rest)))))
                break
            }
            let literal = String(rest[..<next.lowerBound])
            // Folding trims the ends of a piece; keep a space that separates it from a placeholder.
            var folded = ImportText.fold(literal)
            if literal.last?.isWhitespace == true && !folded.isEmpty { folded += " " }
            if literal.first?.isWhitespace == true && !tokens.isEmpty { folded = " " + folded }
            if !folded.isEmpty { tokens.append(.literal(Array(folded))) }
            tokens.append(next == number ? .number : .option)
            rest = rest[next.upperBound...]
        }
        self.tokens = tokens
    }

    /// The placeholders' values when `header` (already folded) fits the pattern, else nil.
    func match(_ header: [Character]) -> Match? {
        match(header, token: 0, at: 0, Match())
    }

    private func match(_ header: [Character], token: Int, at position: Int, _ found: Match) -> Match? {
        guard token < tokens.count else { return position == header.count ? found : nil }
        switch tokens[token] {
        case .literal(let characters):
            guard header.count - position >= characters.count,
                header[position..<position + characters.count].elementsEqual(characters)
            else { return nil }
            return match(header, token: token + 1, at: position + characters.count, found)
        case .number:
            var end = position
            while end < header.count, header[end].isASCII, header[end].isNumber, end - position < 4 { end += 1 }
            guard end > position, let number = Int(String(header[position..<end])) else { return nil }
            var next = found
            next.number = number
            return match(header, token: token + 1, at: end, next)
        case .option:
            guard position < header.count else { return nil }
            for end in (position + 1)...header.count {
                var next = found
                next.option = String(header[position..<end])
                if let result = match(header, token: token + 1, at: end, next) { return result }
            }
            return nil
        }
    }
}
