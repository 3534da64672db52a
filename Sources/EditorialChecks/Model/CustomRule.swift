import NewsletterCore

/// A rule defined without compiling: a pattern, where it is looked for, and the message for each match.
///
/// Read from the `custom_rules:` section of `.newsletterlint.yml` (as SwiftLint reads `custom_rules`), or built in
/// code. Every match of ``pattern`` in the parts of the draft ``scopes`` names is a diagnostic at the match. The rule
/// takes severities, `enabled`, inline suppression and `--rule`/`--disable` like a built-in one; its examples, when it
/// has some, are verified by ``RuleExampleVerifier`` (`editorial-check rules --verify`).
///
/// ```yaml
/// custom_rules:
///   no-todo:
///     pattern: '\bTODO\b'
///     in: [prose, heading]
///     message: a TODO is left in the draft
///     severity: error
///     examples:
///       triggering: ["# Notes\n\nShip it ↓TODO.\n"]
///       non_triggering: ["# Notes\n\nShip it.\n"]
/// ```
public struct CustomRule: Sendable, Equatable {
    /// The parts of a draft a pattern is matched against, each piece on its own (`^` and `$` are the piece's ends).
    public enum Scope: String, Sendable, Hashable, Codable, CaseIterable {
        /// Each prose range of the draft (``CheckContext/proseRanges``), as written in the file: for Markdown, the
        /// text outside code, HTML and link destinations; for other formats, what their adapter declares (the prose
        /// string fields of JSON).
        case prose
        /// Each link's destination as written, for links the configuration's `links.exclude` does not exclude.
        case linkDestination = "link_destination"
        /// Each link's text (an image's alt text), as plain text: markup removed.
        case linkText = "link_text"
        /// Each section heading as written, markup included (`## **Picks**`).
        case heading
    }

    /// The rule's identity and documentation; category ``RuleCategory/custom``.
    public var description: RuleDescription
    /// What is looked for.
    public var pattern: TextPattern
    /// Where it is looked for.
    public var scopes: [Scope]
    /// The message of each diagnostic.
    public var message: String

    /// The rule's identifier.
    public var id: String { description.id }

    /// Creates a rule; `name` defaults to the identifier, `summary` to the message.
    public init(
        id: String,
        pattern: TextPattern,
        scopes: [Scope] = [.prose],
        message: String,
        severity: Severity = .warning,
        name: String? = nil,
        summary: String? = nil,
        rationale: String? = nil,
        nonTriggeringExamples: [RuleExample] = [],
        triggeringExamples: [RuleExample] = []
    ) {
        self.pattern = pattern
        self.scopes = scopes
        self.message = message
        let places = scopes.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")
        self.description = RuleDescription(
            id: id,
            name: name ?? id,
            summary: summary ?? message,
            rationale: rationale ?? "A pattern rule of the configuration: '\(pattern)' in \(places).",
            category: .custom,
            defaultSeverity: severity,
            nonTriggeringExamples: nonTriggeringExamples,
            triggeringExamples: triggeringExamples
        )
    }

    /// A diagnostic at every match, in the order of ``scopes``.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for scope in scopes {
            switch scope {
            case .prose:
                context.forEachProseRange { range in
                    report(in: String(context.source.slice(range)), at: range.lowerBound, context, into: &diagnostics)
                }
            case .linkDestination:
                for link in LinkSelection.links(context) {
                    report([link.rawDestination, link.destination], writtenAt: link.destinationRange ?? link.range, context, into: &diagnostics)
                }
            case .linkText:
                for link in LinkSelection.links(context) {
                    report(link.text, within: link.range, context, into: &diagnostics)
                }
            case .heading:
                for section in context.issue.sections {
                    report([section.heading], writtenAt: section.headingRange ?? section.range, context, into: &diagnostics)
                }
            }
        }
        // Scopes overlap (a heading's text is prose too): one diagnostic per place.
        var seen = Set<Range<Int>>()
        return diagnostics.filter { seen.insert($0.range.utf8Offsets).inserted }
    }

    /// Reports the matches of `text`, which starts at UTF-8 offset `start` of the source.
    private func report(in text: String, at start: Int, _ context: CheckContext, into diagnostics: inout [Diagnostic]) {
        for match in pattern.matchOffsets(in: text) {
            diagnostics.append(context.diagnostic(message, at: context.range((start + match.lowerBound)..<(start + match.upperBound))))
        }
    }

    /// Reports the matches of the text at `range` when it is one of `texts` (a destination as written in Markdown, or
    /// decoded in a JSON string), exactly; otherwise (escaped text, no position) each match of the first of `texts` is
    /// reported at the whole range, or at the start of the file.
    private func report(_ texts: [String], writtenAt range: SourceRange?, _ context: CheckContext, into diagnostics: inout [Diagnostic]) {
        if let range {
            let written = context.source.slice(range.utf8Offsets)
            if texts.contains(where: { written == $0[...] }) {
                report(in: String(written), at: range.start.offset, context, into: &diagnostics)
                return
            }
        }
        for _ in pattern.matchOffsets(in: texts[0]) {
            diagnostics.append(context.diagnostic(message, at: range ?? context.startOfFile))
        }
    }

    /// Reports the matches of `text`, at its first occurrence inside `range` when it is written there as is (link
    /// text without markup); otherwise at the whole range.
    private func report(_ text: String, within range: SourceRange?, _ context: CheckContext, into diagnostics: inout [Diagnostic]) {
        guard let range, !text.isEmpty, let found = context.source.slice(range.utf8Offsets).utf8.firstRange(of: text.utf8) else {
            report([text], writtenAt: range, context, into: &diagnostics)
            return
        }
        let slice = context.source.slice(range.utf8Offsets).utf8
        let start = range.start.offset + slice.distance(from: slice.startIndex, to: found.lowerBound)
        report(in: text, at: start, context, into: &diagnostics)
    }
}
