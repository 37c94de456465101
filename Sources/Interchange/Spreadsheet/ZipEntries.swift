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
/// The central directory is walked by `ZipStructure`; ZIPFoundation inflates and checksums.
package struct ZipEntries: Sendable {
    /// Path inside the archive → bytes, for regular files only.
    package private(set) var files: [String: Data] = [:]

    /// A guard against a small file that inflates without end (a "zip bomb"): real exports are far smaller.
    static let maximumSize = 512 * 1024 * 1024

    private struct Damaged: Error {}

    package static func isZip(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    package init(_ data: Data, what: String) throws(ContainerError) {
        let bytes = [UInt8](data)
        guard let structure = ZipStructure(bytes) else {
            throw ContainerError("is not a readable \(what) (the ZIP container is damaged); download it again")
        }
        var total = 0
        for entry in structure.entries where !entry.isDirectory {
            total += entry.uncompressedSize
            guard total <= Self.maximumSize else {
                throw ContainerError("unpacks to more than 512 MB, far more than any \(what); check the file")
            }
            guard let content = Self.extract(entry, from: bytes) else {
                throw ContainerError(
                    "is not a readable \(what): its part \(entry.path) is damaged; download it again")
            }
            files[entry.path] = content
        }
    }

    /// The entry's bytes, or nil when they do not inflate to its size and checksum.
    private static func extract(_ entry: ZipStructure.Entry, from bytes: [UInt8]) -> Data? {
        let start = entry.dataOffset
        let stored = Data(bytes[start..<(start + entry.compressedSize)])
        var content = Data()
        switch entry.method {
        case 0:
            content = stored
        case 8:
            // ZIPFoundation's inflate loop takes every chunk as full and stops only at the stream's
            // end: hand it full chunks, zeros after the data (a cut stream then fails), and stop.
            var position = 0
            var padding = 0
            let provider: Provider = { _, size in
                guard padding < 4 else { throw Damaged() }
                var chunk = stored.subdata(in: min(position, stored.count)..<min(position + size, stored.count))
                position += chunk.count
                if chunk.count < size {
                    padding += 1
                    chunk.append(Data(count: size - chunk.count))
                }
                return chunk
            }
            do {
                _ = try Data.decompress(
                    size: Int64(entry.compressedSize), bufferSize: 64 * 1024, skipCRC32: true, provider: provider
                ) { chunk in
                    content.append(chunk)
                    if content.count > entry.uncompressedSize { throw Damaged() }
                }
            } catch {
                return nil
            }
        default:
            return nil
        }
        guard content.count == entry.uncompressedSize, content.crc32(checksum: 0) == entry.checksum else {
            return nil
        }
        return content
    }

    /// Paths in a stable order (sorted), for choosing among several candidates deterministically.
    package var paths: [String] { files.keys.sorted() }
}
