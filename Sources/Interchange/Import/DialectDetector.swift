import Foundation

/// Tells an export's dialect from its file name and first bytes, or names the candidates.
package enum DialectDetector {
    package enum Outcome: Sendable, Equatable {
        case detected(Dialect)
        /// Several dialects fit: ask for `--dialect` naming these.
        case ambiguous([Dialect])
        /// Nothing fits: not an export Osaava knows.
        case unknown
    }

    package static func detect(fileName: String, data: Data) -> Outcome {
        let name = fileName.lowercased()
        if name.hasSuffix(".zip") { return .detected(.odk) }
        if name.hasSuffix(".xlsx") || ZipEntries.isZip(data) {
            return workbook(data)
        }
        let text = TextDecoding.decode(data.prefix(64 * 1024)).text
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let header = Set(
            firstLine.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" })
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")).lowercased() })
        if header.isSuperset(of: ["response_id", "skill", "people"]) { return .detected(.osaava) }
        if header.isSuperset(of: ["id", "submitdate", "lastpage", "startlanguage"]) { return .detected(.limesurvey) }
        if header.contains("_uuid") && header.contains("_index") { return .detected(.kobo) }
        if header.contains("submissiondate") && (header.contains("key") || header.contains("meta-instanceid")) {
            return .detected(.odk)
        }
        if header.contains("vastaaja") || header.contains("respondent") || header.contains("vastausaika") {
            return .detected(.webropol)
        }
        return name.hasSuffix(".csv") ? .ambiguous([.webropol, .limesurvey, .osaava]) : .unknown
    }

    /// Kobo's workbook carries its system columns; Webropol's has question texts and its respondent
    /// and answer-time columns. The strings are compressed inside the file: the sheet must be read.
    private static func workbook(_ data: Data) -> Outcome {
        guard let sheets = try? XLSXReader.read(data), let header = sheets.first?.rows.first?.fields else {
            return .ambiguous([.webropol, .kobo])
        }
        let names = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        if !names.isDisjoint(with: ["_uuid", "_index", "_submission_time"]) { return .detected(.kobo) }
        if !names.isDisjoint(with: ["vastaaja", "respondent", "vastausaika"]) { return .detected(.webropol) }
        return .ambiguous([.webropol, .kobo])
    }
}
