import Catalog
import Foundation

/// Why a value is not accepted, with the fix.
package struct CodeProblem: Error, Sendable, Equatable {
    package var message: String
}

/// Checks imported values against the catalogue: codes that exist, numbers in range. Messages
/// quote the value and say what is accepted.
package struct CodeValidator: Sendable {
    let catalog: Catalog

    package init(catalog: Catalog) {
        self.catalog = catalog
    }

    private func unknown(_ value: String, _ what: String, _ codes: [String]) -> CodeProblem {
        CodeProblem(
            message: "\"\(value)\" is not a \(what) code; " + Suggestion.hint(for: value, in: codes, what: "codes"))
    }

    package func region(_ value: String) -> Result<String, CodeProblem> {
        if catalog.region(value) != nil { return .success(value) }
        if value.isEmpty { return .failure(CodeProblem(message: "is empty; give a region code")) }
        return .failure(unknown(value, "region", catalog.regions.map(\.code)))
    }

    package func skill(_ value: String) -> Result<String, CodeProblem> {
        if catalog.skill(value) != nil { return .success(value) }
        if value.isEmpty { return .failure(CodeProblem(message: "is empty; give a skill code")) }
        return .failure(unknown(value, "skill", catalog.skills.map(\.code)))
    }

    package func horizon(_ value: String) -> Result<String, CodeProblem> {
        if catalog.settings.horizon(value) != nil { return .success(value) }
        return .failure(unknown(value, "horizon", catalog.settings.horizons.map(\.code)))
    }

    package func level(_ value: String) -> Result<Int, CodeProblem> {
        if let rank = Int(value), catalog.level(rank) != nil { return .success(rank) }
        let ranks = catalog.levels.map(\.rank)
        return .failure(
            CodeProblem(message: "\"\(value)\" is not a level; use \(ranks.first ?? 1)–\(ranks.last ?? 1)"))
    }

    /// A whole number; decimal commas or points with a zero fraction ("5,0") are accepted.
    package func integer(_ value: String, in range: ClosedRange<Int>, what: String) -> Result<Int, CodeProblem> {
        var text = value.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
        if let separator = text.firstIndex(where: { $0 == "," || $0 == "." }),
            text[text.index(after: separator)...].allSatisfy({ $0 == "0" })
        {
            text = String(text[..<separator])
        }
        guard let number = Int(text) else {
            return .failure(
                CodeProblem(
                    message:
                        "\"\(value)\" is not a whole number; \(what) must be \(range.lowerBound)–\(range.upperBound)"))
        }
        guard range.contains(number) else {
            return .failure(
                CodeProblem(message: "\(number) is outside \(range.lowerBound)–\(range.upperBound) for \(what)"))
        }
        return .success(number)
    }

    /// An optional coded answer from `source` (nil = the survey does not ask it).
    package func optionalTerm(_ value: String, source: String?) -> Result<String?, CodeProblem> {
        guard !value.isEmpty else { return .success(nil) }
        guard let source else { return .success(value) }
        let codes = catalog.options(source).map(\.code)
        return codes.contains(value) ? .success(value) : .failure(unknown(value, source, codes))
    }

    /// Several codes joined by `separator`, each from `source`.
    package func terms(_ value: String, separator: String, source: String?) -> Result<[String], CodeProblem> {
        let parts = value.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard let source else { return .success(parts) }
        let codes = catalog.options(source).map(\.code)
        for part in parts where !codes.contains(part) { return .failure(unknown(part, source, codes)) }
        return .success(parts)
    }
}
