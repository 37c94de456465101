/// Splits CSV bytes into records as they arrive, by `CSVParser`'s rules: quoted fields may hold
/// delimiters, doubled quotes and line breaks; carriage returns are dropped (inside quotes CRLF
/// becomes LF); blank lines are skipped. A file of any size is read holding one record: what
/// `CSVParser` does to a whole `String`, this does to bytes, field spans copied at once.
///
/// Bytes are not decoded: every byte with a meaning here is ASCII, which UTF-8 and Windows-1252
/// both keep as is, so the caller decodes the fields it needs.
package struct CSVStreamScanner {
    /// One record, valid only inside the callback that receives it.
    package struct Record {
        /// 1-based physical line where the record starts.
        package let line: Int
        private let bytes: UnsafeBufferPointer<UInt8>
        private let ends: UnsafeBufferPointer<Int>

        init(line: Int, bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
            self.line = line
            self.bytes = bytes
            self.ends = ends
        }

        package var count: Int { ends.count }

        /// The unquoted bytes of field `index`, empty when the record is shorter.
        package func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            guard index < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
            let start = index == 0 ? 0 : ends[index - 1]
            return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
        }
    }

    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    private let delimiter: UInt8
    private var quoted = false
    private var afterQuote = false
    /// A quote inside a quoted field was the chunk's last byte: the next byte tells whether it is
    /// a doubled quote or the closing one.
    private var pendingQuote = false
    private var line = 1
    private var recordLine = 1
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    package init(delimiter: UInt8) {
        self.delimiter = delimiter
        bytes.reserveCapacity(1024)
        ends.reserveCapacity(32)
    }

    /// Reads `chunk`, calling `record` for each record it completes.
    package mutating func scan(_ chunk: UnsafeBufferPointer<UInt8>, _ record: (Record) throws -> Void) throws {
        guard let base = chunk.baseAddress else { return }
        let count = chunk.count
        var index = 0
        if pendingQuote, count > 0 {
            pendingQuote = false
            if base[0] == Self.quote {
                bytes.append(Self.quote)
                index = 1
            } else {
                quoted = false
                afterQuote = true
            }
        }
        let delimiter = self.delimiter
        while index < count {
            let start = index
            if quoted {
                while index < count {
                    let byte = base[index]
                    if byte == Self.quote || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    index += 1
                }
                if index > start {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
                }
                guard index < count else { break }
                switch base[index] {
                case Self.lineFeed:
                    line += 1
                    bytes.append(Self.lineFeed)
                    index += 1
                case Self.carriageReturn:
                    index += 1
                default:
                    if index + 1 == count {
                        pendingQuote = true
                        index += 1
                    } else if base[index + 1] == Self.quote {
                        bytes.append(Self.quote)
                        index += 2
                    } else {
                        quoted = false
                        afterQuote = true
                        index += 1
                    }
                }
                continue
            }
            while index < count {
                let byte = base[index]
                if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn || byte == Self.quote {
                    break
                }
                index += 1
            }
            if index > start {
                if afterQuote { throw Self.textAfterQuote(line) }
                bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
            }
            guard index < count else { break }
            switch base[index] {
            case Self.quote:
                if bytes.count == (ends.last ?? 0) && !afterQuote {
                    quoted = true
                } else {
                    if afterQuote { throw Self.textAfterQuote(line) }
                    bytes.append(Self.quote)
                }
            case Self.carriageReturn:
                break
            case Self.lineFeed:
                try endRecord(record)
                line += 1
                recordLine = line
                afterQuote = false
            default:
                ends.append(bytes.count)
                afterQuote = false
            }
            index += 1
        }
    }

    /// Ends the input: the last record, if it has no line break after it.
    package mutating func finish(_ record: (Record) throws -> Void) throws {
        if pendingQuote {
            pendingQuote = false
            quoted = false
        }
        if quoted { throw CSVError(line: recordLine, message: "a quoted field is never closed; add the missing quote") }
        if !bytes.isEmpty || !ends.isEmpty { try endRecord(record) }
    }

    private mutating func endRecord(_ record: (Record) throws -> Void) throws {
        ends.append(bytes.count)
        // A record of one empty field is a blank line.
        if !(ends.count == 1 && ends[0] == 0) {
            let line = recordLine
            try bytes.withUnsafeBufferPointer { bytes in
                try ends.withUnsafeBufferPointer { ends in try record(Record(line: line, bytes: bytes, ends: ends)) }
            }
        }
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    private static func textAfterQuote(_ line: Int) -> CSVError {
        CSVError(
            line: line, message: "text after a closing quote; a quote inside a quoted field must be doubled (\"\")")
    }
}
