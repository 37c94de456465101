import Foundation

/// A CSV file parsed per RFC 4180, with the line each record starts on (for error messages).
package struct CSVTable: Sendable {
    package struct Row: Sendable {
        /// 1-based physical line where the record starts in the file.
        package var line: Int
        package var fields: [String]
    }

    package var header: [String]
    package var rows: [Row]
    package var delimiter: Character
    /// The line the header starts on (blank lines before it are skipped).
    package var headerLine = 1

    /// The value of `column` in `row`, or "" when the row is short (exports drop empty trailing columns).
    package func value(_ row: Row, _ column: Int) -> String {
        column < row.fields.count ? row.fields[column] : ""
    }

    package func column(_ name: String) -> Int? {
        header.firstIndex(of: name)
    }
}

/// Why a CSV file could not be read at all.
package struct CSVError: Error, CustomStringConvertible, Equatable {
    package var line: Int
    package var message: String

    package var description: String { "line \(line): \(message)" }
}

package enum CSVParser {
    /// Parses `text`; the delimiter is `,`, `;` or tab, detected from the header line unless given.
    /// Quoted fields may hold delimiters, quotes (doubled) and newlines; CRLF and LF both end records;
    /// blank lines (e.g. LimeSurvey's trailing one) are skipped.
    package static func parse(_ text: String, delimiter given: Character? = nil) throws(CSVError) -> CSVTable {
        let delimiter = given ?? detectDelimiter(text)
        var records: [CSVTable.Row] = []
        var field = ""
        var fields: [String] = []
        var line = 1
        var recordLine = 1
        var quoted = false
        var afterQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVTable.Row(line: recordLine, fields: fields))
            }
            fields = []
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            afterQuote = true
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    // Inside quotes, CRLF is kept as LF (LimeSurvey normalises embedded newlines too).
                    if scalar != "\r" { field.unicodeScalars.append(scalar) }
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
                afterQuote = false
            case _ where Character(scalar) == delimiter:
                fields.append(field)
                field = ""
                afterQuote = false
            default:
                if afterQuote {
                    throw CSVError(
                        line: line,
                        message: "text after a closing quote; a quote inside a quoted field must be doubled (\"\")")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw CSVError(line: recordLine, message: "a quoted field is never closed; add the missing quote") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else {
            throw CSVError(line: 1, message: "the file is empty; export it again with a header row")
        }
        return CSVTable(
            header: first.fields.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(records.dropFirst()),
            delimiter: delimiter, headerLine: first.line)
    }

    /// The candidate that occurs most often outside quotes on the first line.
    static func detectDelimiter(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted && (character == "\n" || character == "\r\n") { break }
            if !quoted, counts[character] != nil { counts[character, default: 0] += 1 }
        }
        var best: Character = ","
        for candidate: Character in [";", "\t"] where (counts[candidate] ?? 0) > (counts[best] ?? 0) {
            best = candidate
        }
        return best
    }
}
