import EditorialChecks
import JSONRPC
import NewsletterCore

/// The code actions for a range of a draft: a quick fix for every diagnostic there with a fix (safe or suggested),
/// "Disable <rule> on this line" for each rule reported there, and "Fix all safe problems in this file".
struct CodeActions: Sendable {
    static let fixAllKind = "source.fixAll.editorial-check"
    static let quickFixKind = "quickfix"
    /// The inline comment `InlineSuppressions` reads: it silences the rule on the line after it.
    static func suppressionComment(ruleID: String) -> String { "<!-- newsletterlint-disable-next-line \(ruleID) -->" }

    let uri: String
    let analysis: DraftAnalysis
    let positions: ProtocolPositions

    /// Whether the client asked for kinds that include `kind` (`only` absent: every kind).
    static func wants(_ kind: String, only: [String]?) -> Bool {
        guard let only else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }

    /// The diagnostics touching `range` (an empty range touches what it is in or at the edge of).
    func diagnostics(touching range: Range<Int>) -> [Diagnostic] {
        analysis.diagnostics.filter { diagnostic in
            let offsets = diagnostic.range.utf8Offsets
            return offsets.lowerBound <= range.upperBound && range.lowerBound <= offsets.upperBound
        }
    }

    func quickFixes(for diagnostics: [Diagnostic]) -> [JSONValue] {
        diagnostics.compactMap { diagnostic in
            guard let fix = diagnostic.fix else { return nil }
            let edits: [JSONValue] = fix.edits.map { edit in
                ["range": positions.range(edit.range), "newText": .string(edit.replacement)]
            }
            return action(
                title: fix.summary, kind: Self.quickFixKind, edits: edits, diagnostic: diagnostic, isPreferred: fix.safety == .safe
            )
        }
    }

    /// One action per rule reported on each line, inserting the suppression comment on a line of its own above the
    /// diagnostic's line (with the line's indentation and quote markers, so the comment stays in the same block).
    /// Offered only in Markdown outside code and HTML blocks, where the comment is read as one.
    func disableActions(for diagnostics: [Diagnostic]) -> [JSONValue] {
        guard case .checked(_, let markdown?, _) = analysis.outcome else { return [] }
        let verbatim = markdown.verbatimRanges
        let body = markdown.root.range
        var seen = Set<String>()
        return diagnostics.compactMap { diagnostic in
            let line = diagnostic.range.start.line
            guard seen.insert("\(line) \(diagnostic.ruleID)").inserted else { return nil }
            let lineStart = analysis.source.lineOffsets(line).lowerBound
            guard body.contains(lineStart) || body.upperBound == lineStart,
                !verbatim.contains(where: { $0.contains(lineStart) }) else { return nil }
            let prefix = analysis.source.lineText(line).prefix { $0 == " " || $0 == "\t" || $0 == ">" }
            let ending = analysis.source.text.contains("\r\n") ? "\r\n" : "\n"
            let edit: JSONValue = [
                "range": positions.range(utf8Offsets: lineStart..<lineStart),
                "newText": .string(prefix + Self.suppressionComment(ruleID: diagnostic.ruleID) + ending),
            ]
            return action(title: "Disable \(diagnostic.ruleID) on this line", kind: Self.quickFixKind, edits: [edit], diagnostic: diagnostic, isPreferred: false)
        }
    }

    /// "Fix all safe problems in this file": one edit from the first changed byte to the last, turning the text into
    /// `fixed` (what `editorial-check fix` writes); `nil` when nothing changes.
    func fixAll(fixed: String) -> JSONValue? {
        let old = Array(analysis.source.text.utf8)
        let new = Array(fixed.utf8)
        guard old != new else { return nil }
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        // Whole characters only: step back to character boundaries in both texts (they share the prefix and suffix bytes).
        while prefix > 0 && prefix < old.count && old[prefix] & 0xC0 == 0x80 { prefix -= 1 }
        while suffix > 0 && old[old.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        let replaced = prefix..<(old.count - suffix)
        let newText = String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self)
        let edit: JSONValue = ["range": positions.range(utf8Offsets: replaced), "newText": .string(newText)]
        return [
            "title": "Fix all safe problems in this file",
            "kind": .string(Self.fixAllKind),
            "edit": ["changes": [uri: [edit]]],
        ]
    }

    private func action(title: String, kind: String, edits: [JSONValue], diagnostic: Diagnostic, isPreferred: Bool) -> JSONValue {
        [
            "title": .string(title),
            "kind": .string(kind),
            "diagnostics": [ProtocolDiagnostics.json(diagnostic, positions: positions, uri: uri)],
            "isPreferred": .bool(isPreferred),
            "edit": ["changes": .object([uri: .array(edits)])],
        ]
    }
}
