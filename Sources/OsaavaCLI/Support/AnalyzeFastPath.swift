/// The analyze commands' common forms, read without ArgumentParser.
///
/// ArgumentParser's start took 1.7 ms of a small `analyze`, whose budget is 5 ms: it reflects
/// every option of every command on the path, and the first use of each of its generic types
/// scans all 7,000 protocol conformances of the binary. This reader takes only
/// `analyze SUBCOMMAND` followed by `--name value` or `--name=value` pairs, each option the
/// subcommand has, at most once, with a valid value. Everything else (help, a flag, an unknown or
/// repeated option, a value starting with "-" or empty after "=", a value that does not parse) it leaves to
/// ArgumentParser, which then parses, reports and explains as always. A test holds the two readers
/// to the same request on thousands of argument vectors.
package enum AnalyzeFastPath {
    /// The request `arguments` (without the program name) ask for, or nil: let ArgumentParser read them.
    package static func request(_ arguments: [String]) -> AnalyzeRequest? {
        guard arguments.count >= 2, arguments[0] == "analyze", let accepted = options(arguments[1]) else {
            return nil
        }
        var values: [String: String] = [:]
        var index = 2
        while index < arguments.count {
            let token = arguments[index]
            guard token.hasPrefix("--") else { return nil }
            let name: String
            let value: String
            if let equals = token.firstIndex(of: "=") {
                name = String(token[token.index(token.startIndex, offsetBy: 2)..<equals])
                value = String(token[token.index(after: equals)...])
                // ArgumentParser reads `--name=` as `--name`, whose value is then the next argument.
                guard !value.isEmpty else { return nil }
            } else {
                index += 1
                guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                name = String(token.dropFirst(2))
                value = arguments[index]
            }
            guard accepted.contains(name), values.updateValue(value, forKey: name) == nil else { return nil }
            index += 1
        }
        var choices = AnalysisChoices(
            region: values["region"], skillGroup: values["skill-group"], horizon: values["horizon"],
            round: values["round"])
        if let text = values["min-respondents"] {
            guard let k = Int(text) else { return nil }
            choices.minRespondents = k
        }
        if let text = values["format"] {
            guard let format = OutputFormat(rawValue: text) else { return nil }
            choices.format = format
        }
        let question: AnalyzeRequest.Question
        switch arguments[1] {
        case "needs":
            guard let source = FigureSource(rawValue: values["source"] ?? FigureSource.auto.rawValue) else {
                return nil
            }
            question = .needs(by: values["by"] ?? "region,skill", source: source)
        case "gaps": question = .gaps
        case "shared": question = .shared
        case "challenges": question = .challenges
        default: question = .trends(by: values["by"] ?? "skill-group")
        }
        return AnalyzeRequest(
            question: question, workspace: Workspace(db: values["db"], catalog: values["catalog"]), choices: choices)
    }

    /// Each subcommand's options, as ArgumentParser declares them in AnalyzeCommand.swift. (Arrays,
    /// not sets: a `Set<String>` is one more generic type for the runtime to instantiate at start.)
    private static func options(_ subcommand: String) -> [String]? {
        let round = ["db", "catalog", "round", "min-respondents", "format"]
        let filters = round + ["by", "region", "skill-group", "horizon"]
        switch subcommand {
        case "needs": return filters + ["source"]
        case "gaps": return round + ["region"]
        case "shared", "challenges": return round
        case "trends": return filters
        default: return nil
        }
    }
}
