import Reports
import Testing

@Suite struct NumberStyleTests {
    private let noBreakSpace = "\u{00A0}"
    private let minusSign = "\u{2212}"

    @Test(arguments: ["fi", "sv"])
    func finnishAndSwedishGroupWithANoBreakSpaceAndUseTheMinusSign(_ language: String) {
        // Given the Finnish or Swedish style
        let style = NumberStyle(language: language)

        // Then thousands are grouped with U+00A0, decimals follow a comma, negatives take U+2212
        #expect(style.integer(1_234_567) == "1\(noBreakSpace)234\(noBreakSpace)567")
        #expect(style.integer(999) == "999")
        #expect(style.integer(1000) == "1\(noBreakSpace)000")
        #expect(style.integer(-1234) == "\(minusSign)1\(noBreakSpace)234")
        #expect(style.decimal(1234.56) == "1\(noBreakSpace)234,6")
        #expect(style.decimal(0.05, places: 2) == "0,05")
        #expect(style.decimal(-2.25) == "\(minusSign)2,3")
        #expect(style.decimal(7, places: 0) == "7")
        #expect(style.percent(0.375) == "38\(noBreakSpace)%")
        #expect(style.percent(1) == "100\(noBreakSpace)%")
        // And no ordinary space or hyphen-minus sneaks in
        let sample = style.integer(-1_234_567) + style.decimal(-1234.5) + style.percent(0.5)
        #expect(!sample.contains(" ") && !sample.contains("-"))
    }

    @Test func englishUsesCommaGroupsPointDecimalsAndTheHyphenMinus() {
        // Given the English style
        let style = NumberStyle(language: "en")

        // Then the ASCII characters are used
        #expect(style.integer(1_234_567) == "1,234,567")
        #expect(style.integer(-1234) == "-1,234")
        #expect(style.decimal(1234.56) == "1,234.6")
        #expect(style.decimal(-1234.5, places: 2) == "-1,234.50")
        #expect(style.decimal(-2.25) == "-2.3")
        #expect(style.percent(0.375) == "38%")
        #expect(style.percent(0.004) == "0%")
    }

    @Test func aNegativeNumberThatRoundsToZeroHasNoMinus() {
        // Given a small negative number
        // Then it rounds to zero without a sign, in every language
        #expect(NumberStyle(language: "fi").decimal(-0.04) == "0,0")
        #expect(NumberStyle(language: "en").decimal(-0.04) == "0.0")
    }

    @Test func anUnknownLanguageWritesNumbersTheEnglishWay() {
        #expect(NumberStyle(language: "de").integer(12_345) == "12,345")
    }
}
