/// How a dialect writes what the mapping does not say: a chosen option column, an unchosen one,
/// the separator of several choices in one cell.
struct DialectRules: Sendable {
    /// Folded cell values that mark an option column as chosen / not chosen (empty is always "not").
    var checked: Set<String>
    var unchecked: Set<String>
    /// How a chosen option looks, for messages.
    var checkedExample: String
    /// Between the options of a `multi` answer in one cell; " " splits on any whitespace.
    var separator: String
    /// LimeSurvey's `csvMaskEquations` prefixes `'` to a value starting with `=`.
    var masksEquations = false

    func unmask(_ text: String) -> String {
        masksEquations && text.hasPrefix("'=") ? String(text.dropFirst()) : text
    }

    /// Webropol: `1`/empty (Excel users sometimes type `x`); several choices in one cell with `;`.
    static let webropol = DialectRules(
        checked: ["1", "x"], unchecked: ["0"], checkedExample: "1", separator: ";")
    /// LimeSurvey: `Y`/empty in short answers, `Yes`/`No` in long ones, `1`/`0` with convertY/convertN.
    static let limeSurvey = DialectRules(
        checked: ["y", "yes", "1"], unchecked: ["n", "no", "0"], checkedExample: "Y", separator: ";",
        masksEquations: true)
    /// ODK Central and KoboToolbox: `select_multiple` as space-separated names, split columns `1`/`0`.
    static let xlsForm = DialectRules(
        checked: ["1", "true"], unchecked: ["0", "false"], checkedExample: "1", separator: " ")
}
