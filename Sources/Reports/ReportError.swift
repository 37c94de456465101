/// What can go wrong while rendering a report (the module's one error enum).
package enum ReportError: Error, Sendable, CustomStringConvertible {
    /// The ZIP container of an XLSX file could not be written.
    case archive(entry: String, reason: String)

    package var description: String {
        switch self {
        case .archive(let entry, let reason):
            "cannot pack \(entry) into the XLSX file: \(reason). This is a bug in Osaava; report it with the command you ran."
        }
    }
}
