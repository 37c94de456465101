/// One respondent as a dialect reader found it: the root row, the rows of its repeat items, and
/// what the export says about it besides the answers.
struct Respondent: Sendable {
    /// A row of a repeat group's own table (ODK repeat CSV, Kobo repeat sheet).
    struct Item: Sendable {
        var line: Int
        var fields: [String]
    }

    var line: Int
    /// The root table's name when the export has several tables.
    var table: String?
    var fields: [String]
    /// Repeat group id → its items' rows, in export order.
    var items: [String: [Item]] = [:]
    /// The language the respondent answered in, when the export says so (LimeSurvey).
    var language: String?
    /// When the respondent submitted, as ISO 8601 UTC, when the export says so.
    var answeredAt: String?
}
