import Catalog

/// Need records written by hand for the report tests.
enum ReportRecords {
    static func need(
        _ organisation: Int, _ region: String, _ skill: String, level: Int = 2, people: Int = 1,
        horizon: String = "now", priority: Int = 3, formats: [String] = ["module"]
    ) -> NeedRecord {
        NeedRecord(
            organisation: organisation, round: "2026", region: region, sector: "chemicals", size: "small",
            skill: skill, group: String(skill.prefix { $0.isLetter }), level: level, people: people,
            horizon: horizon, priority: priority, formats: formats)
    }

    /// Twelve organisations in four regions. CELL02 is needed in Kokkola, Vaasa and Pori by three
    /// organisations each (a shared need); RAW04 by three in Kokkola (2 400 people, for the thousands
    /// separator); REC06 by only two, in Pori,
    /// with a distinctive 777 people that must never be shown.
    static let fixed: [NeedRecord] = {
        var records: [NeedRecord] = []
        for (region, first) in [("kokkola", 1), ("vaasa", 4), ("pori", 7)] {
            for organisation in first..<first + 3 {
                records.append(
                    need(
                        organisation, region, "CELL02", level: 3, people: 4 + organisation, horizon: "1-2y", priority: 5
                    ))
            }
        }
        for organisation in 1...3 {
            records.append(need(organisation, "kokkola", "RAW04", people: 400 * organisation, horizon: "3-5y"))
        }
        records.append(need(10, "turku", "TEST03", people: 2))
        records.append(need(11, "turku", "TEST03", people: 3))
        records.append(need(12, "turku", "TEST03", people: 4))
        records.append(need(7, "pori", "REC06", level: 2, people: 700, priority: 4))
        records.append(need(8, "pori", "REC06", level: 2, people: 77, priority: 4))
        return records
    }()
}
