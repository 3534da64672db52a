/// What is wrong with the shape of a link destination, judged from the text alone (no network).
struct URLShape {
    /// A problem, and the replacement of the destination's first characters that repairs it, if one is known.
    struct Problem: Equatable {
        var message: String
        var prefixRepair: (old: String, new: String)?

        static func == (lhs: Problem, rhs: Problem) -> Bool {
            lhs.message == rhs.message && lhs.prefixRepair?.old == rhs.prefixRepair?.old && lhs.prefixRepair?.new == rhs.prefixRepair?.new
        }
    }

    /// File extensions that make `name.ext` a relative file rather than a domain without a scheme.
    private static let fileExtensions: Set<String> = ["html", "htm", "md", "php", "asp", "aspx", "pdf", "png", "jpg", "jpeg", "gif", "svg", "txt", "xml", "json"]

    let allowedSchemes: [String]

    /// The first problem of `destination`, or `nil` when it is well-formed or relative.
    func problem(_ destination: Substring) -> Problem? {
        // The first byte tells most destinations apart without breaking the text into characters.
        if let byte = destination.utf8.first, byte == UInt8(ascii: "#") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?"),
           let first = destination.first, first == "#" || first == "/" || first == "." || first == "?" {
            return nil
        }
        let (hasWhiteSpace, parenthesisBalance) = destination.utf8.withContiguousStorageIfAvailable(Self.whiteSpaceAndParentheses)
            ?? Array(destination.utf8).withUnsafeBufferPointer(Self.whiteSpaceAndParentheses)
        if hasWhiteSpace {
            return Problem(message: "link destination '\(destination)' contains white space")
        }
        if parenthesisBalance != 0 {
            return Problem(message: "unbalanced parentheses in link destination '\(destination)'")
        }
        guard let scheme = Self.scheme(of: destination) else { return schemelessProblem(destination) }
        let lower = scheme.lowercased()
        // The scheme is ASCII and its colon a character of its own, so bytes and characters agree up to here.
        let rest = destination[destination.utf8.index(scheme.endIndex, offsetBy: 1)...]
        if lower == "http" || lower == "https" {
            if Self.hasTwoSlashes(destination, afterSchemeOf: scheme.utf8.count) { return hostProblem(destination) }
            let slashes = rest.prefix { $0 == "/" || $0 == "\\" }
            if slashes != "//" {
                return Problem(
                    message: "'\(scheme):' must be followed by exactly '//'",
                    prefixRepair: (scheme + ":" + slashes, lower + "://")
                )
            }
            return hostProblem(destination)
        }
        if let intended = Self.intendedHTTPScheme(lower) {
            let slashes = rest.prefix { $0 == "/" || $0 == "\\" }
            return Problem(message: "misspelled scheme '\(scheme)'; did you mean '\(intended)'?", prefixRepair: (scheme + ":" + slashes, intended + "://"))
        }
        guard allowedSchemes.contains(lower) else {
            return Problem(message: "scheme '\(scheme)' is not allowed; allowed schemes: \(allowedSchemes.joined(separator: ", "))")
        }
        if lower == "mailto" {
            let address = rest.prefix { $0 != "?" }
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") {
                return Problem(message: "'\(address)' is not an email address")
            }
        }
        if lower == "tel", rest.isEmpty || !rest.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.() ".contains($0)) }) {
            return Problem(message: "'\(rest)' is not a telephone number")
        }
        return nil
    }

    /// Whether the bytes hold white space, and how many more `(` than `)`: one pass, as destinations are long and
    /// most are fine.
    private static func whiteSpaceAndParentheses(in bytes: UnsafeBufferPointer<UInt8>) -> (Bool, Int) {
        var hasWhiteSpace = false, parenthesisBalance = 0
        var index = 0
        while index < bytes.count {
            // Sixteen bytes at a time are passed over when none is white space or a parenthesis, as in nearly all of a URL.
            if index + 16 <= bytes.count, let base = bytes.baseAddress,
               !any(Self.isWhiteSpaceOrParenthesis(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self))) {
                index += 16
                continue
            }
            for byte in bytes[index..<min(index + 16, bytes.count)] {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D: hasWhiteSpace = true
                case UInt8(ascii: "("): parenthesisBalance += 1
                case UInt8(ascii: ")"): parenthesisBalance -= 1
                default: break
                }
            }
            index += 16
        }
        return (hasWhiteSpace, parenthesisBalance)
    }

    private static func isWhiteSpaceOrParenthesis(_ bytes: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        bytes .== SIMD16(repeating: 0x20) .| bytes .== SIMD16(repeating: 0x09) .| bytes .== SIMD16(repeating: 0x0A)
            .| bytes .== SIMD16(repeating: 0x0D) .| (bytes & SIMD16(repeating: 0xFE)) .== SIMD16(repeating: UInt8(ascii: "("))
    }

    /// Whether exactly `//` follows the scheme's colon, read on bytes; `false` also when a character beyond ASCII
    /// follows, which the caller then reads by character.
    private static func hasTwoSlashes(_ destination: Substring, afterSchemeOf length: Int) -> Bool {
        let bytes = destination.utf8.dropFirst(length + 1).prefix(3)
        guard bytes.count >= 2, bytes.starts(with: "//".utf8) else { return false }
        guard let next = bytes.dropFirst(2).first else { return true }
        return next < 0x80 && next != UInt8(ascii: "/") && next != UInt8(ascii: "\\")
    }

    private func schemelessProblem(_ destination: Substring) -> Problem? {
        let lower = destination.lowercased()
        for scheme in ["https", "http"] where lower.hasPrefix(scheme + "//") {
            let written = String(destination.prefix(scheme.count + 2))
            return Problem(message: "missing ':' after '\(destination.prefix(scheme.count))'", prefixRepair: (written, scheme + "://"))
        }
        let firstSegment = destination.prefix { !"/?#".contains($0) }
        let labels = firstSegment.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2, last.allSatisfy(\.isLetter),
              !Self.fileExtensions.contains(last.lowercased()),
              labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } })
        else { return nil }
        return Problem(message: "link destination '\(destination)' has no scheme and will be read as a relative path", prefixRepair: ("", "https://"))
    }

    private func hostProblem(_ destination: Substring) -> Problem? {
        guard var host = PlaceholderDetector.host(of: destination) else { return nil }
        guard !host.isEmpty else { return Problem(message: "URL '\(destination)' has no host") }
        // An IPv6 literal: the brackets were removed and only it holds colons.
        if host.utf8.contains(UInt8(ascii: ":")) { return nil }
        // The last byte rules out nearly every host before the last character is looked for.
        if host.utf8.last == UInt8(ascii: "."), host.hasSuffix(".") { host = host.dropLast() }
        let labels = HostLabels(host.utf8)
        guard labels.areValid else { return Problem(message: "'\(host)' is not a valid host name") }
        if labels.areAllNumeric {
            let isIPv4 = labels.count == 4 && labels.areAllOctets
            return isIPv4 ? nil : Problem(message: "'\(host)' is not a valid host name")
        }
        if labels.count == 1 && host.lowercased() != "localhost" {
            return Problem(message: "host '\(host)' has no top-level domain")
        }
        if labels.isLastNumeric {
            return Problem(message: "'\(host)' is not a valid host name")
        }
        return nil
    }

    fileprivate static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// The scheme (`https` in `https://...`), or `nil` when the destination does not start with one.
    ///
    /// Read on UTF-8 bytes: a scheme is ASCII, and it ends at the first colon, so that the rest of the destination is
    /// not looked at.
    static func scheme(of destination: Substring) -> Substring? {
        let utf8 = destination.utf8
        guard let first = utf8.first, isASCIILetter(first) else { return nil }
        var index = utf8.index(after: utf8.startIndex)
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: ":") { break }
            guard isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else {
                return nil
            }
            index = utf8.index(after: index)
        }
        guard index < utf8.endIndex else { return nil }
        // A colon followed by a combining mark is part of another character, not the end of a scheme; followed by
        // ASCII it stands alone.
        let next = utf8.index(after: index)
        guard next == utf8.endIndex || utf8[next] < 0x80 || destination[index] == ":" else { return nil }
        return destination[..<index]
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A
    }

    /// `https` or `http` when `scheme` is one edit away from it (`htps`, `htttp`, `hhtps`, `htpts`).
    private static func intendedHTTPScheme(_ scheme: String) -> String? {
        for target in ["https", "http"] where editDistance(scheme, target) == 1 {
            return target
        }
        return nil
    }

    /// Levenshtein distance with adjacent transpositions, for the few letters of a scheme.
    private static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        guard abs(a.count - b.count) <= 1 else { return 2 }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

/// What ``URLShape`` needs to know of a host's dot-separated labels, read in one pass without splitting the host.
private struct HostLabels {
    private(set) var count = 0
    /// Every label is 1 to 63 letters, digits (or bytes of non-ASCII characters) and hyphens, not at either end.
    private(set) var areValid = true
    private(set) var areAllNumeric = true
    /// Every label is a decimal number up to 255.
    private(set) var areAllOctets = true
    private(set) var isLastNumeric = false

    init(_ host: Substring.UTF8View) {
        var length = 0, first: UInt8 = 0, last: UInt8 = 0, isNumeric = true, value = 0
        for byte in host {
            guard byte != UInt8(ascii: ".") else {
                endLabel(length: length, first: first, last: last, isNumeric: isNumeric, value: value)
                (length, isNumeric, value) = (0, true, 0)
                continue
            }
            if length == 0 { first = byte }
            last = byte
            length += 1
            if byte >= 0x30 && byte <= 0x39 {
                // Saturated: any larger number is as far from an octet.
                value = min(value * 10 + Int(byte - 0x30), 256)
            } else {
                isNumeric = false
                if !(byte >= 0x80 || URLShape.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-")) { areValid = false }
            }
        }
        endLabel(length: length, first: first, last: last, isNumeric: isNumeric, value: value)
    }

    private mutating func endLabel(length: Int, first: UInt8, last: UInt8, isNumeric: Bool, value: Int) {
        count += 1
        if length == 0 || length > 63 || first == UInt8(ascii: "-") || last == UInt8(ascii: "-") { areValid = false }
        areAllNumeric = areAllNumeric && isNumeric
        areAllOctets = areAllOctets && isNumeric && value <= 255
        isLastNumeric = isNumeric
    }
}
