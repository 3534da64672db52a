/// The plausibility model: how strongly a misread sequence speaks for mojibake, in integer points.
///
/// A finding is repaired on its own at ``acceptance`` points or more; with at least ``support`` points it
/// is repaired when a finding of the same code page on the same line was accepted. The DocC article
/// "Mojibake repair" explains each term and the hard cases behind it.
enum MojibakeEvidence {
    /// Points at which a finding is repaired on its own.
    static let acceptance = 2
    /// Points at which a finding is repaired when the line holds an accepted finding of the same code page.
    static let support = 0
    /// Points from which a finding is reported as certain.
    static let certainty = 4
    /// Points added for each further layer that decodes completely.
    static let perExtraLayer = 5

    /// The characters around a sequence, as they read once neighbouring sequences are decoded
    /// (`nil` at the edge of the run, which is white space or the end of the line).
    struct Neighbours {
        var previous: UInt32?
        var beforePrevious: UInt32?
        var next: UInt32?

        var previousIsLetter: Bool { previous.map(ScalarTraits.isLetter) ?? false }
        var nextIsLetter: Bool { next.map(ScalarTraits.isLetter) ?? false }
    }

    /// Points for one sequence.
    ///
    /// - Parameters:
    ///   - mangled: the characters as they appear.
    ///   - leadByte: the byte the first character stands for.
    ///   - strandsContinuation: whether the next character stands for a continuation byte that starts no
    ///     sequence, so that this decoding leaves it belonging to nothing.
    ///   - undecodedNeighbours: the characters touching the sequence that no sequence explains.
    static func points(
        for sequence: MisreadSequence, mangled: UnsafeBufferPointer<UInt32>, leadByte: Int, around: Neighbours,
        strandsContinuation: Bool = false,
        undecodedNeighbours: (previous: UInt32?, next: UInt32?) = (nil, nil)
    ) -> Int {
        let decoded = sequence.value
        let lead = mangled[0]
        let continuations = UnsafeBufferPointer(rebasing: mangled[1...])
        // Each character's table entry is looked up once; the terms below ask several questions of each.
        let table = ScalarTraits.Entry.table
        let decodedTraits = ScalarTraits.Entry(decoded, in: table)
        let leadTraits = ScalarTraits.Entry(lead, in: table)
        let previous = around.previous.map { ScalarTraits.Entry($0, in: table) }
        let next = around.next.map { ScalarTraits.Entry($0, in: table) }
        var continuationsAreLetters = true
        var continuationsAreLowercase = true
        for value in continuations {
            let traits = ScalarTraits.Entry(value, in: table)
            continuationsAreLetters = continuationsAreLetters && traits.isLetter
            continuationsAreLowercase = continuationsAreLowercase && traits.isLowercase
        }
        let previousIsLetter = previous?.isLetter ?? false
        let nextIsLetter = next?.isLetter ?? false

        var points = sequence.byteCount == 2 ? 1 : sequence.byteCount == 3 ? 3 : 4
        // `â€™`, `ðŸ‘‹`, `ü§å`: a symbol among the continuation characters cannot be part of a word.
        if sequence.byteCount > 2, !continuationsAreLetters { points += 1 }

        // Characters that correct text never holds: C1 controls, the Apple logo before continuation bytes.
        if mangled.contains(where: { ScalarTraits.isC1Control($0) || $0 == ScalarTraits.appleLogo }) { points += 2 }

        switch decodedTraits.tier {
        case .common: break
        case .uncommon: points -= 1
        case .implausible: points -= 3
        }

        if sequence.byteCount == 2 {
            let continuation = mangled[1]
            points += twoByteShape(
                lead: lead, leadTraits: leadTraits, continuation: continuation, continuationIsLetter: continuationsAreLetters,
                leadByte: leadByte, previous: previous, nextIsLetter: nextIsLetter, nextIsLowercase: next?.isLowercase ?? false
            )
        } else if sequence.strippedLead {
            // `üëã` is three letters; a run of letters glued to a word is a word (Turkish `üçüncü`), and
            // an emoji between two letters (`küçük`) is never what the author wrote.
            if leadTraits.isLetter && continuationsAreLetters {
                points -= 2
                if previousIsLetter || nextIsLetter { points -= 2 }
                if previousIsLetter && nextIsLetter { points -= 2 }
                // Turkish `üçü` (`three`) and `üçö` are words: on their own they need a confirmed line.
                if mangled.allSatisfy(ScalarTraits.isTurkishMacOSRomanLetter) { points -= 2 }
            }
        } else if previous?.script == .latin, decodedTraits.isLetter, continuations.allSatisfy(ScalarTraits.isPunctuationAfterLetters) {
            // `Brontë…”`, `‘café’”`, `está…”`: an accented letter ending a word, then punctuation; never a
            // letter of another script, even where the line holds other mojibake. A symbol is different:
            // `hatikuâ™«` is `♫` (E2 99 AB), since `â` leads the block of punctuation and symbols.
            points -= 5
        } else if strandsContinuation, leadTraits.isLetter, previous?.script == .latin, previousIsLetter,
                  decodedTraits.isLetter, !decodedTraits.sameScript(leadTraits) {
            // `caféŸ‘‹`: an accented letter inside a word, read with the next two characters as a letter of
            // another script, stranding the byte after them (a symbol is different: `ââ‚¬™` is `â€™` with its
            // `€` mangled once more). The bytes belong elsewhere (here, to `👋` whose
            // lead was lost); never a character of its own, even where the line holds other mojibake.
            points -= 5
        } else if sequence.byteCount == 3, leadTraits.isUppercase, continuationsAreLowercase {
            // Mac OS Roman `Âéè` reads like a capitalised word; it still decodes (to CJK) with support.
            points -= 3
        }

        if mangled.allSatisfy(ScalarTraits.isBoxDrawing),
           undecodedNeighbours.previous.map(ScalarTraits.isBoxDrawing) ?? false
            || undecodedNeighbours.next.map(ScalarTraits.isBoxDrawing) ?? false {
            // `─┐` is C4 BF (`Ŀ`) in code page 437, but inside box art it is box art; genuine code page 437
            // mojibake is made of whole sequences (`╨┐╤Ç╨░` for `пра`), never next to a stray line.
            points -= 5
        }
        if leadTraits.script == .cyrillic || leadTraits.script == .greek {
            points += alphabeticPenalty(
                mangled: mangled, script: leadTraits.script, decodedTraits: decodedTraits, byteCount: sequence.byteCount,
                undecodedNeighbours: undecodedNeighbours, table: table
            )
        }

        if decodedTraits.isLetter {
            if isLowercaseInCapitals(decodedTraits, previous: previous, around: around, next: next) {
                // `SÖÄ£`: a small letter inside a word of capitals is not what the author wrote.
                points -= 1
            } else if let previous, previous.isLetter {
                if previous.sameScript(decodedTraits) && !(decodedTraits.isUppercase && previous.isLowercase) {
                    points += 1
                }
            } else if let next, next.isLetter, next.sameScript(decodedTraits) {
                points += 1
            }
        }
        // ``¬´ )`: an opening quote with nothing to open, between ASCII punctuation, is an emoticon.
        if decodedTraits.opens,
           around.next.map({ $0 == 0x20 }) ?? true, around.previous.map({ $0 < 0x80 && !ScalarTraits.isASCIIAlphanumeric($0) && $0 != 0x20 }) ?? false {
            points -= 2
        }
        return points
    }

    /// Points against a sequence made only of Cyrillic or Greek letters, the shape ordinary words take in the
    /// pages where those letters are lead and continuation bytes (Windows-1251, code page 866, KOI8-R,
    /// Windows-1253); genuine mojibake of those pages pairs a letter with a symbol, a box-drawing character or
    /// another pair (`РџСЂРёРІРµС‚`), never with an undecoded letter of the word.
    private static func alphabeticPenalty(
        mangled: UnsafeBufferPointer<UInt32>, script: ScalarTraits.Script, decodedTraits: ScalarTraits.Entry, byteCount: Int,
        undecodedNeighbours: (previous: UInt32?, next: UInt32?), table: ScalarTraits.Table
    ) -> Int {
        func isLetter(_ value: UInt32?) -> Bool {
            guard let value else { return false }
            let traits = ScalarTraits.Entry(value, in: table)
            return traits.isLetter && traits.script == script
        }
        guard mangled.allSatisfy(isLetter) else { return 0 }
        // `Рідна`, `РІВЕНЬ`, `Рєчиця`: a pair of letters inside a word whose other letters stand as written.
        if isLetter(undecodedNeighbours.previous) || isLetter(undecodedNeighbours.next) { return -5 }
        // `Привет` in code page 866 holds `рив` (E0 A8 A2, Gurmukhi), `Ёлка` is F0 AB AA A0 (a CJK extension):
        // three or four letters of a word never stand for one letter of another script.
        if byteCount >= 3, decodedTraits.isLetter, decodedTraits.script != script { return -5 }
        return 0
    }

    /// Whether a small letter stands after two capitals or between capitals.
    private static func isLowercaseInCapitals(
        _ decoded: ScalarTraits.Entry, previous: ScalarTraits.Entry?, around: Neighbours, next: ScalarTraits.Entry?
    ) -> Bool {
        guard decoded.isLowercase, let previous, previous.isUppercase else { return false }
        return around.beforePrevious.map(ScalarTraits.isUppercase) ?? false || next?.isUppercase ?? false
    }

    /// Points for the shape of a two-character sequence, the kind correct text can produce by chance.
    private static func twoByteShape(
        lead: UInt32, leadTraits: ScalarTraits.Entry, continuation: UInt32, continuationIsLetter: Bool, leadByte: Int,
        previous: ScalarTraits.Entry?, nextIsLetter: Bool, nextIsLowercase: Bool
    ) -> Int {
        var points = 0
        let previousIsLetter = previous?.isLetter ?? false
        // C2 and C3 lead the Latin-1 range: `Â©`, `Ã©`, `¬†`, `√©`. Windows-1257 writes C2 as `Ā`, a letter
        // that starts Latvian names (`Āø` is how one writes their name, not `¸`), so it earns nothing there.
        if leadByte == 0xC2 { points += lead == 0x100 ? 0 : 2 } else if leadByte == 0xC3 { points += 1 }
        // `cafÃ`: a capital right after a small letter.
        if let previous, previous.isLowercase, leadTraits.isUppercase { points += 1 }
        // `Ã©`, `Å‚`: a letter followed by a symbol that does not close words; a superscript digit closes
        // words (`m²`) but never follows an accented capital (`IL2RÎ³cKO` is Greek `γ`).
        if leadTraits.isLetter, !continuationIsLetter,
           !ScalarTraits.followsWords(continuation) || leadTraits.isUppercase && lead > 0x7F && ScalarTraits.isSuperscriptDigit(continuation) {
            points += 1
        }
        // `Bucure»ôti`: punctuation glued inside a word.
        if !leadTraits.isLetter, !ScalarTraits.isApostrophe(lead), previousIsLetter, nextIsLetter {
            points += 1
        }
        // `IRMÃ”`, `SELKÄ`+NBSP, `NESTLÉ®`: an all-caps word ending, then closing punctuation, a sign or
        // a no-break space (after which the next word may follow at once, in capitals: `GÃ`+NBSP+`idhlig`
        // goes on in small letters, so it is `Gàidhlig`). A capital outside Latin-1 is a letter of the
        // language of its page, and `™` follows it too (Romanian `NICIODATĂ™`).
        if leadTraits.isUppercase, previous?.isUppercase ?? false,
           ScalarTraits.endsCapitalWords(continuation) || continuation == 0x2122 && lead > 0xFF,
           !nextIsLetter || continuation == 0x00A0 && !nextIsLowercase {
            points -= 2
        }
        // `Ã’s`: a capital, then an apostrophe and a letter, is a possessive or plural.
        if leadTraits.isUppercase, continuation == 0x2019, nextIsLetter { points -= 2 }
        // `l’été`, `“École`, `–été`: an apostrophe, or a quote or dash opening a word, before a letter.
        if continuationIsLetter,
           ScalarTraits.isApostrophe(lead) || ScalarTraits.isWordBoundaryPunctuation(lead) && !previousIsLetter {
            points -= 2
        }
        // `= √π`, `≈π`: a formula.
        if ScalarTraits.isPrefixOperator(lead), ScalarTraits.isMath(continuation), !previousIsLetter { points -= 2 }
        return points
    }

    /// Whether `value` could be the character a lost byte belonged to: assigned, plausible, and not an
    /// invisible format or space character out of place.
    static func couldStand(_ value: UInt32, around: Neighbours) -> Bool {
        guard ScalarTraits.isAssignedText(value), ScalarTraits.tier(value) != .implausible else { return false }
        if (0xFE00...0xFE0E).contains(value) { return false }  // variation selectors other than the emoji one
        switch ScalarTraits.category(value) {
        case .format, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return value == 0x00A0 || fits(value, around: around)
        default:
            return true
        }
    }

    /// Whether `value` fits between its neighbours, for ordering the characters a lost byte allows.
    static func fits(_ value: UInt32, around: Neighbours) -> Bool {
        guard ScalarTraits.isAssignedText(value), ScalarTraits.tier(value) != .implausible else { return false }
        let previousIsSpace = around.previous.map { $0 == 0x20 || $0 == 0x09 } ?? true
        let nextIsSpace = around.next.map { $0 == 0x20 || $0 == 0x09 } ?? true
        switch value {
        case ScalarTraits.zeroWidthJoiner:
            return around.previous.map(ScalarTraits.isEmojiPart) ?? false && around.next.map(ScalarTraits.isEmojiPart) ?? false
        case ScalarTraits.variationSelector16:
            return around.previous.map { ScalarTraits.isEmojiPart($0) || (0x30...0x39).contains($0) || $0 == 0x23 || $0 == 0x2A } ?? false
        case ScalarTraits.combiningKeycap:
            return around.previous == ScalarTraits.variationSelector16 || around.previous.map { (0x30...0x39).contains($0) } ?? false
        default:
            break
        }
        if ScalarTraits.isEmojiPart(value) && !ScalarTraits.isLetter(value) {
            return !(around.previousIsLetter && around.nextIsLetter)
        }
        switch ScalarTraits.category(value) {
        case .format, .lineSeparator, .paragraphSeparator, .control, .enclosingMark:
            return false
        case .spaceSeparator:
            return value == 0x00A0
        case .nonspacingMark, .spacingMark:
            return around.previousIsLetter
        case .dashPunctuation:
            return !previousIsSpace && !nextIsSpace || value != 0x2010 && value != 0x2011
        case .initialPunctuation, .openPunctuation:
            return !nextIsSpace
        case .finalPunctuation, .closePunctuation:
            return !previousIsSpace
        default:
            break
        }
        guard ScalarTraits.isLetter(value) else { return true }
        if let previous = around.previous, ScalarTraits.isLetter(previous) {
            return ScalarTraits.sameScript(previous, value) && !(ScalarTraits.isUppercase(value) && ScalarTraits.isLowercase(previous))
        }
        if let next = around.next, ScalarTraits.isLetter(next) { return ScalarTraits.sameScript(next, value) }
        return ScalarTraits.tier(value) == .common
    }
}
