import Catalog
import Foundation

/// The needs CSV (long format) of DESIGN.md: one row per competence need, RFC 4180, UTF-8.
/// It is both the raw export (`survey responses --format csv`) and the `osaava` import dialect.
package enum NeedsCSV {
    package static let columns = [
        "response_id", "organisation", "region", "sector", "size", "skill", "level", "people", "horizon", "priority",
        "format", "survey", "round",
    ]

    /// Several training formats in one cell are joined with this (never the CSV delimiter).
    package static let formatSeparator = "|"

    /// One row per need of each response; `organisation` names the organisation as the caller
    /// decides (a pseudonym unless identifiers were asked for).
    package static func write(_ responses: [(response: SurveyResponse, organisation: String)]) -> String {
        responses.reduce(into: header) { text, item in text += rows(of: item.response, organisation: item.organisation)
        }
    }

    /// The header line, CRLF-terminated: a streamed export writes it, then `rows` response by response.
    package static var header: String { columns.joined(separator: ",") + "\r\n" }

    /// The CRLF-terminated rows of one response's needs.
    package static func rows(of response: SurveyResponse, organisation: String) -> String {
        // The columns every need of the response repeats, quoted once.
        let head = [response.id, organisation].map(quote).joined(separator: ",") + ","
        let organisationColumns =
            ","
            + [response.organisation.sector ?? "", response.organisation.size ?? ""].map(quote).joined(separator: ",")
            + ","
        let tail = "," + [response.survey, response.round].map(quote).joined(separator: ",") + "\r\n"
        var text = ""
        for need in response.needs {
            text += head
            text += quote(need.region)
            text += organisationColumns
            text += quote(need.skill)
            text += ",\(need.level),\(need.people),"
            text += quote(need.horizon)
            text += ",\(need.priority),"
            text += quote(need.formats.joined(separator: formatSeparator))
            text += tail
        }
        return text
    }

    /// RFC 4180 quoting: only where needed, doubling quotes. `isNewline`, not `== "\n"`: Swift reads
    /// "\r\n" as one Character, equal to neither "\r" nor "\n".
    package static func quote(_ field: String) -> String {
        // Bytes first: almost every field is a plain code, and a byte scan is much cheaper than
        // walking Characters. Any byte ≥ 0x80 may start a Unicode line separator: checked properly.
        guard
            field.utf8.contains(where: {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ";") || $0 < 0x20
                    || $0 >= 0x80
            }),
            field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline || $0 == ";" })
        else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
