import Foundation

/// The submission times exports write, as ISO 8601 UTC (`2024-03-05T12:22:00Z`) for the consent
/// time of a response. A time that cannot be read is no reason to refuse a row: the import time is used.
enum ExportTime {
    /// Webropol (and Excel in a Finnish locale): `5.3.2024 14:22` or `5.3.2024 14:22:09`, local time;
    /// in the native workbook also an Excel serial number (days since 1899-12-30, local time).
    static func webropol(_ text: String, zone: TimeZone) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if let serial = Double(value), serial > 1, serial < 2_958_466 {
            // The serial is a wall-clock time: read it as UTC, then place its fields in `zone`.
            let wall = Date(timeIntervalSince1970: ((serial - 25_569) * 86_400).rounded())
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC") ?? zone
            return iso(utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: wall), zone: zone)
        }
        let numbers = digits(value)
        guard value.contains("."), numbers.count >= 5 else { return nil }
        return iso(
            DateComponents(
                year: numbers[2], month: numbers[1], day: numbers[0], hour: numbers[3], minute: numbers[4],
                second: numbers.count > 5 ? numbers[5] : 0), zone: zone)
    }

    /// LimeSurvey: `2024-03-05 14:22:09`, the server's local time. `1980-01-01 00:00:00` is its
    /// placeholder for surveys that do not record dates.
    static func limeSurvey(_ text: String, zone: TimeZone) -> String? {
        let numbers = digits(text)
        guard numbers.count >= 5, numbers[0] != 1980 else { return nil }
        return iso(
            DateComponents(
                year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4],
                second: numbers.count > 5 ? numbers[5] : 0), zone: zone)
    }

    /// ODK Central (`2024-03-05T12:22:09.123Z`) and Kobo (`2024-03-05T12:22:09`): UTC already.
    static func utc(_ text: String) -> String? {
        let numbers = digits(text)
        guard numbers.count >= 5, text.contains("T") || text.contains(" ") else { return nil }
        let utc = TimeZone(identifier: "UTC") ?? TimeZone.current
        return iso(
            DateComponents(
                year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4],
                second: numbers.count > 5 ? numbers[5] : 0), zone: utc)
    }

    /// The zone of a mapping's `timeZone`, Europe/Helsinki by default (where the exports come from).
    static func zone(_ identifier: String?) -> TimeZone {
        TimeZone(identifier: identifier ?? "Europe/Helsinki") ?? TimeZone(secondsFromGMT: 7_200) ?? TimeZone.current
    }

    private static func digits(_ text: String) -> [Int] {
        text.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).prefix(7).compactMap { Int($0) }
    }

    private static func iso(_ components: DateComponents, zone: TimeZone) -> String? {
        guard let month = components.month, (1...12).contains(month), let hour = components.hour,
            (0...24).contains(hour),
            let year = components.year, (1900...9999).contains(year)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let date = calendar.date(from: components) else { return nil }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? zone
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):"
            + "\(pad(parts.second))Z"
    }
}
