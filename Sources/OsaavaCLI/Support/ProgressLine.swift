import Foundation

/// A progress line on stderr for long work: shown only when stderr is a terminal and the work has
/// taken over a second, rewritten in place, and cleared at the end (a pipe or a log never sees it).
final class ProgressLine {
    private let console: any Console
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    init(console: any Console) {
        self.console = console
    }

    func show(_ text: String) {
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        console.error("\r\u{1B}[K" + text + " …")
        shown = true
    }

    func clear() {
        if shown { console.error("\r\u{1B}[K") }
    }
}
