import Foundation

/// A listing as `--format table|csv|json` shows it: named columns and rows of values.
package struct Listing: Sendable, Hashable {
    package enum Value: Sendable, Hashable {
        case text(String)
        case integer(Int)
        case decimal(Double, places: Int)
        /// Hidden by k-anonymity: empty in CSV, null in JSON, `..` in a table.
        case suppressed
        case empty
    }

    package var columns: [String]
    package var rows: [[Value]]
    /// Lines shown under a table (footnotes); CSV and JSON carry the same facts in their values.
    package var notes: [String]

    package init(columns: [String], rows: [[Value]], notes: [String] = []) {
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}

package enum ListingFormat: String, Sendable, CaseIterable {
    case table, csv, json
}

extension Listing {
    package func render(_ format: ListingFormat) -> String {
        switch format {
        case .table: renderTable()
        case .csv: renderCSV()
        case .json: renderJSON()
        }
    }

    private func plain(_ value: Value) -> String {
        switch value {
        case .text(let text): text
        case .integer(let number): String(number)
        case .decimal(let number, let places): FixedPoint.string(number, places: places)
        case .suppressed, .empty: ""
        }
    }

    private func renderTable() -> String {
        let cells = rows.map { row in
            row.map { value -> String in
                if case .suppressed = value { return MarkdownReport.suppressedMarker }
                return plain(value)
            }
        }
        let widths = columns.indices.map { column in
            ([columns[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
        }
        // A column is right-aligned when every value in it is a number (or hidden).
        let numeric = columns.indices.map { column in
            !rows.isEmpty
                && rows.allSatisfy { row in
                    switch row[column] {
                    case .integer, .decimal, .suppressed, .empty: true
                    case .text: false
                    }
                }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                let pad = String(repeating: " ", count: widths[index] - value.count)
                return numeric[index] ? pad + value : value + pad
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        var out = [line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += cells.map(line)
        out += notes
        return out.joined(separator: "\n") + "\n"
    }

    private func renderCSV() -> String {
        func quote(_ text: String) -> String {
            // `isNewline`: Swift reads "\r\n" as one Character, equal to neither "\r" nor "\n".
            text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let lines =
            [columns.map(quote).joined(separator: ",")]
            + rows.map { $0.map { quote(plain($0)) }.joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private func renderJSON() -> String {
        let objects = rows.map { row -> String in
            var suppressed = false
            var fields = zip(columns, row).map { column, value -> String in
                let json: String
                switch value {
                case .text(let text): json = JSONText.string(text)
                case .integer(let number): json = String(number)
                case .decimal(let number, let places): json = FixedPoint.string(number, places: places)
                case .suppressed:
                    suppressed = true
                    json = "null"
                case .empty: json = "null"
                }
                return "\(JSONText.string(column)): \(json)"
            }
            fields.append("\"suppressed\": \(suppressed)")
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + (objects.isEmpty ? "]\n" : "\n]\n")
    }
}

/// JSON string literals written by hand, so that key order and escaping are fixed byte for byte.
package enum JSONText {
    package static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
