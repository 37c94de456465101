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
        signal(SIGINT, handler)
        signal(SIGHUP, handler)
        signal(SIGTERM, handler)
    }
}
