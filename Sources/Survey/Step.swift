import Catalog

/// One thing the interview asks: a question (inside a repeat item or not), or "add another?".
package struct Step: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case question(Question)
        /// Whether to add another item to the group.
        case more(RepeatGroup)
    }

    /// The answer's key: `org_name`, `needs.2.skill`, `needs.2.more`.
    package var key: String
    package var kind: Kind
    /// The repeat group and 1-based item number, when inside a group (item 0: before the first).
    package var group: RepeatGroup?
    package var item: Int

    package var isRequired: Bool {
        switch kind {
        case .question(let question): question.required
        case .more: true
        }
    }

    package var question: Question? {
        if case .question(let question) = kind { return question }
        return nil
    }
}

/// What handling one input line did.
package enum Reply: Sendable, Equatable {
    /// The answer was taken; `echo` confirms what a free-form answer resolved to (a skill's name).
    case accepted(echo: String?)
    case skipped
    /// Not accepted; the message says what is accepted. The same step is asked again.
    case rejected(String)
    case help(String)
    /// Went back one step; it is asked again with the old answer as default.
    case back
    /// `<` on the first question.
    case atFirst(String)
    /// `!save`: keep the draft and stop.
    case save
}
