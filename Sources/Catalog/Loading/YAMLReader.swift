import Yams

/// Reads one catalogue file's YAML nodes, reporting every problem with its line.
/// Decoding by hand (not Codable) keeps a line number on every value, which the
/// cross-file checks (unknown codes, cycles) need long after parsing.
struct YAMLReader {
    let file: String
    let languages: [String]
    let log: IssueLog

    func line(_ node: Node?) -> Int { node?.mark?.line ?? 0 }

    /// A mapping whose keys must all be in `keys`; unknown keys are reported with a did-you-mean.
    func map(_ node: Node?, keys: [String], what: String) -> YAMLMap? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            log.add(
                file, line(node), "expected a mapping (key: value lines) for \(what)", fix: "indent its keys under it")
            return nil
        }
        for (key, _) in mapping {
            let name = key.string ?? ""
            if !keys.contains(name) {
                log.add(
                    file, line(key), "unknown key \"\(name)\" in \(what)",
                    fix: Suggestion.hint(for: name, in: keys, what: "keys"))
            }
        }
        return YAMLMap(mapping: mapping, line: line(node), reader: self, what: what)
    }

    func list(_ node: Node?, what: String) -> [Node] {
        guard let node else { return [] }
        guard case .sequence(let sequence) = node else {
            log.add(
                file, line(node), "expected a list for \(what)",
                fix: "write each entry on its own line starting with \"- \"")
            return []
        }
        return Array(sequence)
    }
}

/// A mapping of a catalogue file, with typed accessors that report what is missing or malformed.
struct YAMLMap {
    let mapping: Node.Mapping
    let line: Int
    let reader: YAMLReader
    let what: String

    var file: String { reader.file }

    subscript(_ key: String) -> Node? { mapping[key] }

    func lineOf(_ key: String) -> Int { mapping[key]?.mark?.line ?? line }

    private func missing(_ key: String, _ kind: String) {
        reader.log.add(file, line, "\(what) has no \"\(key)\"", fix: "add \"\(key):\" with \(kind)")
    }

    private func malformed(_ key: String, _ node: Node, _ kind: String) {
        reader.log.add(
            file, reader.line(node), "\"\(key)\" of \(what) must be \(kind), not \"\(node.string ?? "a structure")\"",
            fix: "write \(kind)")
    }

    func string(_ key: String, required: Bool = true) -> String? {
        guard let node = mapping[key] else {
            if required { missing(key, "a value") }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            malformed(key, node, "a single value")
            return nil
        }
        return scalar.string
    }

    func int(_ key: String, required: Bool = true) -> Int? {
        guard let node = mapping[key] else {
            if required { missing(key, "a whole number") }
            return nil
        }
        guard let value = node.int else {
            malformed(key, node, "a whole number")
            return nil
        }
        return value
    }

    func double(_ key: String, required: Bool = true) -> Double? {
        guard let node = mapping[key] else {
            if required { missing(key, "a number") }
            return nil
        }
        guard let value = node.float ?? node.int.map(Double.init) else {
            malformed(key, node, "a number")
            return nil
        }
        return value
    }

    func bool(_ key: String, default value: Bool) -> Bool {
        guard let node = mapping[key] else { return value }
        guard let flag = node.bool else {
            malformed(key, node, "true or false")
            return value
        }
        return flag
    }

    func strings(_ key: String, required: Bool = false) -> [String] {
        guard let node = mapping[key] else {
            if required { missing(key, "a list") }
            return []
        }
        if case .scalar(let scalar) = node, scalar.string.isEmpty || node.null != nil { return [] }
        return reader.list(node, what: "\"\(key)\" of \(what)").compactMap { item in
            guard case .scalar(let scalar) = item else {
                malformed(key, item, "a list of values")
                return nil
            }
            return scalar.string
        }
    }

    /// A text in every language of the settings.
    func text(_ key: String, required: Bool = true) -> Localized? {
        guard let node = mapping[key] else {
            if required { missing(key, "a text in \(reader.languages.joined(separator: ", "))") }
            return nil
        }
        guard case .mapping(let texts) = node else {
            malformed(key, node, "a text per language, e.g. {fi: ..., sv: ..., en: ...}")
            return nil
        }
        var values: [String: String] = [:]
        for (language, value) in texts {
            let code = language.string ?? ""
            if !reader.languages.isEmpty && !reader.languages.contains(code) {
                reader.log.add(
                    file, reader.line(language),
                    "\"\(key)\" of \(what) has a text in \"\(code)\", not a language of the settings",
                    fix: Suggestion.hint(for: code, in: reader.languages, what: "languages"))
            }
            values[code] = value.string ?? ""
        }
        for language in reader.languages where (values[language] ?? "").isEmpty {
            reader.log.add(
                file, reader.line(node), "\"\(key)\" of \(what) has no \(language) translation",
                fix: "add \"\(language): ...\" to it")
        }
        return Localized(values)
    }
}
