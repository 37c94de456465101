import Catalog
import Testing

@testable import Store

/// The rollup definition's stored form, written by hand for plain codes, is the text JSONEncoder
/// writes: rollups stored by either stay valid.
@Suite struct RollupStoredFormTests {
    @Test func handWrittenFormIsWhatJSONEncoderWritesOnSeededDefinitions() throws {
        // Given seeded definitions whose codes mix cases, digits and punctuation JSON writes as is
        var generator = SeededGenerator(seed: 77)
        let alphabet = Array("ABCXYZabcxyz0123456789-_. :~")
        func code() -> String {
            String(
                (0..<Int.random(in: 1...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for _ in 0..<300 {
            let groupings = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                Array(
                    RollupDefinition.attributes.shuffled(using: &generator).prefix(
                        Int.random(in: 0...3, using: &generator)))
            }
            var skillGroups: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...40, using: &generator) { skillGroups[code()] = code() }
            let definition = RollupDefinition(groupings: groupings, skillGroups: skillGroups)

            // When the stored form is written by hand and by JSONEncoder
            // Then the two texts are equal
            #expect(try RollupPlan.storedForm(definition) == RollupPlan.encodedForm(definition))
        }
    }

    @Test func codesJSONMustEscapeAreWrittenByJSONEncoder() throws {
        // Given codes with a slash, a quote, a backslash and a non-ASCII letter
        for odd in ["A/B", "say \"hi\"", "back\\slash", "Käyttö", "tab\tstop"] {
            let definition = RollupDefinition(groupings: [["skill"]], skillGroups: [odd: "G", "H": odd])

            // Then the stored form is JSONEncoder's, and reads back as the same definition
            let stored = try RollupPlan.storedForm(definition)
            #expect(stored == (try RollupPlan.encodedForm(definition)))
            #expect(RollupPlan.parse(stored) == definition)
        }
    }
}
