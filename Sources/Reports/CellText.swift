/// How a cell reads on a page (Markdown, HTML, charts) and in a file (CSV).
extension NumberStyle {
    /// The value as a person reads it: grouped digits, the suppressed marker, the illustrative mark.
    package func display(_ cell: ReportCell) -> String {
        let text: String
        switch cell.value {
        case .text(let value, _): text = value
        case .integer(let value): text = integer(value)
        case .decimal(let value, let places): text = decimal(value, places: places)
        case .percent(let share): text = percent(share)
        case .suppressed: text = ReportContent.suppressedMarker
        case .empty: text = ""
        }
        return cell.illustrative ? text + " " + ReportContent.illustrativeMarker : text
    }

    /// The value as a program reads it: no grouping, shares as fractions, suppressed and empty as "".
    package func field(_ value: ReportValue) -> String {
        switch value {
        case .text(let text, _): text
        case .integer(let number): integer(number)
        case .decimal(let number, let places): decimal(number, places: places)
        case .percent(let share): decimal(share, places: 2)
        case .suppressed, .empty: ""
        }
    }
}
