import MojibakeRepair
import NewsletterCore

/// `mojibake`: text mangled by being decoded with the wrong code page (`ü§å` for `🤌`).
public struct MojibakeRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "mojibake",
        name: "Mojibake",
        summary: "No text is mangled by a wrong character encoding.",
        rationale: """
            Exports and copy-paste often decode UTF-8 with a single-byte code page, so that `🤌` arrives as `ü§å` and \
            `’` as `‚Äô`; readers see the garbage. Found anywhere in the file (headings, text, link text, alt text, \
            front matter). Repairs whose bytes all survived are safe fixes; when bytes were lost and several characters \
            fit, the fix is a suggestion and the candidates are listed.
            """,
        category: .encoding,
        defaultSeverity: .error,
        fixSafety: .safe,
        nonTriggeringExamples: [
            "# Notes\n\n## **🤌 Ben’s Picks**\n\nMüller, São Paulo, naïve, √π ≤ 4, €5.\n",
            "# Notes\n\nÅngström, 北京, 👋🏽 and ⭐️ are fine; so are SÃO and NÃO É.\n",
        ],
        triggeringExamples: [
            "# Notes\n\n## **↓\u{F8FF}ü§å Ben↓‚Äôs Picks**\n\nA.\n",
            "# Notes\n\n### **↓ü§å Tools**\n\nRead ↓‚≠êÔ∏è [the ↓‚Äúguide‚Äù](https://docs.acme.dev).\n",
            "# Notes\n\nCaf↓Ã© and ![a ↓ðŸ˜€ face](https://cdn.acme.dev/a.png)\n",
            RuleExample("---\ntitle: ↓ü§å Weekly Notes\n---\n\nHello.\n", format: "front-matter", testsMultiByteOffsets: false),
        ],
        corrections: [
            RuleCorrection("# Notes\n\n## **ü§å Ben‚Äôs Picks**\n\nCaf√© ‚≠êÔ∏è.\n", "# Notes\n\n## **🤌 Ben’s Picks**\n\nCafé ⭐️.\n"),
            RuleCorrection("---\ntitle: ü§å Notes\n---\n\nHello.\n", "---\ntitle: 🤌 Notes\n---\n\nHello.\n", format: "front-matter"),
        ]
    )

    /// Finds the problems this rule is about in one draft.
    ///
    /// Mojibake inside code, HTML or a link's destination is reported without a fix: those bytes are shown or used as
    /// written, and repairing them is for a person to decide. Strings a format stored with escapes
    /// (`Issue.escapedTexts`, e.g. JSON's `\u00fc`) are scanned decoded and reported where their escapes are written.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        // Each span is made a diagnostic as its line is resolved, so a draft dense with mojibake never holds all its
        // spans at once; only their ranges are kept, and only for a format that stored strings with escapes.
        let escapedTexts = context.issue.escapedTexts
        var plainRanges: [Range<Int>] = []
        // Most drafts hold no mojibake: the verbatim ranges are gathered from the tree only for one that does.
        var verbatim: [Range<Int>]?
        var nextVerbatim = 0
        var wording = Wording()
        Mojibake.forEachSpan(in: context.source.text) { span in
            let verbatimRanges = verbatim ?? context.markdown?.verbatimRanges ?? []
            verbatim = verbatimRanges
            while nextVerbatim < verbatimRanges.count, verbatimRanges[nextVerbatim].upperBound <= span.utf8Range.lowerBound { nextVerbatim += 1 }
            let isVerbatim = verbatimRanges[nextVerbatim...].prefix { $0.lowerBound < span.utf8Range.upperBound }
                .contains { $0.overlaps(span.utf8Range) }
            if !escapedTexts.isEmpty { plainRanges.append(span.utf8Range) }
            report(diagnostic(
                for: span, at: context.range(span.utf8Range), replacement: span.replacement, isVerbatim: isVerbatim, wording: &wording,
                context
            ))
        }
        for escaped in escapedTexts {
            for span in Mojibake.scan(escaped.text) where escaped.containsEscape(inDecoded: span.utf8Range) {
                let written = escaped.sourceRange(ofDecoded: span.utf8Range)
                guard !Self.overlapsAny(plainRanges, written) else { continue }
                report(diagnostic(
                    for: span, at: context.range(written), replacement: escaped.written(span.replacement), isVerbatim: false,
                    wording: &wording, context
                ))
            }
        }
    }

    /// The texts said of the latest span: a draft repeats its mangled characters (every `ü§å` alike), and the next
    /// span that reads alike is said the same way without writing the texts again.
    private struct Wording {
        private var span: MojibakeSpan?
        private(set) var message = ""
        private(set) var guessNote: DiagnosticNote?
        private(set) var summary = ""

        mutating func update(for span: MojibakeSpan) {
            if let said = self.span, said.original == span.original, said.replacement == span.replacement, said.damage == span.damage,
               said.confidence == span.confidence, said.candidates == span.candidates, said.misreadings == span.misreadings {
                return
            }
            self.span = span
            if span.confidence == .guess && span.candidates.count > 1 {
                message = "\(span.explanation): '\(span.original)' may be any of \(span.candidates.map { "'\($0)'" }.joined(separator: ", "))"
                guessNote = DiagnosticNote("bytes were lost, so the repair is a guess; the suggested fix uses '\(span.replacement)'")
            } else {
                message = "\(span.explanation): '\(span.original)' should be '\(span.replacement)'"
                guessNote = nil
            }
            summary = "replace '\(span.original)' with '\(span.replacement)'"
        }
    }

    /// Whether `range` overlaps one of `ranges` (in order and apart): a binary search, as a draft may hold many of both.
    private static func overlapsAny(_ ranges: [Range<Int>], _ range: Range<Int>) -> Bool {
        let first = ranges.partitioningIndex { $0.upperBound > range.lowerBound }
        return first < ranges.count && ranges[first].overlaps(range)
    }

    private func diagnostic(
        for span: MojibakeSpan, at range: SourceRange, replacement: String, isVerbatim: Bool, wording: inout Wording,
        _ context: CheckContext
    ) -> Diagnostic {
        let safety: FixSafety = span.confidence == .guess ? .suggestion : .safe
        wording.update(for: span)
        var notes = wording.guessNote.map { [$0] } ?? []
        guard !isVerbatim else {
            notes.append(DiagnosticNote("it is in code, HTML or a link destination, so it is not repaired automatically"))
            return context.diagnostic(wording.message, at: range, notes: notes)
        }
        let fix = Fix(summary: wording.summary, edits: [TextEdit(range: range, replacement: replacement)], safety: safety)
        return context.diagnostic(wording.message, at: range, notes: notes, fix: fix)
    }
}
