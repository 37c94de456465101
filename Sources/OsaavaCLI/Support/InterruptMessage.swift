import Foundation

/// What to print when Ctrl-C (SIGINT) or a closed terminal (SIGHUP) ends an interview: every
/// answer is already committed, so the handler only says how to resume and exits with 130.
/// Kept as raw bytes in a global because a signal handler may only call async-signal-safe
/// functions (`write`, `_exit`): no allocation, no locks.
enum InterruptMessage {
    nonisolated(unsafe) private static var bytes: UnsafeMutableBufferPointer<UInt8>?

    static func set(_ text: String) {
        let utf8 = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: utf8.count)
        _ = buffer.initialize(from: utf8)
        let old = bytes
        bytes = buffer
        old?.deallocate()
    }

    static func install() {
        let handler: @convention(c) (Int32) -> Void = { _ in
            if let buffer = InterruptMessage.bytes, let base = buffer.baseAddress {
                _ = write(STDERR_FILENO, base, buffer.count)
            }
            _exit(130)
        }
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGHUP, SIGTERM] {
            signal(number, handler)
            sigaddset(&signals, number)
        }
        // A parent may start us with these signals blocked (a spawning thread's mask is inherited):
        // then Ctrl-C would never arrive. Unblock them so the draft-keeping exit always happens.
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }
}
