/// Finds and repairs mojibake: text whose UTF-8 bytes were decoded with a single-byte code page,
/// once or several times (`ü§å` for `🤌`, `cafÃ©` for `café`, `â€™` for `’`).
///
/// ``scan(_:codePages:)-(String,_)`` reports each mangled run as a ``MojibakeSpan`` with its range,
/// replacement, the misreadings that explain it and a confidence; ``repair(_:includeGuesses:codePages:)``
/// applies them. Text outside the spans is never touched, and correct text is left alone: the
/// plausibility model behind these decisions is described in <doc:MojibakeRepair>.
///
/// ```swift
/// let spans = Mojibake.scan("Read ‚úÖ on 北京 cafÃ©")
/// spans.map(\.replacement)   // ["✅", "é"]
/// spans[0].explanation       // "UTF-8 read as Mac OS Roman"
///
/// Mojibake.repair("ü§å Ben’s Picks").text   // "🤌 Ben’s Picks"
/// ```
public enum Mojibake {
    /// The code pages tried by default: Windows-1252 (undefined bytes kept as C1 controls, or lost),
    /// Latin-1 and Mac OS Roman, the misreadings behind nearly all newsletter mojibake.
    ///
    /// Windows-1250, Windows-1251 and code page 437 are available (``CodePage/all``) but not tried by
    /// default: in them, ordinary Central European and Cyrillic words read as UTF-8 lead and continuation
    /// bytes too often.
    public static let defaultCodePages: [CodePage] = [.windows1252Sloppy, .latin1, .macOSRoman]

    private static let defaultScanner = MojibakeScanner(pages: defaultCodePages)

    /// Every mangled span in `text`, in order; spans never overlap.
    ///
    /// - Parameters:
    ///   - text: any text; it is read, never changed.
    ///   - codePages: the misreadings to consider; the default suits almost all text.
    public static func scan(_ text: String, codePages: [CodePage] = defaultCodePages) -> [MojibakeSpan] {
        scan(text, codePages: codePages, includingGuesses: true)
    }

    /// The spans of `text`; guesses still take part in resolving overlaps when they are left out.
    private static func scan(_ text: String, codePages: [CodePage], includingGuesses: Bool) -> [MojibakeSpan] {
        let scanner = codePages == defaultCodePages ? defaultScanner : MojibakeScanner(pages: codePages)
        var contiguous = text
        return contiguous.withUTF8 { scanner.scan($0, includingGuesses: includingGuesses) }
    }

    /// Every mangled span in a document, with ``MojibakeSpan/range`` set to its lines and columns.
    ///
    /// - Parameters:
    ///   - source: the document's text.
    ///   - codePages: the misreadings to consider.
    ///
    /// ```swift
    /// let source = SourceText("# Picks\n\nü§å Ben’s Picks\n")
    /// let span = Mojibake.scan(source)[0]
    /// span.range?.start   // line 3, column 1
    /// span.range?.end     // line 3, column 4
    /// ```
    public static func scan(_ source: SourceText, codePages: [CodePage] = defaultCodePages) -> [MojibakeSpan] {
        scan(source.text, codePages: codePages).map { span in
            var located = span
            located.range = source.range(utf8Offsets: span.utf8Range)
            return located
        }
    }

    /// Repairs `text` by applying its spans: every byte outside them is unchanged, and repairing the
    /// result again changes nothing.
    ///
    /// - Parameters:
    ///   - text: the text to repair.
    ///   - includeGuesses: also apply ``MojibakeSpan/Confidence/guess`` spans, taking the first candidate;
    ///     by default they are only reported.
    ///   - codePages: the misreadings to consider.
    public static func repair(
        _ text: String, includeGuesses: Bool = false, codePages: [CodePage] = defaultCodePages
    ) -> RepairedText {
        let edits = scan(text, codePages: codePages, includingGuesses: includeGuesses)
        guard !edits.isEmpty else { return RepairedText(text: text, edits: []) }
        // Appending slices of a valid string needs no new UTF-8 validation, unlike building from bytes.
        var repaired = ""
        repaired.reserveCapacity(text.utf8.count + edits.count * 4)
        let utf8 = text.utf8
        var copied = utf8.startIndex
        for index in edits.indices {
            let range = edits[index].utf8Range
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            repaired += text[copied..<start]
            repaired += edits[index].replacement
            copied = utf8.index(start, offsetBy: range.count)
        }
        repaired += text[copied...]
        return RepairedText(text: repaired, edits: edits)
    }
}
