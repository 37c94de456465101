import Foundation

extension String {
    /// Lower case without diacritics, so that "sahko" finds "sähkö" and "Åbo" matches "abo".
    package var folded: String {
        folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
