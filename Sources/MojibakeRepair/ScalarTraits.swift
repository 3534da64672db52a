import Foundation
import Synchronization

/// Classifies Unicode scalars for the plausibility model: how common a character is in newsletter text,
/// its script, and whether it reads as a letter, an emoji part, math or punctuation.
///
/// Only the candidate runs found by the byte scan reach these functions; the properties of the
/// scalars they meet most are kept in a table.
enum ScalarTraits {
    /// How likely a character is to appear in real text; decides whether a decoding is worth making.
    enum Tier: Int, Comparable {
        /// Latin-1, basic Greek and Cyrillic, punctuation, symbols, CJK, kana, Hangul, emoji.
        case common
        /// Letters of smaller alphabets and extensions: Latin Extended-A, Romanian, Vietnamese, Hebrew, Arabic.
        case uncommon
        /// IPA, spacing modifiers, historic Cyrillic, Hebrew points, private use: almost never the intended text.
        case implausible

        static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A coarse script, enough to tell whether a decoded letter belongs with its neighbours.
    enum Script: Int {
        case latin, greek, cyrillic, cjk, other
    }

    static let appleLogo: UInt32 = 0xF8FF
    static let replacementCharacter: UInt32 = 0xFFFD
    static let zeroWidthJoiner: UInt32 = 0x200D
    static let variationSelector16: UInt32 = 0xFE0F
    static let combiningKeycap: UInt32 = 0x20E3

    /// Whether a decoded value may stand as a character at all: assigned, not a control, surrogate or
    /// noncharacter, and not private use except the Apple logo (which only an outer layer produces).
    @inline(__always)
    static func isAssignedText(_ value: UInt32) -> Bool {
        isAssignedText(value, in: table)
    }

    /// ``isAssignedText(_:)`` with the table fetched by the caller (``Entry/table``).
    @inline(__always)
    static func isAssignedText(_ value: UInt32, in table: Table) -> Bool {
        if let index = tableIndex(value) { return table.bits(index) & assignedTextBit != 0 }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return isAssignedText(value, category: scalar.properties.generalCategory)
    }

    private static func isAssignedText(_ value: UInt32, category: Unicode.GeneralCategory) -> Bool {
        // Noncharacters: U+FDD0-U+FDEF and the last two code points of every plane.
        if (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE { return false }
        switch category {
        case .unassigned, .control, .surrogate: return false
        case .privateUse: return value == appleLogo
        default: return true
        }
    }

    /// A block of the table holds 1 << blockShift scalars.
    private static let blockShift = 8

    /// The table's memory and which of its blocks are filled (each flag set, with release ordering, after its entries
    /// are written): what a caller looking up several scalars fetches once (``Entry/table``), since every fetch of a
    /// lazily made global checks that it is made.
    struct Table: @unchecked Sendable {
        fileprivate let properties: UnsafeMutablePointer<UInt16>
        fileprivate let categories: UnsafeMutablePointer<Unicode.GeneralCategory>
        fileprivate let filledBlocks: UnsafeMutablePointer<Atomic<Bool>>

        /// The property bits at `index`, its block filled first if it is not yet.
        @inline(__always)
        fileprivate func bits(_ index: Int) -> UInt16 {
            if !filledBlocks[index >> blockShift].load(ordering: .acquiring) { fill(block: index >> blockShift) }
            return properties[index]
        }

        @inline(__always)
        fileprivate func category(_ index: Int) -> Unicode.GeneralCategory {
            if !filledBlocks[index >> blockShift].load(ordering: .acquiring) { fill(block: index >> blockShift) }
            return categories[index]
        }
    }

    /// Property bits, tier, script and general category of the scalars in the table (see `tableIndex`),
    /// looked up once, because the standard library's property queries would otherwise dominate the close
    /// look at candidate runs. The accessors are inlined. The tables are plain memory that lives as long as the
    /// process: reading an array held by a global retains and releases it, which threads scanning pieces of one
    /// text would contend for.
    ///
    /// The table is filled a block of 256 scalars at a time, the first time one of them is looked up: filling all of
    /// it took 4 ms, two fifths of checking one draft, which meets a few blocks.
    private static let table: Table = {
        let properties = UnsafeMutablePointer<UInt16>.allocate(capacity: tableCount)
        properties.initialize(repeating: 0, count: tableCount)
        let categories = UnsafeMutablePointer<Unicode.GeneralCategory>.allocate(capacity: tableCount)
        categories.initialize(repeating: .unassigned, count: tableCount)
        let blocks = (tableCount + (1 << blockShift) - 1) >> blockShift
        let filledBlocks = UnsafeMutablePointer<Atomic<Bool>>.allocate(capacity: blocks)
        for block in 0..<blocks { (filledBlocks + block).initialize(to: Atomic(false)) }
        return Table(properties: properties, categories: categories, filledBlocks: filledBlocks)
    }()
    /// Held while a block is filled, so that two threads meeting the same new block write it once; a lock whose
    /// waiters sleep (`NSLock`), as `Mutex`'s spin in the kernel on Linux.
    private static let filling = NSLock()

    @inline(never)
    private static func fill(block: Int) {
        filling.withLock {
            guard !table.filledBlocks[block].load(ordering: .relaxed) else { return }
            for index in block << blockShift..<min((block + 1) << blockShift, tableCount) {
                let value = scalarValue(atTableIndex: index)
                let (bits, category) = ideographEntry(value) ?? computeEntry(value)
                table.properties[index] = bits
                table.categories[index] = category
            }
            table.filledBlocks[block].store(true, ordering: .releasing)
        }
    }

    /// The CJK unified ideographs of the table (U+3400-U+4DBF, U+4E00-U+9FFF) are all letters of one kind, and
    /// two thirds of the table: their entry is written without the standard library's four queries, which made
    /// the table cost about 25 ms of every process that looks at mojibake. A test compares it with
    /// ``computeEntry(_:)`` for each of them.
    static func ideographEntry(_ value: UInt32) -> (bits: UInt16, category: Unicode.GeneralCategory)? {
        guard (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) else { return nil }
        let bits = UInt16(computeTier(value).rawValue) << tierShift | UInt16(Script.cjk.rawValue) << scriptShift
        return (bits | letterBit | assignedTextBit, .otherLetter)
    }

    /// The table entry of `value` (property bits, tier and script) and its general category.
    static func computeEntry(_ value: UInt32) -> (bits: UInt16, category: Unicode.GeneralCategory) {
        var bits = UInt16(computeTier(value).rawValue) << tierShift | UInt16(computeScript(value).rawValue) << scriptShift
        guard let scalar = Unicode.Scalar(value) else { return (bits, .surrogate) }
        let scalarProperties = scalar.properties
        let category = scalarProperties.generalCategory
        if scalarProperties.isAlphabetic { bits |= letterBit }
        if scalarProperties.isUppercase { bits |= uppercaseBit }
        if scalarProperties.isLowercase { bits |= lowercaseBit }
        if isAssignedText(value, category: category) { bits |= assignedTextBit }
        if computeIsEmojiPart(value) { bits |= emojiPartBit }
        if category == .initialPunctuation || category == .openPunctuation { bits |= opensBit }
        return (bits, category)
    }

    /// What the table knows about one scalar, looked up once for the several questions the plausibility
    /// model asks about the same character.
    struct Entry {
        let bits: UInt16

        @inline(__always)
        init(_ value: UInt32) {
            self.init(value, in: ScalarTraits.table)
        }

        /// The entry of `value`, with the table fetched once (a lazily made global is checked on every
        /// fetch) by a caller that looks up several scalars.
        @inline(__always)
        init(_ value: UInt32, in table: Table) {
            if let index = tableIndex(value) { bits = table.bits(index) } else { bits = computeEntry(value).bits }
        }

        /// The table to pass to ``init(_:in:)``.
        static var table: Table { ScalarTraits.table }

        var isLetter: Bool { bits & letterBit != 0 }
        var isUppercase: Bool { bits & uppercaseBit != 0 }
        var isLowercase: Bool { bits & lowercaseBit != 0 }
        /// Whether the character opens something (a quote, a bracket), so that text should follow it.
        var opens: Bool { bits & opensBit != 0 }
        var tier: Tier { Tier(rawValue: Int(bits >> tierShift & 3)) ?? .implausible }
        var script: Script { Script(rawValue: Int(bits >> scriptShift & 7)) ?? .other }

        /// Whether two letters plausibly belong to the same word (see ``ScalarTraits/sameScript(_:_:)``).
        func sameScript(_ other: Entry) -> Bool { script != .other && script == other.script }
    }
    /// The table covers the scalars below `bmpTableLimit` (Latin to CJK), the end of the BMP (the Apple
    /// logo that Mac OS Roman mojibake holds, ligatures, full-width forms, U+FFFD) and the emoji block.
    private static let bmpTableLimit: UInt32 = 0xA000
    private static let compatibilityTableRange: Range<UInt32> = 0xF800..<0x10000
    private static let emojiTableRange: Range<UInt32> = 0x1F000..<0x1FB00
    private static let emojiTableStart = Int(bmpTableLimit) + compatibilityTableRange.count
    private static let tableCount = emojiTableStart + emojiTableRange.count

    /// The scalar value kept at `index` of the tables (the inverse of `tableIndex`).
    private static func scalarValue(atTableIndex index: Int) -> UInt32 {
        if index < Int(bmpTableLimit) { return UInt32(index) }
        if index < emojiTableStart { return UInt32(index - Int(bmpTableLimit)) + compatibilityTableRange.lowerBound }
        return UInt32(index - emojiTableStart) + emojiTableRange.lowerBound
    }

    /// Where `value` is in the tables, or `nil` if it is not kept there.
    @inline(__always)
    private static func tableIndex(_ value: UInt32) -> Int? {
        if value < bmpTableLimit { return Int(value) }
        if compatibilityTableRange.contains(value) { return Int(value - compatibilityTableRange.lowerBound + bmpTableLimit) }
        if emojiTableRange.contains(value) { return Int(value - emojiTableRange.lowerBound) + emojiTableStart }
        return nil
    }

    /// The general category of a valid scalar value.
    @inline(__always)
    static func category(_ value: UInt32) -> Unicode.GeneralCategory {
        if let index = tableIndex(value) { return table.category(index) }
        return Unicode.Scalar(value)?.properties.generalCategory ?? .surrogate
    }
    private static let letterBit: UInt16 = 1
    private static let uppercaseBit: UInt16 = 2
    private static let lowercaseBit: UInt16 = 4
    private static let assignedTextBit: UInt16 = 8
    private static let emojiPartBit: UInt16 = 16
    private static let opensBit: UInt16 = 32
    /// Where the tier (two bits) and the script (three bits) are kept in a table entry.
    private static let tierShift: UInt16 = 6
    private static let scriptShift: UInt16 = 8

    @inline(__always)
    static func tier(_ value: UInt32) -> Tier {
        tier(value, in: table)
    }

    /// ``tier(_:)`` with the table fetched by the caller (``Entry/table``).
    @inline(__always)
    static func tier(_ value: UInt32, in table: Table) -> Tier {
        if let index = tableIndex(value) { return Tier(rawValue: Int(table.bits(index) >> tierShift & 3)) ?? .implausible }
        return computeTier(value)
    }

    private static func computeTier(_ value: UInt32) -> Tier {
        switch value {
        case 0x0000...0x007F: return value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D ? .common : .implausible
        case 0x0080...0x009F: return .implausible
        case 0x00A0...0x00FF: return .common
        // The long s `ſ` is archaic; as C5 BF it is box drawing `┼┐` read as code page 437.
        case 0x017F: return .implausible
        case 0x0100...0x017E: return .uncommon
        case 0x0180...0x024F: return latinExtendedBTier(value)
        case 0x0250...0x02FF: return .implausible
        case 0x0300...0x036F: return .uncommon
        case 0x0370...0x0385, 0x03CF...0x03FF: return .implausible
        case 0x0386...0x03CE: return .common
        case 0x0400...0x045F: return .common
        case 0x0490...0x0491: return .uncommon
        case 0x0460...0x052F: return .implausible
        case 0x0531...0x0556, 0x0561...0x0587: return .uncommon
        case 0x05D0...0x05EA: return .uncommon
        case 0x0620...0x064A, 0x0660...0x0669: return .uncommon
        case 0x0530...0x07FF: return .implausible
        case appleLogo: return .implausible
        case 0xE000...0xF8FE, 0xF0000...0x10FFFF: return .implausible
        case 0x0800...0xFFFF: return bmpTier(value)
        case 0x1F1E6...0x1F1FF, 0x1F170...0x1F19A, 0x1F300...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F900...0x1FAFF,
             0xE0020...0xE007F:
            return .common
        case 0x1F000...0x1FAFF: return .uncommon
        case 0x20000...0x3FFFF: return .uncommon
        case 0x1D400...0x1D7FF: return .uncommon
        default: return .implausible
        }
    }

    private static func latinExtendedBTier(_ value: UInt32) -> Tier {
        switch value {
        case 0x0218...0x021B,  // Romanian ș ț
             0x01A0...0x01A1, 0x01AF...0x01B0,  // Vietnamese ơ ư
             0x01CD...0x01DC:  // pinyin tone vowels
            return .uncommon
        default:
            return .implausible
        }
    }

    private static func bmpTier(_ value: UInt32) -> Tier {
        switch value {
        case 0x0800...0x08FF, 0x1680...0x16FF, 0x1800...0x18AF, 0x1D00...0x1DFF, 0x2C60...0x2C7F, 0xA700...0xA7FF:
            // Samaritan, Ogham, Runic, Mongolian, phonetic extensions, rare Latin extensions.
            return .implausible
        case 0x0900...0x0DFF, 0x0E00...0x0E7F, 0x10A0...0x10FF, 0x1100...0x11FF: return .common
        case 0x1E00...0x1EFF, 0x1F00...0x1FFF: return .uncommon
        case 0x2011...0x2027, 0x2030...0x203C, 0x2047...0x2049, 0x20A0...0x20CF, 0x2100...0x21FF, 0x2200...0x22FF,
             0x2460...0x24FF, 0x2500...0x27BF:
            return .common
        case 0x2000...0x2BFF:
            // Technical symbols, control pictures, rare punctuation: common only where they are emoji.
            return computeIsEmojiPart(value) ? .common : .uncommon
        // Kanbun and ideographic description marks never stand in running text; radicals and the rare
        // ideographs of extension A are what three misread characters decode to by chance (`ã†’` is `㆒`).
        case 0x2FF0...0x2FFF, 0x3190...0x319F: return .implausible
        case 0x2E80...0x2FDF, 0x3400...0x4DBF: return .uncommon
        case 0x2E80...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF: return .common
        case 0xFE00...0xFE0F, 0xFF00...0xFFEF: return .common
        default: return .uncommon
        }
    }

    @inline(__always)
    static func script(_ value: UInt32) -> Script {
        if let index = tableIndex(value) { return Script(rawValue: Int(table.bits(index) >> scriptShift & 7)) ?? .other }
        return computeScript(value)
    }

    private static func computeScript(_ value: UInt32) -> Script {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x400...0x52F: return .cyrillic
        case 0x2E80...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x20000...0x3FFFF: return .cjk
        default: return .other
        }
    }

    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        if let index = tableIndex(value) { return table.bits(index) & letterBit != 0 }
        return computeIsLetter(value)
    }

    @inline(__always)
    static func isUppercase(_ value: UInt32) -> Bool {
        if let index = tableIndex(value) { return table.bits(index) & uppercaseBit != 0 }
        return computeIsUppercase(value)
    }

    @inline(__always)
    static func isLowercase(_ value: UInt32) -> Bool {
        if let index = tableIndex(value) { return table.bits(index) & lowercaseBit != 0 }
        return computeIsLowercase(value)
    }

    private static func computeIsLetter(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.isAlphabetic ?? false
    }

    private static func computeIsUppercase(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    private static func computeIsLowercase(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.isLowercase ?? false
    }

    static func isASCIIAlphanumeric(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    static func isC1Control(_ value: UInt32) -> Bool { (0x80...0x9F).contains(value) }

    /// Box drawing, block elements and shades (`┌─┐`, `▓▒░`), which code page 437 places among its lead and
    /// continuation bytes.
    static func isBoxDrawing(_ value: UInt32) -> Bool { (0x2500...0x259F).contains(value) }

    /// Pictographs and the characters that build emoji sequences (skin tones, regional indicators, tags).
    @inline(__always)
    static func isEmojiPart(_ value: UInt32) -> Bool {
        isEmojiPart(value, in: table)
    }

    /// ``isEmojiPart(_:)`` with the table fetched by the caller (``Entry/table``).
    @inline(__always)
    static func isEmojiPart(_ value: UInt32, in table: Table) -> Bool {
        if let index = tableIndex(value) { return table.bits(index) & emojiPartBit != 0 }
        return computeIsEmojiPart(value)
    }

    private static func computeIsEmojiPart(_ value: UInt32) -> Bool {
        switch value {
        case 0x1F000...0x1FAFF, 0xE0020...0xE007F, zeroWidthJoiner, variationSelector16, combiningKeycap:
            return true
        case 0x2000...0x3299:
            return Unicode.Scalar(value)?.properties.isEmoji ?? false
        default:
            return false
        }
    }

    /// Characters that naturally follow the last letter of a word: closing quotes, ellipsis, no-break
    /// space, trademark signs, superscripts.
    static func followsWords(_ value: UInt32) -> Bool {
        switch value {
        case 0x00A0, 0x00AD, 0x00AE, 0x00A9, 0x00B2, 0x00B3, 0x00B9, 0x00B7, 0x00BB,
             0x2019, 0x201D, 0x203A, 0x2026, 0x2122, 0x2013, 0x2014, 0x2022:
            return true
        default:
            return false
        }
    }

    /// Punctuation written right after a word's last letter, inside a sentence or a word (`café’s`,
    /// `está—dijo`, `déjà…`, `entrée”`): closing and opening quotes, apostrophes, dashes, the ellipsis.
    /// `¹`, `²`, `³`.
    static func isSuperscriptDigit(_ value: UInt32) -> Bool { value == 0x00B9 || value == 0x00B2 || value == 0x00B3 }

    static func isPunctuationAfterLetters(_ value: UInt32) -> Bool {
        followsWords(value) || isWordBoundaryPunctuation(value)
    }

    /// The letters of Turkish that Mac OS Roman has and that can follow its byte 9F (`ü`) in an emoji
    /// whose Apple logo was stripped: `ü`, `ç`, `ö`.
    static func isTurkishMacOSRomanLetter(_ value: UInt32) -> Bool { value == 0x00FC || value == 0x00E7 || value == 0x00F6 }

    /// The characters that end a word of capitals in correct text (`IRMÃ”`, `SELKÄ`+NBSP, `NESTLÉ®`);
    /// not `™`, which follows brand names rather than words ending in `Ã`.
    static func endsCapitalWords(_ value: UInt32) -> Bool {
        switch value {
        case 0x00A0, 0x00AD, 0x00AE, 0x00A9, 0x00BB, 0x2019, 0x201D, 0x203A, 0x2026:
            return true
        default:
            return false
        }
    }

    /// Mathematical symbols and the Greek letters used in formulas (`√π`, `∑`, `≤`).
    static func isMath(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AC, 0x00B1, 0x00B5, 0x00F7, 0x03A9, 0x03C0, 0x2202, 0x2206, 0x220F, 0x2211, 0x221A,
             0x221E, 0x222B, 0x2248, 0x2260, 0x2264, 0x2265, 0x25CA:
            return true
        default:
            return false
        }
    }

    /// Punctuation that begins or ends words (quotes, guillemets, dashes, ellipsis) and so stands next to
    /// letters in correct text; as a Mac OS Roman lead byte it decodes to Cyrillic, Armenian or Hebrew.
    static func isWordBoundaryPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AB, 0x00BB, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2039, 0x203A:
            return true
        default:
            return false
        }
    }

    /// Operators written right before their operand (`√π`, `≈π`, `∆x`); logic's `¬` takes ASCII letters.
    static func isPrefixOperator(_ value: UInt32) -> Bool { value == 0x221A || value == 0x2248 || value == 0x2206 }

    /// Apostrophes, which also stand inside words (`l’été`, `don’t`).
    static func isApostrophe(_ value: UInt32) -> Bool { value == 0x2019 || value == 0x2018 }

    /// Whether two letters plausibly belong to the same word.
    static func sameScript(_ lhs: UInt32, _ rhs: UInt32) -> Bool {
        let script = script(lhs)
        return script != .other && script == Self.script(rhs)
    }
}
