import Foundation

/// A file read in pieces into one reused buffer, so that reading an export of any size holds a
/// few megabytes (the kernel's page cache keeps the file, not this process).
enum FileChunks {
    static let chunkSize = 4 << 20

    /// Calls `body` with each piece of the file, in order, and the bytes read so far.
    static func forEach(_ url: URL, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw unreadable(url) }
        defer { close(descriptor) }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(url)
            }
            if count == 0 { return }
            total += count
            try body(UnsafeBufferPointer(rebasing: buffer[0..<count]), total)
        }
    }

    /// The first `count` bytes of the file (fewer when it is shorter).
    static func head(_ url: URL, count: Int) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw unreadable(url) }
        defer { try? handle.close() }
        do {
            return try handle.read(upToCount: count) ?? Data()
        } catch {
            throw unreadable(url)
        }
    }

    static func size(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    private static func unreadable(_ url: URL) -> CLIError {
        CLIError("cannot read \(url.path): \(String(cString: strerror(errno))). Check the path.")
    }
}
