/// Tag resolution by the YAML 1.2 core schema (YAML 1.2.2, section 10.3), written as byte matchers rather than
/// regular expressions because it runs once per scalar, and the YAML 1.1 shapes that a writer must quote so that
/// readers still on YAML 1.1 (most front-matter tools) read the same string back.
enum YAMLCoreSchema {
    static let integerTag = "tag:yaml.org,2002:int"
    static let floatTag = "tag:yaml.org,2002:float"
    static let boolTag = "tag:yaml.org,2002:bool"
    static let nullTag = "tag:yaml.org,2002:null"

    /// The value of a plain, untagged scalar.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>, text: @autoclosure () -> String) -> YAMLScalar.Value {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isNull(bytes) { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let value = bool(bytes) { return .bool(value) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if let value = integer(bytes) { return .integer(value) }
            // An integer too large for `Int` stays a string rather than losing digits as a float.
            if isInteger(bytes) { break }
            if let value = float(bytes) { return .float(value) }
        default:
            break
        }
        return .string(text())
    }

    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.isEmpty || matches(bytes, "~") || matches(bytes, "null") || matches(bytes, "Null") || matches(bytes, "NULL")
    }

    static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if matches(bytes, "true") || matches(bytes, "True") || matches(bytes, "TRUE") { return true }
        if matches(bytes, "false") || matches(bytes, "False") || matches(bytes, "FALSE") { return false }
        return nil
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`; `nil` when the shape differs or the value overflows `Int`.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        if bytes.count > 2 && bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") { return accumulate(bytes[2...], radix: 8, negative: false) }
            if bytes[1] == UInt8(ascii: "x") { return accumulate(bytes[2...], radix: 16, negative: false) }
        }
        let negative = bytes[0] == UInt8(ascii: "-")
        let digits = bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") ? bytes[1...] : bytes[0...]
        return accumulate(digits, radix: 10, negative: negative)
    }

    /// Whether the text has the shape of a core schema integer, whatever its size.
    static func isInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        if bytes.count > 2 && bytes[0] == UInt8(ascii: "0") && (bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x")) {
            let isDigit: (UInt8) -> Bool = bytes[1] == UInt8(ascii: "o")
                ? { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
                : { $0.isASCIIHexDigit }
            return bytes[2...].allSatisfy(isDigit)
        }
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { start = 1 }
        return bytes.count > start && countDigits(bytes, from: start) == bytes.count - start
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)` or `\.(nan|NaN|NAN)`.
    static func float(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let rest = UnsafeBufferPointer(rebasing: bytes[index...])
        if matches(rest, ".inf") || matches(rest, ".Inf") || matches(rest, ".INF") { return negative ? -.infinity : .infinity }
        if index == 0 && (matches(rest, ".nan") || matches(rest, ".NaN") || matches(rest, ".NAN")) { return .nan }

        let integerDigits = countDigits(bytes, from: index)
        index += integerDigits
        var fractionDigits = 0
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = countDigits(bytes, from: index)
            index += fractionDigits
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return nil }
        if index < count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) { index += 1 }
            let exponentDigits = countDigits(bytes, from: index)
            guard exponentDigits > 0 else { return nil }
            index += exponentDigits
        }
        guard index == count else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// The fields of a YAML 1.1 timestamp: `yyyy-mm-dd`, or `yyyy-m-d` followed by `T`, `t` or blanks,
    /// `h:mm:ss`, an optional fraction and an optional `Z` or `±h[:mm]` zone (UTC when there is none).
    struct Timestamp: Equatable {
        var year: Int, month: Int, day: Int
        var hour = 0, minute = 0, second = 0, nanosecond = 0
        var utcOffsetSeconds = 0
    }

    static func isTimestamp<Bytes: Collection<UInt8>>(_ text: Bytes) -> Bool {
        timestamp(text) != nil
    }

    static func timestamp<Bytes: Collection<UInt8>>(_ text: Bytes) -> Timestamp? {
        let bytes = Array(text)
        let count = bytes.count
        guard count >= 8, digits(bytes, 0, 4) == 4, bytes[4] == UInt8(ascii: "-") else { return nil }
        var index = 5
        let monthDigits = digits(bytes, index, 2)
        guard monthDigits >= 1 else { return nil }
        var result = Timestamp(year: number(bytes, 0, 4), month: number(bytes, index, monthDigits), day: 0)
        index += monthDigits
        guard index < count, bytes[index] == UInt8(ascii: "-") else { return nil }
        index += 1
        let dayDigits = digits(bytes, index, 2)
        guard dayDigits >= 1 else { return nil }
        result.day = number(bytes, index, dayDigits)
        index += dayDigits
        if index == count { return monthDigits == 2 && dayDigits == 2 ? result : nil }

        if bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t") {
            index += 1
        } else {
            let blanks = index
            while index < count && isBlank(bytes[index]) { index += 1 }
            guard index > blanks else { return nil }
        }
        let hourDigits = digits(bytes, index, 2)
        guard hourDigits >= 1 else { return nil }
        result.hour = number(bytes, index, hourDigits)
        index += hourDigits
        for field in [\Timestamp.minute, \Timestamp.second] {
            guard index < count, bytes[index] == UInt8(ascii: ":"), digits(bytes, index + 1, 2) == 2 else { return nil }
            result[keyPath: field] = number(bytes, index + 1, 2)
            index += 3
        }
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 100_000_000
            while index < count && isDigit(bytes[index]) {
                result.nanosecond += Int(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
        }
        while index < count && isBlank(bytes[index]) { index += 1 }
        if index == count { return result }
        if bytes[index] == UInt8(ascii: "Z") { return index + 1 == count ? result : nil }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return nil }
        let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
        index += 1
        let zoneDigits = digits(bytes, index, 2)
        guard zoneDigits >= 1 else { return nil }
        var offset = number(bytes, index, zoneDigits) * 3600
        index += zoneDigits
        if index < count {
            guard bytes[index] == UInt8(ascii: ":"), digits(bytes, index + 1, 2) == 2, index + 3 == count else { return nil }
            offset += number(bytes, index + 1, 2) * 60
        }
        result.utcOffsetSeconds = sign * offset
        return result
    }

    /// Whether a string can be written as a plain scalar and read back as the same string by a YAML 1.2 core
    /// reader and by a YAML 1.1 reader. Indicators (`a: b`, `#x`, leading spaces) are left to libyaml's emitter,
    /// which quotes them on its own.
    static func isPlainSafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.isEmpty, case .string = resolvePlain(bytes, text: "") else { return false }
            if isTimestamp(bytes) { return true }
            return !isYAML11Special(bytes)
        }
    }

    /// Booleans, nulls, numbers and keys that YAML 1.1 resolves differently from a plain string.
    private static func isYAML11Special(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lowered = String(decoding: bytes, as: UTF8.self).lowercased()
        if yaml11Words.contains(lowered) { return true }
        // Any number-like token (`1_000`, `0b101`, `1:30`, `3.`, `.5`, `1e3`) is quoted rather than matched
        // against each YAML 1.1 number grammar: quoting a string that did not need it is harmless.
        var index = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { index = 1 }
        guard index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".") else { return false }
        return bytes[index...].allSatisfy { byte in
            isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
        }
    }

    private static let yaml11Words: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<", "="]

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return bytes.elementsEqual(expected)
    }

    private static func accumulate(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: Int, negative: Bool) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < radix else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow else { return nil }
            let (next, carry) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !carry else { return nil }
            value = next
        }
        return value
    }

    private static func countDigits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        return index - start
    }

    /// The number of digits (at most `maximum`) starting at `start`.
    private static func digits(_ bytes: [UInt8], _ start: Int, _ maximum: Int) -> Int {
        var index = start
        while index < bytes.count && index - start < maximum && isDigit(bytes[index]) { index += 1 }
        return index - start
    }

    /// The decimal value of `count` digits starting at `start`.
    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int {
        bytes[start..<start + count].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}

extension UInt8 {
    fileprivate var isASCIIHexDigit: Bool {
        YAMLCoreSchema.isDigit(self) || (self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "f"))
    }
}
