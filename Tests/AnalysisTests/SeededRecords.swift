import Catalog

/// Seeded random need records for the analysis's property tests (SplitMix64: the same seed gives
/// the same records on every machine).
struct SeededRecords {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }

    /// `count` needs of `organisations` organisations, each mostly in its own region.
    mutating func records(organisations: Int, count: Int) -> [NeedRecord] {
        let regions = ["kokkola", "vaasa", "pori", "turku", "other"]
        let regionOf = (0..<organisations).map { _ in pick(regions) }
        return (0..<count).map { _ in
            let organisation = Int(next() % UInt64(organisations))
            let skill = pick(["CELL02", "CELL06", "RAW04", "RAW05", "REG04", "TEST03"])
            return Records.need(
                organisation, next() % 5 == 0 ? pick(regions) : regionOf[organisation], skill,
                level: 1 + Int(next() % 4), people: 1 + Int(next() % 40), horizon: pick(["now", "1-2y", "3-5y"]),
                priority: 1 + Int(next() % 5),
                formats: ["degree", "module", "short-course"].filter { _ in next() % 3 == 0 },
                sector: pick(["chemicals", "mining", "recycling"]), size: pick(["small", "large"]),
                round: pick(["2026", "2027"]))
        }
    }
}
