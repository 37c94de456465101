import Catalog
import Foundation

/// Reads the needs CSV (the `osaava` dialect, DESIGN.md) as its bytes arrive, handing over each
/// response as soon as its rows are read: one row per competence need, the rows of a response
/// next to each other (as `survey responses --format csv` writes them). The organisation's region
/// is the region of the response's first row.
///
/// Memory holds one response, whatever the file's size. A response whose rows are not all next
/// to each other (a file sorted by another column) is found out only later: the reader then asks
/// to be run again over the whole file (`nextPass`) with that response's rows gathered apart and
/// handed over at the end. The same happens when bytes that are not UTF-8 follow text that was
/// read as UTF-8: the file is then Windows-1252 throughout, as `TextDecoding` decides.
///
/// Rows are checked on a fast path (codes looked up by their bytes, the columns a response's rows
/// share compared with its first row's bytes); a row it does not accept is checked field by field
/// by `CodeValidator`, so that it is accepted or rejected with the same reasons as ever.
package struct NeedsCSVStream {
    /// How to read the file: which responses to gather apart, and in which encoding.
    package struct Pass: Sendable, Equatable {
        package var deferring: Set<String> = []
        package var encoding: TextDecoding.Encoding?

        package init(deferring: Set<String> = [], encoding: TextDecoding.Encoding? = nil) {
            self.deferring = deferring
            self.encoding = encoding
        }
    }

    /// A response being read: its first row's values, and its needs so far.
    private struct Group {
        var head: Head
        var needs: [Need]
    }

    /// What every row of a response must repeat (checked against a later row without touching
    /// the group's needs, which a copy would duplicate).
    private struct Head {
        var id: String
        var line: Int
        var organisation: Organisation
        var round: String
    }

    /// A row that passed the checks.
    private struct Row {
        var id: String
        var name: String
        var region: String
        var sector: String?
        var size: String?
        var round: String
        var need: Need
    }

    private let catalog: Catalog
    private let survey: SurveyDefinition
    private let now: String
    private let pass: Pass
    private let codes: NeedsCSVCodes
    private let validator: CodeValidator
    /// The vocabularies the survey's sector, size and format questions draw from (nil: any value).
    private let sectorSource: String?
    private let sizeSource: String?
    private let formatSource: String?
    private let surveyCode: [UInt8]

    /// Bytes held until the first line is whole (its delimiters choose the file's).
    private var start: [UInt8] = []
    private var scanner: CSVStreamScanner?
    private var encoding: TextDecoding.Encoding
    private var check = UTF8StreamCheck()
    /// The header's column index of each of `NeedsCSV.columns`.
    private var columns: [Int] = []
    private var group: Group?
    /// The current response's first row's bytes of the columns all its rows share (id,
    /// organisation, sector, size, survey, round), back to back, and where each ends.
    private var shared: [UInt8] = []
    private var sharedEnds: [Int] = []
    private var headerRead = false
    private var seen: Set<String> = []
    private var deferred: [String: Group] = [:]
    private var deferredOrder: [String] = []
    private var stopped = false

    /// The file's header as read (for a rejects file in the same shape).
    package private(set) var header: [String] = []
    /// Data rows read.
    package private(set) var rows = 0
    /// Responses handed over.
    package private(set) var responses = 0
    package private(set) var rejected: [RejectedRow] = []
    /// The file as a whole cannot be read (not CSV, no header, a column missing): `rejected`
    /// says why, and no response handed over may be kept.
    package private(set) var isRefused = false
    /// Set when the file must be read again, this way, before anything read can be kept.
    package private(set) var nextPass: Pass?
    /// Responses whose rows were not next to each other.
    private var scattered: Set<String> = []

    /// True as soon as it is known that the file must be read again: what is handed over from
    /// then on need not be written.
    package var mustReadAgain: Bool { nextPass != nil || !scattered.isEmpty }

    package init(catalog: Catalog, survey: SurveyDefinition, now: String, pass: Pass = Pass()) {
        self.catalog = catalog
        self.survey = survey
        self.now = now
        self.pass = pass
        codes = NeedsCSVCodes(catalog: catalog, survey: survey)
        validator = CodeValidator(catalog: catalog)
        encoding = pass.encoding ?? .utf8
        func source(_ field: Field) -> String? {
            survey.allQuestions.first { $0.field == field }?.options
        }
        sectorSource = source(.organisationSector)
        sizeSource = source(.organisationSize)
        formatSource = source(.needFormats)
        surveyCode = Array(survey.code.utf8)
    }

    /// Reads the next bytes of the file, handing over the responses they complete.
    package mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (ImportedResponse) throws -> Void) throws {
        guard !stopped else { return }
        if scanner == nil {
            start.append(contentsOf: bytes)
            guard Self.firstLineEnd(start) != nil else { return }
            try begin(emit)
            return
        }
        try scan(bytes, emit)
    }

    /// The file has ended: hands over the last response and those gathered apart.
    package mutating func finish(_ emit: (ImportedResponse) throws -> Void) throws {
        guard !stopped else { return }
        if scanner == nil { try begin(emit) }
        guard !stopped, var scanner else { return }
        if encoding == .utf8 {
            check.finish()
            if check.failed { try switchToWindows1252() }
            guard !stopped else { return }
        }
        self.scanner = nil
        do {
            try scanner.finish { record in try self.record(record, emit) }
        } catch let error as CSVError {
            refuse(RejectedRow(line: error.line, column: nil, reason: error.message))
            return
        }
        guard !stopped else { return }
        if !headerRead {
            refuse(RejectedRow(line: 1, column: nil, reason: "the file is empty; export it again with a header row"))
            return
        }
        try close(emit)
        for id in deferredOrder {
            if let entry = deferred.removeValue(forKey: id) { try hand(entry, emit) }
        }
        deferred = [:]
        if !scattered.isEmpty {
            nextPass = Pass(deferring: pass.deferring.union(scattered), encoding: encoding)
        }
    }

    // MARK: - Bytes

    /// The end of the first line outside quotes, the way `CSVParser.detectDelimiter` reads it.
    private static func firstLineEnd(_ bytes: [UInt8]) -> Int? {
        var quoted = false
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && byte == UInt8(ascii: "\n") { return index }
        }
        return nil
    }

    /// The first line is whole (or the file ended): chooses the encoding and the delimiter, then
    /// reads what was held.
    private mutating func begin(_ emit: (ImportedResponse) throws -> Void) throws {
        var bytes = start
        start = []
        if pass.encoding == nil && bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            encoding = .utf8WithBOM
        }
        scanner = CSVStreamScanner(delimiter: Self.delimiter(bytes))
        try bytes.withUnsafeBufferPointer { try scan($0, emit) }
    }

    /// The candidate that occurs most often outside quotes on the first line (`CSVParser`'s rule).
    private static func delimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && byte == UInt8(ascii: "\n") { break }
            if !quoted, let count = counts[byte] { counts[byte] = count + 1 }
        }
        var best = UInt8(ascii: ",")
        for candidate in [UInt8(ascii: ";"), UInt8(ascii: "\t")] where (counts[candidate] ?? 0) > (counts[best] ?? 0) {
            best = candidate
        }
        return best
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (ImportedResponse) throws -> Void) throws {
        guard var scanner else { return }
        if encoding == .utf8 {
            check.check(bytes)
            if check.failed { try switchToWindows1252() }
            guard !stopped else { return }
        }
        // The scanner is taken out while it calls back into this reader.
        self.scanner = nil
        do {
            try scanner.scan(bytes) { record in try self.record(record, emit) }
        } catch let error as CSVError {
            refuse(RejectedRow(line: error.line, column: nil, reason: error.message))
            return
        }
        self.scanner = scanner
    }

    /// A byte that is not UTF-8: the file is Windows-1252. Only ASCII read so far reads the same
    /// either way; otherwise the file is read again.
    private mutating func switchToWindows1252() throws {
        if check.sawNonASCII {
            nextPass = Pass(deferring: pass.deferring, encoding: .windows1252)
            stopped = true
        } else {
            encoding = .windows1252
        }
    }

    private mutating func refuse(_ reason: RejectedRow) {
        rejected = [reason]
        rows = 0
        responses = 0
        isRefused = true
        stopped = true
    }

    // MARK: - Records

    private mutating func record(_ record: CSVStreamScanner.Record, _ emit: (ImportedResponse) throws -> Void) throws {
        guard !stopped else { return }
        if !headerRead {
            readHeader(record)
            return
        }
        rows += 1
        if group != nil && fastPath(record) { return }
        if let row = quickRow(record) {
            try place(row, record, emit)
            return
        }
        try slowPath(record, emit)
    }

    private mutating func readHeader(_ record: CSVStreamScanner.Record) {
        headerRead = true
        header = (0..<record.count).map { text(record.field($0)).trimmingWhitespace() }
        var problems: [RejectedRow] = []
        for name in NeedsCSV.columns {
            guard let index = header.firstIndex(where: { $0.lowercased() == name }) else {
                problems.append(
                    RejectedRow(
                        line: 1, column: name,
                        reason:
                            "the header has no \"\(name)\" column; the needs CSV needs: \(NeedsCSV.columns.joined(separator: ","))"
                    ))
                continue
            }
            columns.append(index)
        }
        if !problems.isEmpty {
            rejected = problems
            isRefused = true
            stopped = true
        }
    }

    /// Appends the row's need to the response being read when the row shares its first row's
    /// bytes in the shared columns and every need column is a plain code or number; false when
    /// the slow path must decide.
    private mutating func fastPath(_ record: CSVStreamScanner.Record) -> Bool {
        let ends = sharedEnds
        let columns = columns
        let same = shared.withUnsafeBufferPointer { shared in
            for (position, column) in Self.sharedColumns.enumerated() {
                let start = position == 0 ? 0 : ends[position - 1]
                let field = record.field(columns[column])
                guard ByteKeyTable<String>.same(field, UnsafeBufferPointer(rebasing: shared[start..<ends[position]]))
                else { return false }
            }
            return true
        }
        guard same,
            let region = codes.regions.value(NeedsCSVCodes.trimmed(record.field(columns[2]))),
            let skill = codes.skills.value(NeedsCSVCodes.trimmed(record.field(columns[5]))),
            let level = NeedsCSVCodes.integer(NeedsCSVCodes.trimmed(record.field(columns[6])), in: 0...Int.max),
            codes.levels.contains(level),
            let people = NeedsCSVCodes.integer(NeedsCSVCodes.trimmed(record.field(columns[7])), in: codes.people),
            let horizon = codes.horizons.value(NeedsCSVCodes.trimmed(record.field(columns[8]))),
            let priority = NeedsCSVCodes.integer(
                NeedsCSVCodes.trimmed(record.field(columns[9])), in: codes.priorities),
            let formats = codes.formatList(NeedsCSVCodes.trimmed(record.field(columns[10])))
        else { return false }
        self.group?.needs.append(
            Need(
                skill: skill, level: level, region: region, people: people, horizon: horizon, priority: priority,
                formats: formats))
        return true
    }

    /// The columns every row of a response repeats, as indices into `NeedsCSV.columns`.
    private static let sharedColumns = [0, 1, 3, 4, 11, 12]

    /// Checks the row field by field, as the reader always has, and files it under its response.
    private mutating func slowPath(_ record: CSVStreamScanner.Record, _ emit: (ImportedResponse) throws -> Void) throws
    {
        switch validate(fields(record), line: record.line) {
        case .failure(let problems): rejected += problems.rows
        case .success(let row): try place(row, record, emit)
        }
    }

    /// A valid row's place: the response being read, one gathered apart, or a new response.
    private mutating func place(
        _ row: Row, _ record: CSVStreamScanner.Record, _ emit: (ImportedResponse) throws -> Void
    ) throws {
        let need = row.need
        if let head = group?.head, head.id == row.id {
            guard agrees(row, head, record) else { return }
            group?.needs.append(need)
            return
        }
        if pass.deferring.contains(row.id) {
            if let head = deferred[row.id]?.head {
                guard agrees(row, head, record) else { return }
                deferred[row.id]?.needs.append(need)
            } else {
                deferred[row.id] = Group(head: Self.head(row, record), needs: [need])
                deferredOrder.append(row.id)
            }
            return
        }
        if seen.contains(row.id) {
            // Its earlier rows were handed over as a whole response: the file is read again.
            scattered.insert(row.id)
            return
        }
        try close(emit)
        seen.insert(row.id)
        group = Group(head: Self.head(row, record), needs: [need])
        shared.removeAll(keepingCapacity: true)
        sharedEnds.removeAll(keepingCapacity: true)
        for column in Self.sharedColumns {
            shared.append(contentsOf: record.field(columns[column]))
            sharedEnds.append(shared.count)
        }
    }

    /// A row whose every field is plain (codes, numbers, text without white space other than
    /// ASCII at its ends): what `validate` would make of it, for less; nil when `validate` must decide.
    private func quickRow(_ record: CSVStreamScanner.Record) -> Row? {
        func field(_ position: Int) -> UnsafeBufferPointer<UInt8> {
            NeedsCSVCodes.trimmed(record.field(columns[position]))
        }
        /// The text, or nil when an end is not ASCII (other white space may be there).
        func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            guard let first = bytes.first, let last = bytes.last else { return "" }
            guard first < 0x80 && last < 0x80 else { return nil }
            return text(bytes)
        }
        func term(_ bytes: UnsafeBufferPointer<UInt8>, _ table: ByteKeyTable<String>?) -> String?? {
            guard !bytes.isEmpty else { return .some(nil) }
            guard let table else { return plain(bytes).map { .some($0) } }
            return table.value(bytes).map { .some($0) }
        }
        let survey = field(11)
        guard let id = plain(field(0)), !id.isEmpty, let name = plain(field(1)), !name.isEmpty,
            survey.isEmpty || surveyCode.withUnsafeBufferPointer({ ByteKeyTable<String>.same($0, survey) }),
            let region = codes.regions.value(field(2)),
            let sector = term(field(3), codes.sectors), let size = term(field(4), codes.sizes),
            let skill = codes.skills.value(field(5)),
            let level = NeedsCSVCodes.integer(field(6), in: 0...Int.max), codes.levels.contains(level),
            let people = NeedsCSVCodes.integer(field(7), in: codes.people),
            let horizon = codes.horizons.value(field(8)),
            let priority = NeedsCSVCodes.integer(field(9), in: codes.priorities),
            let formats = codes.formatList(field(10)),
            let round = plain(field(12))
        else { return nil }
        return Row(
            id: id, name: name, region: region, sector: sector, size: size,
            round: round.isEmpty ? self.survey.round : round,
            need: Need(
                skill: skill, level: level, region: region, people: people, horizon: horizon, priority: priority,
                formats: formats))
    }

    private func fields(_ record: CSVStreamScanner.Record) -> [String] {
        (0..<record.count).map { text(record.field($0)) }
    }

    /// Whether the row names the organisation, sector, size and round its response's first row
    /// does; if not, it is rejected.
    private mutating func agrees(_ row: Row, _ head: Head, _ record: CSVStreamScanner.Record) -> Bool {
        let organisation = head.organisation
        guard organisation.name == row.name, organisation.sector == row.sector, organisation.size == row.size,
            head.round == row.round
        else {
            rejected.append(
                RejectedRow(
                    line: record.line, column: "organisation",
                    reason:
                        "response \(row.id) has another organisation, sector, size or round on line \(head.line); "
                        + "all rows of one response must agree", record: fields(record)))
            return false
        }
        return true
    }

    private static func head(_ row: Row, _ record: CSVStreamScanner.Record) -> Head {
        Head(
            id: row.id, line: record.line,
            organisation: Organisation(name: row.name, region: row.region, sector: row.sector, size: row.size),
            round: row.round)
    }

    /// Hands over the response being read, if any.
    private mutating func close(_ emit: (ImportedResponse) throws -> Void) throws {
        guard let current = group else { return }
        group = nil
        try hand(current, emit)
    }

    private mutating func hand(_ group: Group, _ emit: (ImportedResponse) throws -> Void) throws {
        let head = group.head
        let response = SurveyResponse(
            id: head.id, survey: survey.code, round: head.round, language: catalog.settings.defaultLanguage,
            organisation: head.organisation, needs: group.needs, research: Research(),
            consent: Consent(
                publish: true, contact: false, planning: false, textVersion: "import:osaava", givenAt: now),
            synthetic: false, answers: [], answersDerived: true)
        responses += 1
        try emit(ImportedResponse(response: response, line: head.line))
    }

    private func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        TextDecoding.string(bytes, encoding)
    }

    /// The row's values, or every problem with it (line, column, reason), by `CodeValidator`.
    private func validate(_ fields: [String], line: Int) -> Result<Row, RejectedRows> {
        func field(_ position: Int) -> String {
            let column = columns[position]
            return column < fields.count ? fields[column].trimmingWhitespace() : ""
        }
        var problems: [RejectedRow] = []
        func check<T>(_ name: String, _ result: Result<T, CodeProblem>) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(let problem):
                problems.append(RejectedRow(line: line, column: name, reason: problem.message, record: fields))
                return nil
            }
        }
        let id = field(0)
        if id.isEmpty {
            problems.append(
                RejectedRow(
                    line: line, column: "response_id", reason: "is empty; every row needs the id of its response",
                    record: fields))
        }
        let name = field(1)
        if name.isEmpty {
            problems.append(
                RejectedRow(
                    line: line, column: "organisation", reason: "is empty; give the organisation's name or pseudonym",
                    record: fields))
        }
        let surveyCode = field(11)
        if !surveyCode.isEmpty && surveyCode != survey.code {
            problems.append(
                RejectedRow(
                    line: line, column: "survey",
                    reason:
                        "is \"\(surveyCode)\" but the import is for \(survey.code); import it with --survey \(surveyCode)",
                    record: fields))
        }
        let region = check("region", validator.region(field(2)))
        let sector = check("sector", validator.optionalTerm(field(3), source: sectorSource))
        let size = check("size", validator.optionalTerm(field(4), source: sizeSource))
        let skill = check("skill", validator.skill(field(5)))
        let level = check("level", validator.level(field(6)))
        let people = check(
            "people", validator.integer(field(7), in: catalog.settings.peopleRange, what: "people"))
        let horizon = check("horizon", validator.horizon(field(8)))
        let priority = check(
            "priority", validator.integer(field(9), in: catalog.settings.priorityRange, what: "priority"))
        let formats = check(
            "format", validator.terms(field(10), separator: NeedsCSV.formatSeparator, source: formatSource))
        guard problems.isEmpty, let region, let sector, let size, let skill, let level, let people, let horizon,
            let priority, let formats
        else { return .failure(RejectedRows(problems)) }
        let round = field(12).isEmpty ? survey.round : field(12)
        return .success(
            Row(
                id: id, name: name, region: region, sector: sector, size: size, round: round,
                need: Need(
                    skill: skill, level: level, region: region, people: people, horizon: horizon, priority: priority,
                    formats: formats)))
    }

}

extension String {
    /// Without spaces, tabs and other horizontal white space at either end (`.whitespaces`).
    fileprivate func trimmingWhitespace() -> String {
        trimmingCharacters(in: .whitespaces)
    }
}
