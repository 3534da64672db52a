@testable import EditorialChecks
import NewsletterCore
import NewsletterKit
import TestSupport
import Testing

/// The compact form the command-line tool reports from gives back every diagnostic exactly, in the engine's order.
@Suite struct DiagnosticStoreTests {
    /// The fix of the diagnostic at `position`, read in place as fixing reads it, made a value to compare.
    static func fix(in store: DiagnosticStore, at position: Int) -> Fix? {
        store.withStored(at: position) { stored in
            stored.fix.map { fix in
                Fix(
                    summary: String(decoding: fix.summary, as: UTF8.self),
                    edits: fix.edits.map { TextEdit(range: $0.range, replacement: String(decoding: $0.replacement, as: UTF8.self)) },
                    safety: fix.isSafe ? .safe : .suggestion
                )
            }
        }
    }

    static func place(_ start: Int, _ end: Int, line: Int = 1) -> SourceRange {
        SourceRange(start: SourceLocation(offset: start, line: line, column: start + 1), end: SourceLocation(offset: end, line: line, column: end + 1))
    }

    static let everyField: [Diagnostic] = [
        Diagnostic(ruleID: "mojibake", severity: .error, message: "UTF-8 read as Mac OS Roman: 'ü§å' should be '🤌'", range: place(4, 9),
                   fix: Fix(summary: "replace with '🤌'", edits: [TextEdit(range: place(4, 9), replacement: "🤌")], safety: .safe)),
        Diagnostic(ruleID: "duplicate-link", severity: .info, message: "", range: place(0, 0, line: 70_000),
                   notes: [DiagnosticNote("first linked here", range: place(4_294_967_291, 4_294_967_294)), DiagnosticNote("no place")],
                   fix: Fix(summary: "drop it", edits: [TextEdit(range: place(0, 0, line: 70_000), replacement: "x")], safety: .suggestion)),
        Diagnostic(ruleID: "malformed-url", severity: .warning, message: "café\u{0}\r\n", range: place(12, 30),
                   fix: Fix(summary: "", edits: [TextEdit(range: place(12, 12), replacement: ""), TextEdit(range: place(13, 30), replacement: "https")],
                            safety: .suggestion)),
        Diagnostic(ruleID: "odd", severity: .warning, message: "a position no source has", range: SourceRange(
            start: SourceLocation(offset: 0, line: 4_294_967_295, column: 4_294_967_295), end: SourceLocation(offset: 0, line: 0, column: 0)
        )),
    ]

    @Test func givesBackEveryFieldExactlyInTheOrderAdded() {
        let store = DiagnosticStore(Self.everyField)
        #expect(Array(store) == Self.everyField)
        #expect(store.counts == { var counts = DiagnosticStore.Counts(); counts.errors = 1; counts.warnings = 2; counts.infos = 1; counts.safeFixes = 1; return counts }())
    }

    /// Fixing reads the fixes back in place, past messages and notes with and without places.
    @Test func readsAFixWithoutTheRestOfItsDiagnostic() {
        let store = DiagnosticStore(Self.everyField)
        #expect(store.indices.map { Self.fix(in: store, at: $0) } == Self.everyField.map(\.fix))
        #expect(Self.fix(in: store, at: 2)?.edits.map(\.replacement) == ["", "https"])
    }

    /// Text and JSON output read each diagnostic in place: its rule, severity, message bytes, range, fix summary and
    /// edits, past notes with and without places.
    @Test func readsInPlaceWhatTextOutputShows() {
        let store = DiagnosticStore(Self.everyField)
        for (position, diagnostic) in Self.everyField.enumerated() {
            store.withStored(at: position) { stored in
                #expect(stored.ruleID == diagnostic.ruleID)
                #expect(stored.severity == diagnostic.severity)
                #expect(Array(stored.message) == Array(diagnostic.message.utf8))
                #expect(stored.range == diagnostic.range)
                #expect(stored.fix.map { Array($0.summary) } == diagnostic.fix.map { Array($0.summary.utf8) })
                #expect(stored.fix?.isSafe == diagnostic.fix.map { $0.safety == .safe })
                #expect(stored.fix?.edits.map(\.range) == diagnostic.fix?.edits.map(\.range))
                #expect(stored.fix?.edits.map { Array($0.replacement) } == diagnostic.fix?.edits.map { Array($0.replacement.utf8) })
            }
        }
    }

    @Test func sortsByStartThenRuleThenEndThenTheOrderAdded() {
        func diagnostic(_ rule: String, _ start: Int, _ end: Int, _ message: String) -> Diagnostic {
            Diagnostic(ruleID: rule, severity: .warning, message: message, range: Self.place(start, end))
        }
        var store = DiagnosticStore([
            diagnostic("b-rule", 5, 9, "1"), diagnostic("a-rule", 5, 9, "2"), diagnostic("b-rule", 5, 6, "3"),
            diagnostic("c-rule", 0, 40, "4"), diagnostic("b-rule", 5, 6, "5"), diagnostic("a-rule", 7, 8, "6"),
        ])
        store.sortByPosition()
        #expect(store.map(\.message) == ["4", "2", "3", "5", "1", "6"])
    }

    /// Random diagnostics with many ties come out as a stable sort of them by start, rule and end would give: the
    /// entries are moved into their sorted places along the permutation's cycles, of every length.
    @Test(arguments: [0, 1, 2, 3, 50, 5_000])
    func sortsLikeAStableSortOfTheValues(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count))
        let rules = ["b-rule", "a-rule", "mojibake", "c-rule"]
        let diagnostics = (0..<count).map { index in
            let start = Int.random(in: 0..<max(count / 4, 1), using: &generator)
            return Diagnostic(
                ruleID: rules.randomElement(using: &generator)!, severity: .info, message: "\(index)",
                range: Self.place(start, start + Int.random(in: 0..<3, using: &generator))
            )
        }
        var store = DiagnosticStore(diagnostics)
        store.sortByPosition()
        let expected = diagnostics.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element, rhs.element)
            return (l.range.start.offset, l.ruleID, l.range.end.offset, lhs.offset) < (r.range.start.offset, r.ruleID, r.range.end.offset, rhs.offset)
        }
        #expect(store.map(\.message) == expected.map(\.element.message))
    }

    /// Enough diagnostics to fill several pieces of storage, and one larger than a piece.
    @Test(arguments: [1, 40_000])
    func keepsDiagnosticsAcrossPieces(count: Int) {
        let huge = String(repeating: "ü", count: 1_500_000)
        let diagnostics = (0..<count).map { index in
            Diagnostic(ruleID: "rule-\(index % 7)", severity: .info, message: "problem \(index) " + String(repeating: "x", count: index % 90),
                       range: Self.place(index, index + 1), fix: index % 3 == 0
                           ? Fix(summary: "edit \(index)", edits: [TextEdit(range: Self.place(index, index + 1), replacement: "\(index)")], safety: .safe)
                           : nil)
        } + [Diagnostic(ruleID: "rule-0", severity: .error, message: huge, range: Self.place(0, 1))]
        let store = DiagnosticStore(diagnostics)
        #expect(store.count == count + 1)
        #expect(Array(store) == diagnostics)
        #expect(store.counts.safeFixes == (count + 2) / 3)
    }

    /// A rule's message or fix summary equal to an earlier one is kept as a reference to it: read back, in place and
    /// as values, it is the same text, with rules interleaved, across pieces, and for texts of no or one byte.
    @Test func keepsARepeatedTextOnceAndGivesItBack() {
        let messages = ["mojibake 'ü§å' should be '🤌'", "link starts right after a word; add a space", "", "x"]
        let diagnostics = (0..<60_000).map { index in
            Diagnostic(
                ruleID: "rule-\(index % 3)", severity: .warning,
                message: messages[(index / 7) % messages.count] + (index % 11 == 0 ? " (\(index))" : ""), range: Self.place(index, index + 1),
                fix: index % 2 == 0
                    ? Fix(summary: index % 5 == 0 ? "insert a space" : "replace with '🤌'",
                          edits: [TextEdit(range: Self.place(index, index + 1), replacement: "🤌")], safety: .safe)
                    : nil
            )
        }
        let store = DiagnosticStore(diagnostics)
        #expect(Array(store) == diagnostics)
        #expect(store.indices.map { Self.fix(in: store, at: $0) } == diagnostics.map(\.fix))
        for position in stride(from: 0, to: diagnostics.count, by: 97) {
            store.withStored(at: position) { stored in
                #expect(Array(stored.message) == Array(diagnostics[position].message.utf8))
                #expect(stored.fix.map { Array($0.summary) } == diagnostics[position].fix.map { Array($0.summary.utf8) })
            }
        }
        // The same diagnostics with each message and summary unlike any other (letters changed, the length kept)
        // take the repeated texts' bytes more, less the references (at most four bytes each here).
        var previous: [String: (message: String, summary: String?)] = [:]
        var repeatedBytes = 0
        for diagnostic in diagnostics {
            let earlier = previous[diagnostic.ruleID]
            for (text, before) in [(diagnostic.message, earlier?.message), (diagnostic.fix?.summary, earlier?.summary)] {
                if let text, text == before, text.utf8.count > 1 { repeatedBytes += text.utf8.count - 4 }
            }
            previous[diagnostic.ruleID] = (diagnostic.message, diagnostic.fix?.summary ?? earlier?.summary)
        }
        let unlike = diagnostics.enumerated().map { index, diagnostic in
            // The first four letters (ASCII in every text here) spell the index in base 26: no two texts alike.
            func changed(_ text: String) -> String {
                guard text.utf8.count >= 4 else { return text }
                let code = (0..<4).map { digit in Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(index / [1, 26, 676, 17_576][digit] % 26))) }
                return String(code) + String(text.dropFirst(4))
            }
            var diagnostic = diagnostic
            diagnostic.message = changed(diagnostic.message)
            if let summary = diagnostic.fix?.summary { diagnostic.fix?.summary = changed(summary) }
            return diagnostic
        }
        let unlikeStore = DiagnosticStore(unlike)
        #expect(Array(unlikeStore) == unlike)
        #expect(repeatedBytes > 400_000)
        #expect(unlikeStore.byteCount - store.byteCount >= repeatedBytes)
    }

    /// Ranges are kept from the diagnostic's start: notes and edits before it, after it, on earlier and later lines,
    /// and ranges that end lines away come back exactly.
    @Test(arguments: [(0, 1), (5_000, 9), (4_294_966_000, 70_000)])
    func givesBackRangesOnEitherSideOfTheDiagnostic(start: Int, line: Int) {
        func location(_ offset: Int, _ line: Int, _ column: Int) -> NewsletterCore.SourceLocation {
            SourceLocation(offset: offset, line: line, column: column)
        }
        let here = SourceRange(start: location(start + 40, line + 3, 12), end: location(start + 300, line + 9, 2))
        let diagnostic = Diagnostic(
            ruleID: "required-section", severity: .error, message: "the section ends lines later", range: here,
            notes: [
                DiagnosticNote("before, on an earlier line", range: SourceRange(start: location(start, line, 1), end: location(start + 4, line, 5))),
                DiagnosticNote("after, on the same line", range: SourceRange(start: location(start + 45, line + 3, 17), end: location(start + 46, line + 3, 18))),
            ],
            fix: Fix(summary: "move it", edits: [
                TextEdit(range: SourceRange(start: location(start + 2, line, 3), end: location(start + 2, line, 3)), replacement: "## Learn\n"),
                TextEdit(range: SourceRange(start: location(start + 41, line + 3, 8), end: location(start + 299, line + 8, 40)), replacement: ""),
            ], safety: .suggestion)
        )
        let store = DiagnosticStore([diagnostic, diagnostic])
        #expect(Array(store) == [diagnostic, diagnostic])
        #expect(Self.fix(in: store, at: 1) == diagnostic.fix)
        store.withStored(at: 0) { stored in #expect(stored.range == here) }
    }

    /// The byte of flags holds up to six notes' count, and says when a fix's first edit has the diagnostic's range
    /// (then not written again): any count of notes, and fixes whose first, second or no edit has that range, come back.
    @Test(arguments: [0, 6, 7, 8, 300])
    func givesBackNotesAndEditsAroundTheFlags(noteCount: Int) {
        let own = Self.place(10, 14)
        let notes = (0..<noteCount).map { DiagnosticNote("note \($0)", range: $0.isMultiple(of: 2) ? Self.place($0, $0 + 1) : nil) }
        let fixes = [
            Fix(summary: "own range first", edits: [TextEdit(range: own, replacement: "é"), TextEdit(range: Self.place(20, 21), replacement: "")], safety: .safe),
            Fix(summary: "own range second", edits: [TextEdit(range: Self.place(2, 3), replacement: "x"), TextEdit(range: own, replacement: "y")], safety: .suggestion),
            Fix(summary: "no edits", edits: [], safety: .safe),
        ]
        let diagnostics = fixes.map { Diagnostic(ruleID: "mojibake", severity: .warning, message: "m", range: own, notes: notes, fix: $0) }
            + [Diagnostic(ruleID: "mojibake", severity: .info, message: "no fix", range: own, notes: notes)]
        let store = DiagnosticStore(diagnostics)
        #expect(Array(store) == diagnostics)
        #expect(store.indices.map { Self.fix(in: store, at: $0) } == diagnostics.map(\.fix))
    }

    /// A rule that says a dozen things in turn (each mangled word of a paragraph, paragraph after paragraph) keeps each
    /// text once in a piece: the store of 12,000 such diagnostics is smaller than one that writes every text whole by
    /// nearly all of their bytes.
    @Test func keepsTextsThatComeInTurnOnce() {
        let words = (0..<12).map { "UTF-8 read as Windows-1252: 'wordÃ©\($0)' should be 'wordé\($0)'" }
        func diagnostics(_ message: (Int) -> String) -> [Diagnostic] {
            (0..<12_000).map { index in
                Diagnostic(ruleID: "mojibake", severity: .error, message: message(index), range: Self.place(index * 8, index * 8 + 5),
                           fix: Fix(summary: "replace \(index % 12)", edits: [TextEdit(range: Self.place(index * 8, index * 8 + 5), replacement: "é")], safety: .safe))
            }
        }
        let inTurn = diagnostics { words[$0 % 12] }
        let unlike = diagnostics { "\(words[$0 % 12]) \($0 + 100_000)" }
        let (store, unlikeStore) = (DiagnosticStore(inTurn), DiagnosticStore(unlike))
        #expect(Array(store) == inTurn)
        #expect(store.indices.map { Self.fix(in: store, at: $0) } == inTurn.map(\.fix))
        // Every message but the first dozen of each piece (at most a handful of pieces) is a reference of at most three
        // bytes instead of its 60-odd bytes.
        let messageBytes = inTurn.reduce(0) { $0 + $1.message.utf8.count + 1 }
        #expect(unlikeStore.byteCount - store.byteCount > messageBytes - 12_000 * 3 - 20 * 12 * 70)
    }

    @Test func theEngineReportsFromTheStoreWhatCheckReturns() throws {
        let source = SourceText("# Notes\n\nRead ü§å [here](http://example.com) and [here](http://example.com).\n")
        let draft = try BeehiivAdapter().decodeDraft(source)
        let checker = EditorialChecker()
        let stored = checker.checkStored(source, draft: draft, format: "beehiiv")
        #expect(Array(stored) == checker.check(source, draft: draft, format: "beehiiv"))
        #expect(stored.map(\.ruleID) == [
            "missing-author", "missing-date", "missing-subtitle", "mojibake",
            "non-descriptive-link-text", "insecure-link", "placeholder-link", "non-descriptive-link-text", "insecure-link", "placeholder-link",
        ])
    }
}
