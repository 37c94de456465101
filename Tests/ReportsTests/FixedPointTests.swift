import Catalog
import Foundation
import Testing

@testable import Reports

/// `FixedPoint` writes what C's printf ("%.Nf") writes, byte for byte: exact halves to even,
/// "-0.0" for small negatives, every magnitude the listings show.
@Suite struct FixedPointTests {
    private func expectSame(_ value: Double, _ places: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = String(format: "%.\(places)f", value)
        #expect(
            FixedPoint.string(value, places: places) == expected, "\(value) at \(places)",
            sourceLocation: sourceLocation)
    }

    @Test func exactHalvesRoundToEvenAndSignsAreKept() {
        for value in [
            0.125, 0.375, 2.5, 3.5, -2.5, 0.5, 1.5, 0.0625, 1e-300, -1e-300, 0.0, -0.0, -0.04, 0.05, 0.15,
            0.25, 1.005, 2.675, 1234.5678, 999.9995, 9.995, 0.045, 1e15 + 0.5, 4_503_599_627_370_495.5,
        ] {
            for places in 0...6 { expectSame(value, places) }
        }
    }

    @Test func agreesWithPrintfOnSeededValuesOfEveryMagnitude() {
        var random = SeededGenerator(seed: 2026)
        for _ in 0..<50_000 {
            let bits = random.next()
            // a magnitude from 1e-6 to 1e12, and sometimes a value on a binary fraction (ties)
            let magnitude = pow(10, Double(bits % 19) - 6)
            var value = Double(random.next() % 1_000_000_000) / 1_000_000_000 * magnitude
            if bits & 0x100 != 0 { value = (value * 1024).rounded() / 1024 }
            if bits & 0x200 != 0 { value = -value }
            expectSame(value, Int(bits >> 60) % 7)
        }
    }

    @Test func nonFiniteAndHugeValuesFallBackToPrintf() {
        for value in [Double.infinity, -Double.infinity, Double.nan, 1e300, -0x1p70] { expectSame(value, 2) }
    }
}
