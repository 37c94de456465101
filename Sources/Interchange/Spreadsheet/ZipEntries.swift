import Foundation
import ZIPFoundation

/// Why a ZIP container (an `.xlsx` workbook, ODK Central's `submissions.csv.zip`) cannot be read.
package struct ContainerError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}

/// The files of a ZIP archive, read in memory: the readers stay pure (bytes in, records out).
package struct ZipEntries: Sendable {
    /// Path inside the archive → bytes, for regular files only.
    package private(set) var files: [String: Data] = [:]

    /// A guard against a small file that inflates without end (a "zip bomb"): real exports are far smaller.
    static let maximumSize: UInt64 = 512 * 1024 * 1024

    private struct TooLarge: Error {}

    package static func isZip(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    package init(_ data: Data, what: String) throws(ContainerError) {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ContainerError("is not a readable \(what) (the ZIP container is damaged); download it again")
        }
        var total: UInt64 = 0
        for entry in archive where entry.type == .file {
            total += entry.uncompressedSize
            guard total <= Self.maximumSize else {
                throw ContainerError("unpacks to more than 512 MB, far more than any \(what); check the file")
            }
            var content = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    content.append(chunk)
                    if UInt64(content.count) > Self.maximumSize { throw TooLarge() }
                }
            } catch {
                throw ContainerError(
                    "is not a readable \(what): its part \(entry.path) is damaged; download it again")
            }
            files[entry.path] = content
        }
    }

    /// Paths in a stable order (sorted), for choosing among several candidates deterministically.
    package var paths: [String] { files.keys.sorted() }
}
