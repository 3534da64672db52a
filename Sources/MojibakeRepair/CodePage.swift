/// A single-byte character set: which character each byte stands for.
///
/// Mojibake is UTF-8 decoded with one of these. Every code page is the same logic over a different
/// 128-entry table for bytes 0x80-0xFF (bytes below 0x80 are ASCII), so supporting another code page
/// means adding a table, nothing else:
///
/// ```swift
/// let page = CodePage.macOSRoman
/// page.misread(Array("🤌".utf8))            // "\u{F8FF}ü§å"
/// page.byte(for: "√")                       // 0xC3
/// CodePage.windows1252.misread(Array("’".utf8))  // "â€™"
/// ```
public struct CodePage: Sendable, Hashable, CustomStringConvertible {
    /// What a decoder does with a byte its code page leaves undefined (0x81 in Windows-1252, for example).
    public enum UndefinedByte: Sendable, Hashable {
        /// The byte disappears (Python's `errors="ignore"`).
        case drop
        /// The byte becomes U+FFFD REPLACEMENT CHARACTER.
        case replace
    }

    /// A stable lowercase identifier, such as `windows-1252` or `macintosh`.
    public let identifier: String
    /// The name people use for it, such as `Windows-1252` or `Mac OS Roman`, used in explanations.
    public let name: String
    /// Bytes that a strict decoder of this code page's source drops, and that this page keeps as C1
    /// controls; empty for ordinary code pages. The scanner reconstructs them when they are missing.
    public let bytesLostByStrictDecoders: [UInt8]
    /// The scalar value for each byte 0x00-0xFF; `nil` where the code page leaves the byte undefined.
    private let characters: [UInt32?]
    /// Byte for each scalar below ``denseLimit`` (0 means none); the few characters above it are in `sparseBytes`.
    private let denseBytes: [UInt8]
    private let sparseBytes: [UInt32: UInt8]
    private static let denseLimit: UInt32 = 0x2600

    /// Creates a code page from the characters of bytes 0x80-0xFF (128 values, 0 for an undefined byte).
    ///
    /// - Precondition: `upperHalf` has exactly 128 entries, and no two bytes map to the same character.
    public init(identifier: String, name: String, upperHalf: [UInt16]) {
        self.init(identifier: identifier, name: name, upperHalf: upperHalf, bytesLostByStrictDecoders: [])
    }

    private init(identifier: String, name: String, upperHalf: [UInt16], bytesLostByStrictDecoders: [UInt8]) {
        precondition(upperHalf.count == 128, "a code page table lists the 128 bytes 0x80-0xFF")
        self.identifier = identifier
        self.name = name
        self.bytesLostByStrictDecoders = bytesLostByStrictDecoders
        var characters = (0..<128).map { UInt32?($0) }
        characters += upperHalf.map { $0 == 0 ? nil : UInt32($0) }
        self.characters = characters
        var dense = [UInt8](repeating: 0, count: Int(Self.denseLimit))
        var sparse: [UInt32: UInt8] = [:]
        for byte in 0x80...0xFF {
            guard let value = characters[byte] else { continue }
            if value < Self.denseLimit { dense[Int(value)] = UInt8(byte) } else { sparse[value] = UInt8(byte) }
        }
        self.denseBytes = dense
        self.sparseBytes = sparse
    }

    /// The character a byte stands for, or `nil` if the code page leaves it undefined.
    public func character(forByte byte: UInt8) -> Unicode.Scalar? {
        characters[Int(byte)].flatMap(Unicode.Scalar.init)
    }

    /// The byte that stands for a character in this code page, or `nil` if it has none.
    public func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 { return UInt8(value) }
        let byte = value < Self.denseLimit ? denseBytes[Int(value)] : sparseBytes[value] ?? 0
        return byte == 0 ? nil : byte
    }

    /// The bytes this code page leaves undefined, in increasing order.
    public var undefinedBytes: [UInt8] {
        (0x80...0xFF).compactMap { characters[$0] == nil ? UInt8($0) : nil }
    }

    /// Decodes bytes with this code page: what a program that assumed this code page showed for them.
    ///
    /// Feeding it the UTF-8 bytes of correct text produces mojibake.
    public func misread(_ bytes: some Sequence<UInt8>, undefined: UndefinedByte = .drop) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if let value = characters[Int(byte)], let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            } else if undefined == .replace {
                scalars.append("\u{FFFD}")
            }
        }
        return String(scalars)
    }

    /// The bytes of `text` in this code page, or `nil` if some character has no byte here.
    public func encode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard let byte = byte(for: scalar) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// A copy in which each undefined byte stands for the C1 control character of the same number,
    /// as "sloppy" decoders (browsers, Python's `sloppy-windows-1252` in ftfy) do.
    public func keepingUndefinedBytesAsControls(identifier: String, name: String) -> CodePage {
        CodePage(
            identifier: identifier,
            name: name,
            upperHalf: (0x80...0xFF).map { UInt16(characters[$0] ?? UInt32($0)) },
            bytesLostByStrictDecoders: undefinedBytes
        )
    }

    public var description: String { name }

    public static func == (lhs: CodePage, rhs: CodePage) -> Bool { lhs.identifier == rhs.identifier }

    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}

extension CodePage {
    /// Windows-1252 as Windows defines it: five bytes are undefined and are lost when decoded.
    public static let windows1252 = CodePage(identifier: "windows-1252", name: "Windows-1252", upperHalf: windows1252Table)
    /// Windows-1252 with its undefined bytes kept as C1 controls, as browsers decode it.
    public static let windows1252Sloppy = windows1252.keepingUndefinedBytesAsControls(
        identifier: "sloppy-windows-1252", name: "Windows-1252")
    /// ISO-8859-1 (Latin-1): bytes 0x80-0x9F are the C1 controls.
    public static let latin1 = CodePage(identifier: "iso-8859-1", name: "Latin-1", upperHalf: latin1Table)
    /// Mac OS Roman, the classic Macintosh character set; byte 0xF0 is the Apple logo (U+F8FF, private use).
    public static let macOSRoman = CodePage(identifier: "macintosh", name: "Mac OS Roman", upperHalf: macOSRomanTable)
    /// Windows-1250, for Central European languages: five bytes are undefined and are lost when decoded.
    public static let windows1250 = CodePage(identifier: "windows-1250", name: "Windows-1250", upperHalf: windows1250Table)
    /// Windows-1250 with its undefined bytes kept as C1 controls.
    public static let windows1250Sloppy = windows1250.keepingUndefinedBytesAsControls(
        identifier: "sloppy-windows-1250", name: "Windows-1250")
    /// Windows-1251, for Cyrillic: byte 0x98 is undefined and is lost when decoded.
    public static let windows1251 = CodePage(identifier: "windows-1251", name: "Windows-1251", upperHalf: windows1251Table)
    /// Windows-1251 with byte 0x98 kept as a C1 control.
    public static let windows1251Sloppy = windows1251.keepingUndefinedBytesAsControls(
        identifier: "sloppy-windows-1251", name: "Windows-1251")
    /// Windows-1253, for Greek.
    public static let windows1253 = CodePage(identifier: "windows-1253", name: "Windows-1253", upperHalf: windows1253Table)
    /// Windows-1253 with its undefined bytes kept as the Latin-1 characters of the same number.
    public static let windows1253Sloppy = windows1253.keepingUndefinedBytesAsControls(
        identifier: "sloppy-windows-1253", name: "Windows-1253")
    /// Windows-1254, for Turkish.
    public static let windows1254 = CodePage(identifier: "windows-1254", name: "Windows-1254", upperHalf: windows1254Table)
    /// Windows-1254 with its undefined bytes kept as C1 controls.
    public static let windows1254Sloppy = windows1254.keepingUndefinedBytesAsControls(
        identifier: "sloppy-windows-1254", name: "Windows-1254")
    /// Windows-1257, for the Baltic languages.
    public static let windows1257 = CodePage(identifier: "windows-1257", name: "Windows-1257", upperHalf: windows1257Table)
    /// Windows-1257 with its undefined bytes kept as the Latin-1 characters of the same number.
    public static let windows1257Sloppy = windows1257.keepingUndefinedBytesAsControls(
        identifier: "sloppy-windows-1257", name: "Windows-1257")
    /// ISO-8859-2 (Latin-2), for Central European languages: bytes 0x80-0x9F are the C1 controls.
    public static let iso8859_2 = CodePage(identifier: "iso-8859-2", name: "ISO-8859-2", upperHalf: iso88592Table)
    /// IBM code page 437, the character set of the original PC.
    public static let cp437 = CodePage(identifier: "ibm437", name: "code page 437", upperHalf: cp437Table)
    /// IBM code page 866, DOS Cyrillic.
    public static let cp866 = CodePage(identifier: "ibm866", name: "code page 866", upperHalf: cp866Table)
    /// KOI8-R, the Russian character set of Unix and early e-mail.
    public static let koi8R = CodePage(identifier: "koi8-r", name: "KOI8-R", upperHalf: koi8RTable)

    /// Every code page this library knows.
    public static let all: [CodePage] = [
        windows1252Sloppy, windows1252, latin1, macOSRoman, windows1250Sloppy, windows1250, windows1251Sloppy, windows1251,
        windows1253Sloppy, windows1253, windows1254Sloppy, windows1254, windows1257Sloppy, windows1257, iso8859_2, cp437,
        cp866, koi8R,
    ]
}
