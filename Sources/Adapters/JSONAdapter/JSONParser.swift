import NewsletterCore

/// The state of one ``JSONReader/read(_:)`` call: a cursor over UTF-8 bytes and a stack of open containers.
struct JSONParser {
    /// An array or object that has been opened and not yet closed.
    private struct OpenContainer {
        let start: Int
        let isObject: Bool
        var items: [JSONValue] = []
        var members: [JSONValue.Member] = []
        /// Where each key starts, built only for objects with many keys: for a few keys a scan is faster than hashing.
        var keyStarts: [String: Int]?
        var pendingKey = ""
        var pendingKeyOffsets = 0..<0

        var kindName: String { isObject ? "object" : "array" }
        var closer: UInt8 { isObject ? UInt8(ascii: "}") : UInt8(ascii: "]") }

        /// Where `key` already starts in this object, if it does.
        func start(ofKey key: String) -> Int? {
            if let keyStarts { return keyStarts[key] }
            return members.first { $0.key == key }?.keyOffsets.lowerBound
        }

        mutating func recordKey(_ key: String, offsets: Range<Int>) {
            pendingKey = key
            pendingKeyOffsets = offsets
            if keyStarts != nil {
                keyStarts?[key] = offsets.lowerBound
            } else if members.count >= 16 {
                var starts = Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.keyOffsets.lowerBound) })
                starts[key] = offsets.lowerBound
                keyStarts = starts
            }
        }

        mutating func append(_ value: JSONValue) {
            if isObject {
                members.append(JSONValue.Member(key: pendingKey, value: value, keyOffsets: pendingKeyOffsets))
            } else {
                items.append(value)
            }
        }

        func closed(at end: Int) -> JSONValue {
            JSONValue(isObject ? .object(members) : .array(items), offsets: start..<end)
        }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let source: SourceText
    let limits: JSONReader.Limits
    private var index = 0
    private var stack: [OpenContainer] = []
    /// The strings (keys and values) read so far that hold a `\u` escape of a character beyond ASCII.
    private(set) var escapedTexts: [EscapedText] = []

    init(bytes: UnsafeBufferPointer<UInt8>, source: SourceText, limits: JSONReader.Limits) {
        self.bytes = bytes
        self.source = source
        self.limits = limits
    }

    mutating func parseDocument() throws(NewsletterError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        var value: JSONValue
        parsing: while true {
            guard index < bytes.count else { throw endOfInput(expecting: "a value") }
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < limits.maximumDepth else {
                    throw error(.limitExceeded, "nesting is deeper than the limit of \(limits.maximumDepth) levels", at: start)
                }
                let container = OpenContainer(start: start, isObject: bytes[index] == UInt8(ascii: "{"))
                index += 1
                skipWhitespace()
                if index < bytes.count && bytes[index] == container.closer {
                    index += 1
                    value = container.closed(at: index)
                } else {
                    stack.append(container)
                    if container.isObject { try readKey() }
                    continue parsing
                }
            case UInt8(ascii: "\""):
                value = JSONValue(.string(try readString()), offsets: start..<index)
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                value = JSONValue(try readLiteral(), offsets: start..<index)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = JSONValue(.number(try readNumber()), offsets: start..<index)
            default:
                throw error(.malformedInput, "unexpected \(describeCharacter(at: start)); expected a value", at: start)
            }
            // A value is complete: hand it to its container, closing every container that ends right after it.
            while let last = stack.indices.last {
                stack[last].append(value)
                skipWhitespace()
                guard index < bytes.count else {
                    throw endOfInput(expecting: "',' or '\(Character(Unicode.Scalar(stack[last].closer)))'")
                }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    skipWhitespace()
                    if stack[last].isObject { try readKey() }
                    continue parsing
                }
                guard bytes[index] == stack[last].closer else {
                    let closer = Character(Unicode.Scalar(stack[last].closer))
                    throw error(.malformedInput, "unexpected \(describeCharacter(at: index)); expected ',' or '\(closer)'", at: index)
                }
                index += 1
                value = stack.removeLast().closed(at: index)
            }
            break parsing
        }
        skipWhitespace()
        guard index == bytes.count else {
            throw error(.malformedInput, "unexpected \(describeCharacter(at: index)) after the end of the JSON value", at: index)
        }
        return value
    }

    // MARK: Tokens

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    /// Reads `"key"` and the `:` after it into the innermost open object, refusing a key it already has.
    private mutating func readKey() throws(NewsletterError) {
        guard index < bytes.count else { throw endOfInput(expecting: "a key") }
        guard bytes[index] == UInt8(ascii: "\"") else {
            let what = bytes[index] == UInt8(ascii: "}") ? "'}' after ','" : describeCharacter(at: index)
            throw error(.malformedInput, "unexpected \(what); expected a key in double quotes", at: index)
        }
        let start = index
        let key = try readString()
        let last = stack.count - 1
        if let first = stack[last].start(ofKey: key) {
            let firstLocation = source.location(atUTF8Offset: first)
            throw error(.malformedInput, "duplicate key \"\(key)\"; first given at \(firstLocation)", at: start)
        }
        stack[last].recordKey(key, offsets: start..<index)
        skipWhitespace()
        guard index < bytes.count else { throw endOfInput(expecting: "':'") }
        guard bytes[index] == UInt8(ascii: ":") else {
            throw error(.malformedInput, "unexpected \(describeCharacter(at: index)); expected ':' after the key", at: index)
        }
        index += 1
        skipWhitespace()
    }

    /// Reads a string starting at its opening quote; only strings with escapes are copied byte by byte.
    private mutating func readString() throws(NewsletterError) -> String {
        let start = index
        index += 1
        let contentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index - 1]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw controlCharacter(at: index) }
            index += 1
        }
        var decoded = Array(bytes[contentStart..<index])
        // Every escape is remembered, but the string is listed only when one of them writes a character beyond
        // ASCII: only those can hide characters from a rule reading the source.
        var escapes: [EscapedText.Escape] = []
        var escapesBeyondASCII = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                let text = String(decoding: decoded, as: UTF8.self)
                if escapesBeyondASCII {
                    escapedTexts.append(EscapedText(text: text, sourceStart: contentStart, escapes: escapes))
                }
                return text
            case UInt8(ascii: "\\"):
                let escapeStart = index
                let decodedStart = decoded.count
                try readEscape(into: &decoded)
                escapes.append(EscapedText.Escape(decoded: decodedStart..<decoded.count, source: escapeStart..<index))
                if decoded[decodedStart] >= 0x80 { escapesBeyondASCII = true }
            case 0..<0x20:
                throw controlCharacter(at: index)
            default:
                decoded.append(byte)
                index += 1
            }
        }
        throw error(.malformedInput, "unterminated string: the input ends before its closing quote", at: start)
    }

    private mutating func readEscape(into decoded: inout [UInt8]) throws(NewsletterError) {
        let start = index
        index += 1
        guard index < bytes.count else { throw endOfInput(expecting: "an escape sequence") }
        let simple: UInt8? = switch bytes[index] {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "/"): UInt8(ascii: "/")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            decoded.append(simple)
            index += 1
            return
        }
        guard bytes[index] == UInt8(ascii: "u") else {
            throw error(.malformedInput, "invalid escape '\\\(describeCharacter(at: index, quoted: false))' in a string", at: start)
        }
        index += 1
        let unit = try readHexUnit(escapeStart: start)
        var scalar = Unicode.Scalar(unit)
        if (0xD800...0xDBFF).contains(unit) {
            // A character outside the Basic Multilingual Plane is written as two escapes, a UTF-16 surrogate pair.
            if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "\\") && bytes[index + 1] == UInt8(ascii: "u") {
                index += 2
                let low = try readHexUnit(escapeStart: index - 2)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = Unicode.Scalar(0x10000 + (UInt32(unit) - 0xD800) << 10 + (UInt32(low) - 0xDC00))
                }
            }
        }
        guard let scalar else {
            throw error(.malformedInput, "invalid escape: \\u\(String(unit, radix: 16, uppercase: true)) is half of a UTF-16 surrogate pair", at: start)
        }
        decoded.append(contentsOf: String(scalar).utf8)
    }

    private mutating func readHexUnit(escapeStart: Int) throws(NewsletterError) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw endOfInput(expecting: "four hexadecimal digits") }
            let digit: UInt16
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt16(bytes[index] - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt16(bytes[index] - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt16(bytes[index] - UInt8(ascii: "A") + 10)
            default: throw error(.malformedInput, "invalid escape: '\\u' needs four hexadecimal digits", at: escapeStart)
            }
            unit = unit << 4 | digit
            index += 1
        }
        return unit
    }

    private static let literals: [([UInt8], JSONValue.Content)] = [
        (Array("true".utf8), .bool(true)), (Array("false".utf8), .bool(false)), (Array("null".utf8), .null),
    ]

    private mutating func readLiteral() throws(NewsletterError) -> JSONValue.Content {
        for (word, content) in Self.literals where bytes[index...].starts(with: word) {
            index += word.count
            return content
        }
        throw error(.malformedInput, "invalid literal; expected true, false or null", at: index)
    }

    /// Reads a number by RFC 8259's grammar, returning its text: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    private mutating func readNumber() throws(NewsletterError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw error(.malformedInput, "invalid number: expected a digit after '-'", at: start)
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count && isDigit(bytes[index]) {
                throw error(.malformedInput, "invalid number: a number cannot start with 0 followed by a digit", at: start)
            }
        } else {
            skipDigits()
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(.malformedInput, "invalid number: expected a digit after '.'", at: start)
            }
            skipDigits()
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(.malformedInput, "invalid number: expected a digit in the exponent", at: start)
            }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private mutating func skipDigits() {
        while index < bytes.count && isDigit(bytes[index]) { index += 1 }
    }

    // MARK: Errors

    private func error(_ kind: NewsletterError.Kind, _ message: String, at offset: Int) -> NewsletterError {
        NewsletterError(kind, message, at: source.location(atUTF8Offset: offset), in: source)
    }

    /// The input ended early; names the innermost container still open, which is where a reader looks for the cause.
    private func endOfInput(expecting expected: String) -> NewsletterError {
        var message = "unexpected end of input; expected \(expected)"
        if let open = stack.last {
            message += " (the \(open.kindName) opened at \(source.location(atUTF8Offset: open.start)) is not closed)"
        }
        return error(.malformedInput, message, at: bytes.count)
    }

    private func controlCharacter(at offset: Int) -> NewsletterError {
        error(.malformedInput, "a string cannot hold the control character \(describeCharacter(at: offset)); write it as an escape", at: offset)
    }

    /// `'x'` for a printable ASCII character, `U+0000` for a control character, `'é' (U+00E9)` beyond ASCII.
    private func describeCharacter(at offset: Int, quoted: Bool = true) -> String {
        let lead = bytes[offset]
        if lead < 0x80 {
            guard (0x21...0x7E).contains(lead) else { return "U+" + hex(UInt32(lead)) }
            let character = String(Character(Unicode.Scalar(lead)))
            return quoted ? "'\(character)'" : character
        }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<min(offset + length, bytes.count)]), as: UTF8.self)
        let value = text.unicodeScalars.first?.value ?? UInt32(lead)
        return quoted ? "'\(text)' (U+\(hex(value)))" : text
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
