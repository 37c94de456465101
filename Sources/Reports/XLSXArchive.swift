import Foundation
import ZIPFoundation

/// Packs named parts into a ZIP in memory, in the order given, deflated, every entry dated the same
/// fixed moment: the same parts give the same bytes on every machine and in every time zone.
enum XLSXArchive {
    /// 1980-01-01 00:00:00 UTC, the earliest date a ZIP entry can hold.
    static let modificationDate = Date(timeIntervalSince1970: 315_532_800)

    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw ReportError.archive(entry: "the archive", reason: "\(error)")
        }
        for (path, data) in parts {
            do {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modificationDate,
                    permissions: 0o644, compressionMethod: .deflate,
                    provider: { position, size in
                        let start = Int(position)
                        return data.subdata(in: start..<min(data.count, start + size))
                    })
            } catch {
                throw ReportError.archive(entry: path, reason: "\(error)")
            }
        }
        guard let bytes = archive.data else { throw ReportError.archive(entry: "the archive", reason: "no data") }
        return bytes
    }
}
