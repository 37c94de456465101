/// A text in every language of the catalogue, keyed by language code ("fi", "sv", "en").
package struct Localized: Sendable, Hashable, Codable {
    package var values: [String: String]

    package init(_ values: [String: String]) {
        self.values = values
    }

    /// The text in `language`, falling back to English, then to any language (sorted, so the
    /// fallback is stable). Missing translations are a catalogue error, so the fallback only
    /// matters for hand-built values in tests.
    package func callAsFunction(_ language: String) -> String {
        if let text = values[language] { return text }
        if let text = values["en"] { return text }
        return values.keys.sorted().first.flatMap { values[$0] } ?? ""
    }

    /// Every translation, in a stable order, for searching.
    package var all: [String] {
        values.keys.sorted().compactMap { values[$0] }
    }
}
