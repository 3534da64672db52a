import Foundation

/// The text of one source file with an index of its lines, the single place where
/// positions are converted between byte offsets, line/column pairs and column units.
///
/// C parsers report positions in their own units: cmark-gfm counts UTF-8 bytes, libyaml counts
/// Unicode scalars from 0, editors speaking LSP count UTF-16 code units. Adapters convert at the edge
/// with the methods here, so that everything past an adapter speaks ``SourceLocation``.
///
/// ```swift
/// let source = SourceText("Café ☕️ [menu](https://example.org)\n")
/// let start = source.location(atUTF8Offset: 14)   // the "[" of the link
/// start.line    // 1
/// start.column  // 9 (Unicode scalars)
/// source.utf16Column(of: start)  // 9
/// ```
public struct SourceText: Sendable, Equatable {
    /// The default largest input accepted by ``init(data:path:maximumSize:)``: 64 MiB.
    public static let defaultMaximumSize = 64 * 1024 * 1024

    /// The largest text a `SourceText` holds, whatever the `maximumSize` asked for: 4 GiB less a byte, so that every
    /// position in it fits a ``SourceLocation``.
    public static let largestSize = SourceLocation.largestCoordinate

    /// The text exactly as read, byte order mark and line endings included.
    public let text: String
    /// Where the text came from, used to name the file in errors and diagnostics.
    public let path: String?
    /// The UTF-8 offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// When some line is longer than ``scalarBlockSize`` bytes: the number of scalars before each multiple of it, so that
    /// a column on a long line is counted from the nearest multiple, not from the line's start (with thousands of
    /// diagnostics on one line, counting from its start was quadratic). Empty otherwise.
    private let scalarsBeforeBlock: [Int]
    private static let scalarBlockSize = 1024

    /// Wraps text that is already a `String` (and so already valid Unicode).
    ///
    /// - Precondition: The text is at most ``largestSize`` bytes of UTF-8; ``init(data:path:maximumSize:)`` refuses a
    ///   larger input with an error.
    public init(_ text: String, path: String? = nil) {
        precondition(text.utf8.count <= Self.largestSize, "a source text holds at most \(Self.largestSize) bytes")
        var contiguous = text
        contiguous.makeContiguousUTF8()
        self.text = contiguous
        self.path = path
        let lineStarts = contiguous.utf8.withContiguousStorageIfAvailable(Self.lineStarts(of:)) ?? Array(contiguous.utf8).withUnsafeBufferPointer(Self.lineStarts(of:))
        self.lineStarts = lineStarts
        self.scalarsBeforeBlock = contiguous.utf8.withContiguousStorageIfAvailable { bytes in
            Self.scalarsBeforeBlock(of: bytes, lineStarts: lineStarts)
        } ?? []
    }

    /// Reads bytes as UTF-8, refusing input that is not valid UTF-8 or is larger than `maximumSize` (or than
    /// ``largestSize``).
    ///
    /// - Throws: ``NewsletterError`` of kind ``NewsletterError/Kind/invalidEncoding`` naming the line and
    ///   column of the first byte that is not UTF-8, or ``NewsletterError/Kind/limitExceeded``.
    public init(data: Data, path: String? = nil, maximumSize: Int = SourceText.defaultMaximumSize) throws(NewsletterError) {
        let maximumSize = min(maximumSize, Self.largestSize)
        guard data.count <= maximumSize else {
            throw NewsletterError(
                .limitExceeded,
                "input is \(data.count) bytes, more than the limit of \(maximumSize) bytes",
                path: path
            )
        }
        // Making a `String` validates the bytes in any case (no public initialiser takes them unchecked), so the
        // standard library decides, from the contiguous bytes without a copy; ours only locates an error.
        let text = data.withUnsafeBytes { String(validating: $0.assumingMemoryBound(to: UInt8.self), as: UTF8.self) }
        if let text {
            self.init(text, path: path)
            return
        }
        throw data.withUnsafeBytes { raw in
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            return Self.invalidEncoding(in: bytes, at: UTF8Validation.firstInvalidOffset(in: bytes) ?? bytes.count, path: path)
        }
    }

    /// The error for `bytes`, whose first byte that does not start a character is at `bad`.
    ///
    /// - Parameter start: where `bytes` stands in the input, when it is a part read on its own (starting at a line):
    ///   its offset and the 1-based number of its first line.
    package static func invalidEncoding(
        in bytes: UnsafeBufferPointer<UInt8>, at bad: Int, path: String?, start: (offset: Int, line: Int) = (0, 1)
    ) -> NewsletterError {
        let partial = SourceText(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<bad]), as: UTF8.self), path: path)
        let location = partial.location(atUTF8Offset: bad)
        return NewsletterError(
            .invalidEncoding,
            "invalid UTF-8: the byte sequence starting with 0x\(String(bytes[min(bad, bytes.count - 1)], radix: 16, uppercase: true)) is not a character",
            path: path,
            location: SourceLocation(offset: start.offset + location.offset, line: start.line - 1 + location.line, column: location.column)
        )
    }

    /// Number of UTF-8 bytes in the text.
    public var utf8Count: Int { text.utf8.count }

    /// Number of lines; an empty text has one empty line, and a final line ending does not start a new counted line of text
    /// but does start a new (empty) line, as editors show it.
    public var lineCount: Int { lineStarts.count }

    /// Whether the text starts with a UTF-8 byte order mark (EF BB BF).
    public var hasByteOrderMark: Bool { text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) }

    /// The location of a UTF-8 offset; an offset inside a multi-byte character maps to that character.
    public func location(atUTF8Offset offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), utf8Count)
        let lineIndex = lineIndex(containing: clamped)
        let column = scalarCount(from: lineStarts[lineIndex], to: clamped) + 1
        return SourceLocation(offset: clamped, line: lineIndex + 1, column: column)
    }

    /// The location at a 1-based line and a 1-based column counted in UTF-8 bytes (cmark-gfm's unit).
    public func location(line: Int, utf8Column: Int) -> SourceLocation {
        let lineIndex = min(max(line - 1, 0), lineStarts.count - 1)
        let end = lineEndOffset(lineIndex, includingTerminator: true)
        return location(atUTF8Offset: min(lineStarts[lineIndex] + max(utf8Column - 1, 0), end))
    }

    /// The location at a 1-based line and a 1-based column counted in Unicode scalars (libyaml's unit, plus one).
    public func location(line: Int, scalarColumn: Int) -> SourceLocation {
        let lineIndex = min(max(line - 1, 0), lineStarts.count - 1)
        let end = lineEndOffset(lineIndex, includingTerminator: true)
        var offset = lineStarts[lineIndex]
        var remaining = max(scalarColumn - 1, 0)
        text.utf8.withContiguousStorageIfAvailable { bytes in
            while remaining > 0 && offset < end {
                offset += 1
                while offset < end && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                remaining -= 1
            }
        }
        return SourceLocation(offset: offset, line: lineIndex + 1, column: scalarColumn - remaining)
    }

    /// The 1-based column of `location` counted in UTF-16 code units, as LSP editors count it.
    public func utf16Column(of location: SourceLocation) -> Int {
        let start = lineStarts[min(max(location.line - 1, 0), lineStarts.count - 1)]
        let end = min(max(location.offset, start), utf8Count)
        // One unit per scalar, two for a scalar beyond the BMP (a 4-byte sequence): scalars are counted with the block
        // index, and 4-byte leads eight bytes at a time, since a language server asks for columns all over long lines.
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            scalarCount(from: start, to: end) + Self.fourByteLeadCount(in: bytes, start..<end) + 1
        } ?? 1
    }

    /// The number of bytes 0xF0 and above (the leads of 4-byte sequences) in `bytes[range]`.
    private static func fourByteLeadCount(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var index = range.lowerBound
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= range.upperBound {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // A byte's high bit survives only when its four high bits are all set.
                let leads = word & (word << 1) & (word << 2) & (word << 3) & 0x8080_8080_8080_8080
                count += leads.nonzeroBitCount
                index += 8
            }
        }
        while index < range.upperBound {
            if bytes[index] >= 0xF0 { count += 1 }
            index += 1
        }
        return count
    }

    /// The 1-based column of `location` counted in UTF-8 bytes.
    public func utf8Column(of location: SourceLocation) -> Int {
        location.offset - lineStarts[min(max(location.line - 1, 0), lineStarts.count - 1)] + 1
    }

    /// The range covering the given UTF-8 offsets.
    public func range(utf8Offsets offsets: Range<Int>) -> SourceRange {
        SourceRange(start: location(atUTF8Offset: offsets.lowerBound), end: location(atUTF8Offset: offsets.upperBound))
    }

    /// The text of a 1-based line without its line ending.
    public func lineText(_ line: Int) -> Substring {
        let lineIndex = min(max(line - 1, 0), lineStarts.count - 1)
        return slice(lineStarts[lineIndex]..<lineEndOffset(lineIndex, includingTerminator: false))
    }

    /// The UTF-8 offsets of a 1-based line without its line ending.
    public func lineOffsets(_ line: Int) -> Range<Int> {
        let lineIndex = min(max(line - 1, 0), lineStarts.count - 1)
        return lineStarts[lineIndex]..<lineEndOffset(lineIndex, includingTerminator: false)
    }

    /// The text a range covers.
    public subscript(range: SourceRange) -> Substring { slice(range.utf8Offsets) }

    /// The text between two UTF-8 offsets; offsets inside a character are rounded down to its start.
    public func slice(_ offsets: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: min(max(offsets.lowerBound, 0), utf8.count))
        let upper = utf8.index(utf8.startIndex, offsetBy: min(max(offsets.upperBound, 0), utf8.count))
        return text[lower..<upper]
    }

    /// The 0-based index in ``lineStarts`` of the line holding the UTF-8 `offset`.
    @inlinable
    public func lineIndex(containing offset: Int) -> Int {
        max(lineStarts.partitioningIndex { $0 > offset } - 1, 0)
    }

    private func lineEndOffset(_ lineIndex: Int, includingTerminator: Bool) -> Int {
        let next = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] : utf8Count
        guard !includingTerminator, next > lineStarts[lineIndex] else { return next }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var end = next
            if end > lineStarts[lineIndex] && bytes[end - 1] == 0x0A { end -= 1 }
            if end > lineStarts[lineIndex] && bytes[end - 1] == 0x0D { end -= 1 }
            return end
        } ?? next
    }

    private func scalarCount(from start: Int, to end: Int) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard end - start > Self.scalarBlockSize, !scalarsBeforeBlock.isEmpty else {
                return Self.scalarCount(in: bytes, start..<end)
            }
            func scalars(before offset: Int) -> Int {
                let block = offset / Self.scalarBlockSize
                let blockStart = block * Self.scalarBlockSize
                // Counted from the nearer end of the block: a long line's problems ask for many columns.
                if offset - blockStart > Self.scalarBlockSize / 2 && block + 1 < scalarsBeforeBlock.count {
                    let blockEnd = min(blockStart + Self.scalarBlockSize, bytes.count)
                    return scalarsBeforeBlock[block + 1] - Self.scalarCount(in: bytes, offset..<blockEnd)
                }
                return scalarsBeforeBlock[block] + Self.scalarCount(in: bytes, blockStart..<offset)
            }
            return scalars(before: end) - scalars(before: start)
        } ?? 0
    }

    /// The scalars before each multiple of ``scalarBlockSize`` (and before the end), or nothing when no line is longer
    /// than a block and counting from a line's start is already bounded.
    private static func scalarsBeforeBlock(of bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int]) -> [Int] {
        var longest = bytes.count - (lineStarts.last ?? 0)
        for index in lineStarts.indices.dropLast() where lineStarts[index + 1] - lineStarts[index] > longest {
            longest = lineStarts[index + 1] - lineStarts[index]
        }
        guard longest > scalarBlockSize else { return [] }
        var counts = [0]
        counts.reserveCapacity(bytes.count / scalarBlockSize + 1)
        var offset = 0
        while offset < bytes.count {
            let next = min(offset + scalarBlockSize, bytes.count)
            counts.append(counts[counts.count - 1] + scalarCount(in: bytes, offset..<next))
            offset = next
        }
        return counts
    }

    /// The number of Unicode scalars in valid UTF-8 `bytes[range]`: every byte but continuation bytes (10xxxxxx)
    /// starts one. Counted eight bytes at a time, since columns are asked for all over large files.
    @inlinable
    package static func scalarCount(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var index = range.lowerBound
        if let base = bytes.baseAddress {
            while index + 8 <= range.upperBound {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // A continuation byte has its top bit set and the next bit clear.
                count += 8 - (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                index += 8
            }
        }
        while index < range.upperBound {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Finds line starts with `memchr`, which scans a word at a time: files are mostly long runs between
    /// line feeds. A carriage return anywhere switches to the byte loop, which also knows `\r\n` and lone `\r`.
    private static func lineStarts(of bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return starts }
        let count = bytes.count
        if memchr(base, 0x0D, count) == nil {
            var offset = 0
            while offset < count, let found = memchr(base + offset, 0x0A, count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                starts.append(offset)
            }
            return starts
        }
        var offset = 0
        while offset < count {
            let byte = bytes[offset]
            offset += 1
            if byte == 0x0A {
                starts.append(offset)
            } else if byte == 0x0D {
                if offset < count && bytes[offset] == 0x0A { offset += 1 }
                starts.append(offset)
            }
        }
        return starts
    }

    public static func == (lhs: SourceText, rhs: SourceText) -> Bool {
        lhs.path == rhs.path && lhs.text == rhs.text
    }
}
