import Catalog

/// Seeded random need records for the analysis's property tests (SplitMix64: the same seed gives
/// the same records on every machine).
struct SeededRecords {
    private var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    mutating func next() -> UInt64 { random.next() }

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
