/// How one web-survey export (a dialect) of one survey maps onto the survey's questions: which
/// column holds each answer, and how the export's answer texts or codes become catalogue codes.
/// Data in `surveys/import/` (`kind: importMapping`), so that a changed web form needs no code change.
package struct ImportMapping: Sendable, Hashable {
    /// Where one question's answer is in the export.
    package struct Source: Sendable, Hashable {
        package enum Shape: String, Sendable, Hashable {
            /// One column holds the answer (for a `multi` question: the codes or names, separated).
            case column
            /// One column per option (`Question - Option`, `Q2[SQ001]`, `q/opt`), each checked or not;
            /// the headers carry `{option}` where the option's text or code stands.
            case optionColumns
        }

        package var shape: Shape
        /// Header patterns, tried in order: the first one the export has wins. `{n}` stands for
        /// the item number of a repeat group laid out as numbered columns.
        package var headers: [String]
        /// For a `multi` question in one column: what separates the options (nil: the dialect's default).
        package var separator: String?
        package var line: Int

        package init(shape: Shape, headers: [String], separator: String? = nil, line: Int = 0) {
            self.shape = shape
            self.headers = headers
            self.separator = separator
            self.line = line
        }
    }

    /// Export answers → catalogue codes for one question; `""` means "no answer".
    package struct ValueMap: Sendable, Hashable {
        package var entries: [String: String]
        package var line: Int
        /// Line of each entry, for messages about a target code.
        package var lines: [String: Int]

        package init(entries: [String: String], line: Int = 0, lines: [String: Int] = [:]) {
            self.entries = entries
            self.line = line
            self.lines = lines
        }
    }

    /// A value given to a question the export does not ask.
    package struct Default: Sendable, Hashable {
        package var value: String
        package var line: Int

        package init(value: String, line: Int = 0) {
            self.value = value
            self.line = line
        }
    }

    /// The dialects an import mapping is written for (the needs CSV needs none).
    package static let dialects = ["webropol", "limesurvey", "kobo", "odk"]

    package var survey: String
    package var dialect: String
    /// The language of the responses; nil: the settings' default (LimeSurvey: its `startlanguage`).
    package var language: String?
    /// LimeSurvey's survey id (SID), part of every response id; nil: taken from the file name.
    package var surveyId: String?
    /// Webropol: headers of the respondent-number and answer-time columns, tried in order.
    package var respondent: [String]
    package var answeredAt: [String]
    /// Time zone of export times written without one (Webropol, LimeSurvey); nil: Europe/Helsinki.
    package var timeZone: String?
    /// Question id → where its answer is.
    package var questions: [String: Source]
    /// Repeat group id → the table (ODK repeat CSV) or sheet (Kobo XLSX) holding its items.
    /// A group not named here is laid out as numbered columns (`{n}` in its questions' headers).
    package var repeats: [String: String]
    /// Question id → export answers and their catalogue codes.
    package var values: [String: ValueMap]
    /// Cell values that mark an option column as chosen, besides the dialect's own (`1`, `Y`).
    package var checked: [String]
    /// Question id → the answer to record when the export does not ask the question.
    package var defaults: [String: Default]
    /// The mapping file and the line of its start, for messages.
    package var file: String
    package var line: Int

    package init(
        survey: String, dialect: String, language: String? = nil, surveyId: String? = nil,
        respondent: [String] = [], answeredAt: [String] = [], timeZone: String? = nil,
        questions: [String: Source], repeats: [String: String] = [:], values: [String: ValueMap] = [:],
        checked: [String] = [], defaults: [String: Default] = [:], file: String, line: Int = 1
    ) {
        self.survey = survey
        self.dialect = dialect
        self.language = language
        self.surveyId = surveyId
        self.respondent = respondent
        self.answeredAt = answeredAt
        self.timeZone = timeZone
        self.questions = questions
        self.repeats = repeats
        self.values = values
        self.checked = checked
        self.defaults = defaults
        self.file = file
        self.line = line
    }
}
