import Yams

/// Reads `kind: settings`: the thresholds and weights every other file and module relies on.
enum SettingsDecoder {
    static func decode(_ root: Node, reader: YAMLReader) -> Settings? {
        guard
            let top = reader.map(
                root,
                keys: [
                    "formatVersion", "kind", "languages", "minRespondents", "sharedRegions", "otherRegion", "people",
                    "priority", "horizons", "credits",
                ], what: "the settings")
        else { return nil }
        let languages = top.strings("languages", required: true)
        if languages.isEmpty {
            reader.log.add(
                reader.file, top.lineOf("languages"), "the settings name no languages",
                fix: "add e.g. \"languages: [fi, sv, en]\"")
        }
        let textReader = YAMLReader(file: reader.file, languages: languages, log: reader.log)
        let minRespondents = top.int("minRespondents") ?? 3
        if minRespondents < 1 {
            reader.log.add(
                reader.file, top.lineOf("minRespondents"), "minRespondents must be at least 1", fix: "use e.g. 3")
        }
        let sharedRegions = top.int("sharedRegions") ?? 3
        let people = range(top["people"], name: "people", reader: reader) ?? 1...10_000
        var priorityRange = 1...5
        var priorityWeights: [Int: Double] = [:]
        if let priority = reader.map(top["priority"], keys: ["min", "max", "weights"], what: "priority") {
            if let low = priority.int("min"), let high = priority.int("max"), low <= high { priorityRange = low...high }
            if case .mapping(let weights)? = priority["weights"] {
                for (key, value) in weights {
                    guard let rank = key.int, let weight = value.float ?? value.int.map(Double.init) else {
                        reader.log.add(
                            reader.file, reader.line(key), "a priority weight must map a priority to a number",
                            fix: "write e.g. \"5: 1.0\"")
                        continue
                    }
                    priorityWeights[rank] = weight
                }
            }
            for rank in priorityRange where priorityWeights[rank] == nil {
                reader.log.add(
                    reader.file, priority.lineOf("weights"), "priority \(rank) has no weight",
                    fix: "add \"\(rank): ...\" under priority.weights")
            }
        } else {
            reader.log.add(
                reader.file, top.line, "the settings have no priority scale",
                fix: "add \"priority: {min: 1, max: 5, weights: {...}}\"")
        }
        var horizons: [Horizon] = []
        for node in reader.list(top["horizons"], what: "horizons") {
            guard let map = textReader.map(node, keys: ["code", "years", "weight", "name"], what: "a horizon"),
                let code = map.string("code"), let years = map.double("years"), let name = map.text("name")
            else { continue }
            if years <= 0 {
                reader.log.add(
                    reader.file, map.lineOf("years"), "horizon \"\(code)\" must span a positive number of years",
                    fix: "use e.g. 1")
            }
            horizons.append(Horizon(code: code, years: max(years, 1), weight: map.double("weight") ?? 1, name: name))
        }
        if horizons.isEmpty {
            reader.log.add(
                reader.file, top.line, "the settings define no horizons",
                fix: "add e.g. \"horizons: [{code: now, years: 1, ...}]\"")
        }
        var units: [CreditUnit] = []
        var base = "ects"
        var termCredits = 30.0
        if let credits = reader.map(top["credits"], keys: ["base", "termCredits", "units"], what: "credits") {
            base = credits.string("base") ?? base
            termCredits = credits.double("termCredits") ?? termCredits
            for node in reader.list(credits["units"], what: "credit units") {
                guard let map = textReader.map(node, keys: ["code", "toBase", "name"], what: "a credit unit"),
                    let code = map.string("code"), let factor = map.double("toBase"), let name = map.text("name")
                else { continue }
                units.append(CreditUnit(code: code, toBase: factor, name: name))
            }
            if !units.contains(where: { $0.code == base }) {
                reader.log.add(
                    reader.file, credits.lineOf("base"), "the base credit unit \"\(base)\" is not among the units",
                    fix: "add it to credits.units")
            }
        } else {
            reader.log.add(
                reader.file, top.line, "the settings define no credit units",
                fix: "add \"credits: {base: ects, termCredits: 30, units: [...]}\"")
        }
        return Settings(
            languages: languages.isEmpty ? ["en"] : languages, minRespondents: max(minRespondents, 1),
            sharedRegions: sharedRegions, otherRegion: top.string("otherRegion") ?? "other", peopleRange: people,
            priorityRange: priorityRange, priorityWeights: priorityWeights, horizons: horizons, creditUnits: units,
            baseCreditUnit: base, termCredits: termCredits)
    }

    private static func range(_ node: Node?, name: String, reader: YAMLReader) -> ClosedRange<Int>? {
        guard let map = reader.map(node, keys: ["min", "max"], what: name),
            let low = map.int("min"), let high = map.int("max")
        else { return nil }
        guard low <= high else {
            reader.log.add(reader.file, map.line, "\(name): min \(low) is above max \(high)", fix: "swap them")
            return nil
        }
        return low...high
    }
}
