import Foundation

/// Splits a byte stream into the bodies of Language Server Protocol frames (`Content-Length: n\r\n\r\n` then `n`
/// bytes), however the bytes arrive: a frame split across reads, several frames in one read.
///
/// ```swift
/// var reader = FrameReader()
/// reader.append(bytesJustRead)
/// while let frame = try reader.nextFrame() {   // a FramingError skips one bad frame; call again
///     handle(Message.decode(frame))
/// }
/// ```
///
/// Memory is bounded by ``FramingLimits``: a header block longer than its limit is dropped, and a body larger than its
/// limit is skipped as its bytes arrive. Header names are case-insensitive; `Content-Type` and unknown headers are
/// accepted and ignored.
public struct FrameReader: Sendable {
    private enum State: Sendable {
        case header
        case body(length: Int)
        /// Dropping an oversized header up to its blank line.
        case skippingHeader
        /// Dropping the bytes of an oversized body.
        case skippingBody(remaining: Int)
    }

    /// The limits in force.
    public let limits: FramingLimits
    private var buffer: [UInt8] = []
    /// Where in ``buffer`` unread bytes start; bytes before it are dropped in bulk, not one frame at a time.
    private var start = 0
    private var state = State.header
    private static let blankLine: [UInt8] = [13, 10, 13, 10]

    /// Creates a reader with `limits`.
    public init(limits: FramingLimits = FramingLimits()) {
        self.limits = limits
    }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Bytes held and not yet returned or skipped.
    public var bufferedByteCount: Int { buffer.count - start }

    /// The next complete body, or `nil` until more bytes arrive.
    ///
    /// - Throws: ``FramingError`` for a frame it skips; the reader stays usable, and the next call goes on after it.
    public mutating func nextFrame() throws(FramingError) -> Data? {
        while true {
            switch state {
            case .header:
                guard let end = firstBlankLine() else {
                    if bufferedByteCount > limits.maximumHeaderSize {
                        keepLastBytes(Self.blankLine.count - 1)
                        state = .skippingHeader
                        throw .headerTooLarge(limit: limits.maximumHeaderSize)
                    }
                    return nil
                }
                let header = buffer[start..<end]
                start = end + Self.blankLine.count
                guard header.count <= limits.maximumHeaderSize else { throw .headerTooLarge(limit: limits.maximumHeaderSize) }
                let length = try Self.contentLength(in: header)
                guard length <= limits.maximumMessageSize else {
                    state = .skippingBody(remaining: length)
                    throw .messageTooLarge(length: length, limit: limits.maximumMessageSize)
                }
                state = .body(length: length)
            case .body(let length):
                guard bufferedByteCount >= length else { return nil }
                let body = Data(buffer[start..<start + length])
                start += length
                state = .header
                return body
            case .skippingHeader:
                guard let end = firstBlankLine() else {
                    keepLastBytes(Self.blankLine.count - 1)
                    return nil
                }
                start = end + Self.blankLine.count
                state = .header
            case .skippingBody(let remaining):
                let skipped = min(remaining, bufferedByteCount)
                start += skipped
                guard skipped == remaining else {
                    state = .skippingBody(remaining: remaining - skipped)
                    return nil
                }
                state = .header
            }
        }
    }

    /// Drops all but the last `count` unread bytes (which may begin a blank line that the next read completes).
    private mutating func keepLastBytes(_ count: Int) {
        start = max(start, buffer.count - count)
    }

    private func firstBlankLine() -> Int? {
        guard bufferedByteCount >= Self.blankLine.count else { return nil }
        var index = start
        let last = buffer.count - Self.blankLine.count
        while index <= last {
            if buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    private static func contentLength(in header: ArraySlice<UInt8>) throws(FramingError) -> Int {
        var length: Int?
        for line in header.split(separator: 10) {
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            guard let colon = text.firstIndex(of: ":") else { throw .invalidHeader("a header line without a colon") }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard name == "content-length" else { continue }
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty, value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber), value.count <= 18, let number = Int(value) else {
                throw .invalidHeader("Content-Length '\(value.prefix(40))' is not a length")
            }
            if let length, length != number { throw .invalidHeader("two different Content-Length headers") }
            length = number
        }
        guard let length else { throw .invalidHeader("no Content-Length") }
        return length
    }
}
