import Catalog

/// Need records written by hand: organisation, region, skill and what was asked for.
enum Records {
    static func need(
        _ organisation: Int, _ region: String, _ skill: String, level: Int = 2, people: Int = 1,
        horizon: String = "now", priority: Int = 3, formats: [String] = [], sector: String = "chemicals",
        size: String = "small", round: String = "2026"
    ) -> NeedRecord {
        NeedRecord(
            organisation: organisation, round: round, region: region, sector: sector, size: size, skill: skill,
            group: String(skill.prefix { $0.isLetter }), level: level, people: people, horizon: horizon,
            priority: priority, formats: formats)
    }

    /// Six organisations, two skills of three organisations each: nothing is suppressed by skill.
    static let small: [NeedRecord] = [
        need(1, "kokkola", "CELL02", level: 2, people: 10, horizon: "now", priority: 5, formats: ["module"]),
        need(1, "kokkola", "CELL02", level: 3, people: 5, horizon: "3-5y", priority: 3, formats: ["degree", "module"]),
        need(2, "vaasa", "CELL02", level: 2, people: 4, horizon: "1-2y", priority: 4, formats: ["short-course"]),
        need(3, "pori", "CELL02", level: 1, people: 6, horizon: "now", priority: 1, formats: []),
        need(4, "pori", "RAW04", level: 2, people: 3, horizon: "now", priority: 2, formats: ["module"]),
        need(5, "vaasa", "RAW04", level: 2, people: 7, horizon: "3-5y", priority: 5, formats: ["degree"]),
        need(6, "turku", "RAW04", level: 4, people: 2, horizon: "1-2y", priority: 3, formats: ["module"]),
    ]
}
