import Foundation
import NewsletterCore

/// Finds and repairs mojibake: text whose UTF-8 bytes were decoded with a single-byte code page,
/// once or several times (`ü§å` for `🤌`, `cafÃ©` for `café`, `â€™` for `’`).
///
/// ``scan(_:codePages:)-(String,_)`` reports each mangled run as a ``MojibakeSpan`` with its range,
/// replacement, the misreadings that explain it and a confidence; ``repair(_:includeGuesses:codePages:)``
/// applies them. Text outside the spans is never touched, and correct text is left alone: the
/// plausibility model behind these decisions is described in <doc:RepairingMojibake>.
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
    /// Latin-1 and Mac OS Roman, the misreadings behind nearly all newsletter mojibake, then Windows-1250 and
    /// Windows-1251 (sloppy), ISO-8859-2 and code page 437, which are tried only on runs the first three
    /// leave unexplained; Latin-1 and Mac OS Roman are not tried on a run Windows-1252 reads with certainty.
    ///
    /// The other pages (``CodePage/all``: Windows-1253, -1254, -1257, code page 866, KOI8-R, strict
    /// variants) are tried when passed as `codePages:`, up to eight in one scan; pages passed that way are
    /// all tried on every candidate run, but for that rule of Latin-1 and Mac OS Roman after Windows-1252.
    public static let defaultCodePages: [CodePage] = [
        .windows1252Sloppy, .latin1, .macOSRoman, .windows1250Sloppy, .windows1251Sloppy, .iso8859_2, .cp437, .windows1257,
    ]

    /// Windows-1252, Latin-1 and Mac OS Roman explain nearly all newsletter mojibake: by default the other
    /// pages are tried only on runs these leave unexplained.
    private static let defaultScanner = MojibakeScanner(pages: defaultCodePages, primaryPageCount: 3, keepsSpareLines: true)

    /// Every mangled span in `text`, in order; spans never overlap.
    ///
    /// - Parameters:
    ///   - text: any text; it is read, never changed.
    ///   - codePages: the misreadings to consider, at most eight; the default suits almost all text.
    ///   - parallelism: whether a large text may be scanned on several threads; by default it is not.
    public static func scan(
        _ text: String, codePages: [CodePage] = defaultCodePages, parallelism: Parallelism = .sequential
    ) -> [MojibakeSpan] {
        scan(text, codePages: codePages, includingGuesses: true, parallelism: parallelism)
    }

    /// The spans of `text`; guesses still take part in resolving overlaps when they are left out.
    private static func scan(
        _ text: String, codePages: [CodePage], includingGuesses: Bool, parallelism: Parallelism
    ) -> [MojibakeSpan] {
        var spans: [MojibakeSpan] = []
        let total = text.utf8.count
        scan(text, codePages: codePages, includingGuesses: includingGuesses, parallelism: parallelism) { _, range, scanned in
            (range: range, spans: scanned.spans)
        } consuming: { piece in
            append(piece.spans, scannedTo: piece.range.upperBound, of: total, to: &spans)
        }
        return spans
    }

    /// Gives `body` the spans of `text` that `scan(_:codePages:parallelism:)` returns with the default
    /// pages, in order, each line's as the line is resolved: a caller that keeps less than the spans (a rule making
    /// each a diagnostic) needs no room for all of them.
    package static func forEachSpan(in text: String, _ body: (MojibakeSpan) -> Void) {
        var contiguous = text
        contiguous.makeContiguousUTF8()
        contiguous.withUTF8 { bytes in
            _ = defaultScanner.scan(bytes, in: 0..<bytes.count, includingGuesses: true, emit: body)
        }
    }

    /// The scanner's pieces of `text` (see ``MojibakeScanner/scan(_:includingGuesses:threads:finishing:consuming:)``),
    /// with `finish` given the text in contiguous UTF-8 as well.
    static func scan<Piece: Sendable>(
        _ text: String, codePages: [CodePage], includingGuesses: Bool, parallelism: Parallelism,
        finishing finish: @escaping @Sendable (String, Range<Int>, MojibakeScanner.ScannedLines) -> Piece,
        consuming consume: (Piece) -> Void
    ) {
        let scanner = scanner(for: codePages)
        var contiguous = text
        contiguous.makeContiguousUTF8()
        let utf8Text = contiguous
        contiguous.withUTF8 { bytes in
            scanner.scan(
                bytes, includingGuesses: includingGuesses, threads: parallelism.threads, finishing: { range, scanned in finish(utf8Text, range, scanned) },
                consuming: consume
            )
        }
    }

    /// The scanner of `codePages`, made once for the default pages.
    static func scanner(for codePages: [CodePage]) -> MojibakeScanner {
        codePages == defaultCodePages ? defaultScanner : MojibakeScanner(pages: codePages)
    }

    /// Appends a piece's spans, which end at byte `scanned` of `total`; the first piece's are taken as they
    /// are, and room for the rest is made as the pieces so far predict.
    private static func append(_ piece: [MojibakeSpan], scannedTo scanned: Int, of total: Int, to spans: inout [MojibakeSpan]) {
        guard !spans.isEmpty else {
            spans = piece
            return
        }
        if spans.capacity - spans.count < piece.count { MojibakeScanner.reserve(&spans, scanned: scanned, of: total) }
        spans += piece
    }

    /// Every mangled span in a document, with ``MojibakeSpan/range`` set to its lines and columns.
    ///
    /// - Parameters:
    ///   - source: the document's text.
    ///   - codePages: the misreadings to consider.
    ///   - parallelism: whether a large document may be scanned on several threads; by default it is not.
    ///
    /// ```swift
    /// let source = SourceText("# Picks\n\nü§å Ben’s Picks\n")
    /// let span = Mojibake.scan(source)[0]
    /// span.range?.start   // line 3, column 1
    /// span.range?.end     // line 3, column 4
    /// ```
    public static func scan(
        _ source: SourceText, codePages: [CodePage] = defaultCodePages, parallelism: Parallelism = .sequential
    ) -> [MojibakeSpan] {
        scan(source.text, codePages: codePages, parallelism: parallelism).map { span in
            var located = span
            located.range = source.range(utf8Offsets: span.utf8Range)
            return located
        }
    }

    /// Repairs `text` by applying its spans: every byte outside them is unchanged, and repairing the
    /// result again changes nothing.
    ///
    /// A span's replacement can itself be mojibake that only now stands whole (a layer mangled only in part,
    /// such as `ââ‚¬™`), so the lines a pass changed are scanned again until nothing changes; each edit then
    /// covers the original text it replaces, with the misreadings of every pass.
    ///
    /// With ``Parallelism/concurrent(threads:)``, a text of 512 KiB or more is scanned and rebuilt in pieces,
    /// cut at line feeds, on that many threads; the result is the same as from one pass.
    ///
    /// - Parameters:
    ///   - text: the text to repair.
    ///   - includeGuesses: also apply ``MojibakeSpan/Confidence/guess`` spans, taking the first candidate;
    ///     by default they are only reported.
    ///   - codePages: the misreadings to consider.
    ///   - parallelism: whether a large text may be repaired on several threads; by default it is not.
    public static func repair(
        _ text: String, includeGuesses: Bool = false, codePages: [CodePage] = defaultCodePages,
        parallelism: Parallelism = .sequential
    ) -> RepairedText {
        let (once, linesToScanAgain) = repairOnce(text, includeGuesses: includeGuesses, codePages: codePages, parallelism: parallelism)
        return linesToScanAgain.isEmpty
            ? once
            : repairToFixedPoint(
                from: text, once: once, linesToScanAgain: linesToScanAgain, includeGuesses: includeGuesses, codePages: codePages,
                parallelism: parallelism
            )
    }

    /// One pass of ``repair(_:includeGuesses:codePages:parallelism:)``: the text with the spans of one scan applied,
    /// and where the lines start, in `text`, that another pass may change (``MojibakeScanner/ScannedLines``).
    static func repairOnce(
        _ text: String, includeGuesses: Bool, codePages: [CodePage], parallelism: Parallelism
    ) -> (repaired: RepairedText, linesToScanAgain: [Int]) {
        // Each piece of a large text is rebuilt on the thread that scanned it; the pieces left unchanged are
        // copied only once some piece has changed.
        var repaired = ""
        var edits: [MojibakeSpan] = []
        var linesToScanAgain: [Int] = []
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var copied = 0
        scan(text, codePages: codePages, includingGuesses: includeGuesses, parallelism: parallelism) { text, range, scanned in
            (
                range: range, edits: scanned.spans, linesToScanAgain: scanned.linesToScanAgain,
                text: scanned.spans.isEmpty ? nil : applying(scanned.spans[...], to: text, in: range)
            )
        } consuming: { piece in
            linesToScanAgain += piece.linesToScanAgain
            guard let rebuilt = piece.text else { return }
            if piece.range == 0..<utf8.count {
                repaired = rebuilt
            } else {
                // Repairs mostly shorten text; a little room is left for the few that lengthen it.
                if repaired.isEmpty { repaired.reserveCapacity(utf8.count + utf8.count / 64) }
                repaired += text[index(copied)..<index(piece.range.lowerBound)]
                repaired += rebuilt
            }
            copied = piece.range.upperBound
            append(piece.edits, scannedTo: piece.range.upperBound, of: utf8.count, to: &edits)
        }
        guard !edits.isEmpty else { return (RepairedText(text: text, edits: []), []) }
        if copied < utf8.count { repaired += text[index(copied)...] }
        return (RepairedText(text: repaired, edits: edits), linesToScanAgain)
    }

    /// The bytes of `text` at `range` with `edits`, which lie inside it, applied.
    static func applying(_ edits: ArraySlice<MojibakeSpan>, to text: String, in range: Range<Int>) -> String {
        // Appending slices of a valid string needs no new UTF-8 validation, unlike building from bytes.
        var repaired = ""
        repaired.reserveCapacity(range.count + edits.count * 4)
        let utf8 = text.utf8
        var copied = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        // By index: a span copied out of the array costs the reference counts of its texts.
        for index in edits.indices {
            let range = edits[index].utf8Range
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            repaired += text[copied..<start]
            repaired += edits[index].replacement
            copied = utf8.index(start, offsetBy: range.count)
        }
        repaired += text[copied..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        return repaired
    }
}
