import Foundation

/// The terminal, behind a protocol so that commands and the interview can be driven by tests.
/// Prompts go to `write` and are flushed before `readLine` waits.
package protocol Console: AnyObject, Sendable {
    func write(_ text: String)
    func error(_ text: String)
    /// One line without its terminator; nil at end of input.
    func readLine() -> String?
}

/// stdout/stderr/stdin. stdout is block-buffered on a pipe, so every write is flushed: a script
/// (or the kill test) must see a prompt before the program waits for its answer.
package final class StandardConsole: Console {
    package init() {}

    package func write(_ text: String) {
        let failure = Self.write(text, to: STDOUT_FILENO)
        guard failure != 0, failure != EPIPE else { return }
        // The output is incomplete (a full disk, an I/O error): say so and fail, rather than
        // end with success and a truncated export.
        _ = Self.write(
            "osaava: could not write the output: \(String(cString: strerror(failure))). "
                + "Nothing more was written; free space or choose another destination and run the command again.\n",
            to: STDERR_FILENO)
        exit(74)  // EX_IOERR
    }

    package func error(_ text: String) {
        _ = Self.write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text` with write(2): on after a partial write or an interruption, waiting
    /// when the descriptor is non-blocking and full. Returns 0, or the errno that stopped it (a
    /// closed pipe: EPIPE, when SIGPIPE does not end the process first). (FileHandle and Data
    /// were each a first use in a small `analyze`; FileHandle stopped the process on a failed
    /// write with a crash.)
    private static func write(_ text: String, to descriptor: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                } else {
                    return written < 0 ? errno : EIO
                }
            }
            return 0
        }
    }

    package func readLine() -> String? {
        Swift.readLine(strippingNewline: true).map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }
}

/// A console that replays scripted input and records output, for tests.
package final class ScriptedConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var input: [String]
    private var outputText = ""
    private var errorText = ""

    package init(input: [String] = []) {
        self.input = input
    }

    package var output: String { lock.withLock { outputText } }
    package var errors: String { lock.withLock { errorText } }

    package func write(_ text: String) { lock.withLock { outputText += text } }
    package func error(_ text: String) { lock.withLock { errorText += text } }

    package func readLine() -> String? {
        lock.withLock { input.isEmpty ? nil : input.removeFirst() }
    }
}
