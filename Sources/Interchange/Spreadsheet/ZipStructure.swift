/// The central directory of a ZIP archive, read with every offset and size checked against the
/// bytes. ZIPFoundation's `Archive` traps (it does not throw) when a damaged archive points past
/// its end, and loops for ever on a cut deflate stream — both found by the fuzz tests — so the
/// container is walked here and ZIPFoundation only inflates, from a provider that cannot overrun.
/// ZIP64 archives are refused: no export Osaava reads comes near 4 GB.
struct ZipStructure: Sendable {
    struct Entry: Sendable {
        var path: String
        /// 0 stored, 8 deflated.
        var method: Int
        var compressedSize: Int
        var uncompressedSize: Int
        var checksum: UInt32
        var dataOffset: Int

        var isDirectory: Bool { path.hasSuffix("/") }
    }

    let entries: [Entry]

    /// nil when the archive is damaged or not a ZIP archive Osaava reads.
    init?(_ bytes: [UInt8]) {
        let count = bytes.count
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) -> Int? {
            guard let low = u16(at), let high = u16(at + 2) else { return nil }
            return low | high << 16
        }
        /// Whether an extra field holds a ZIP64 block (header id 1), which moves offsets and sizes.
        func hasZip64(_ start: Int, _ length: Int) -> Bool {
            var at = start
            while at + 4 <= start + length {
                guard let id = u16(at), let size = u16(at + 2) else { return true }
                if id == 1 { return true }
                at += 4 + size
            }
            return false
        }
        // The end-of-central-directory record: the last signature, as every reader finds it.
        guard count >= 22,
            let end = stride(from: count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 })
        else { return nil }
        if end >= 20, u32(end - 20) == 0x0706_4B50 { return nil }
        guard let total = u16(end + 10), let directorySize = u32(end + 12), let directory = u32(end + 16),
            total != 0xFFFF, directory != 0xFFFF_FFFF, directory + directorySize <= end
        else { return nil }
        var entries: [Entry] = []
        var at = directory
        for _ in 0..<total {
            guard u32(at) == 0x0201_4B50, let flags = u16(at + 8), let method = u16(at + 10),
                let checksum = u32(at + 16), let compressed = u32(at + 20), let uncompressed = u32(at + 24),
                let name = u16(at + 28), let extra = u16(at + 30), let comment = u16(at + 32),
                let local = u32(at + 42), at + 46 + name + extra + comment <= end,
                !hasZip64(at + 46 + name, extra), compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF
            else { return nil }
            guard u32(local) == 0x0403_4B50, let localName = u16(local + 26), let localExtra = u16(local + 28),
                !hasZip64(local + 30 + localName, localExtra)
            else { return nil }
            let data = local + 30 + localName + localExtra
            guard data + compressed <= count, method != 0 || compressed == uncompressed else { return nil }
            if flags & 8 != 0 {
                // A data descriptor follows the data; its sizes must be the central directory's.
                let descriptor = data + compressed
                let skip = u32(descriptor) == 0x0807_4B50 ? 4 : 0
                guard u32(descriptor + skip + 4) == compressed, u32(descriptor + skip + 8) == uncompressed else {
                    return nil
                }
            }
            let nameBytes = bytes[(at + 46)..<(at + 46 + name)]
            // Bit 11: the name is UTF-8; otherwise CP437, whose ASCII part is all exports use.
            let path =
                flags & 0x800 != 0
                ? String(decoding: nameBytes, as: UTF8.self)
                : String(nameBytes.map { Character(Unicode.Scalar($0)) })
            entries.append(
                Entry(
                    path: path, method: method, compressedSize: compressed, uncompressedSize: uncompressed,
                    checksum: UInt32(checksum), dataOffset: data))
            at += 46 + name + extra + comment
        }
        self.entries = entries
    }
}
