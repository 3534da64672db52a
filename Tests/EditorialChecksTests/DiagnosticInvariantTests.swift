import Foundation
import NewsletterKit
import TestSupport
import Testing

/// What must hold for every diagnostic on any draft: no fix edits a byte inside code, HTML or a link destination
/// (unless its rule is about the destination), a link rule's diagnostic lies inside the link it is about, and nothing
/// sits at 1:1 with an empty range unless it is about the whole document or a field that would be written there.
/// Checked on generated adversarial drafts and on every shipped sample draft.
@Suite struct DiagnosticInvariantTests {
    /// Rules whose fix rewrites a link's destination on purpose.
    static let destinationRules: Set<String> = ["malformed-url", "insecure-link"]
    /// Rules whose diagnostic may be about the whole draft, or about a field written at its very start.
    static let wholeDocumentRules: Set<String> = ["missing-section", "missing-title", "missing-subtitle", "missing-date", "missing-author"]
    /// Rules about one link, whose diagnostic must lie inside it (or inside its destination's definition).
    static let linkRules: Set<String> = [
        "empty-link-text", "image-alt-text", "duplicate-link", "placeholder-link", "insecure-link", "non-descriptive-link-text",
    ]

    @Test(arguments: 0..<8)
    func generatedDrafts(seed: Int) throws {
        var generator = AdversarialMarkdown(seed: UInt64(1_000 + seed))
        var violations: [String] = []
        for _ in 0..<400 where violations.count < 3 {
            let text = "# Title\n\n" + generator.next()
            violations += try Self.violations(SourceText(text, path: "generated.md"), format: "beehiiv").map { "\(text.debugDescription): \($0)" }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    @Test(arguments: ["beehiiv/clean-issue.md", "beehiiv/every-rule.md", "front-matter/clean-issue.md", "front-matter/every-rule.md"])
    func sampleDrafts(name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/Drafts").appendingPathComponent(name).standardized
        let source = try SourceText(data: Data(contentsOf: url), path: name)
        #expect(try Self.violations(source, format: nil) == [])
    }

    /// The everyday shapes the invariants are about: code, HTML blocks and code in lists are never edited.
    @Test func codeAndHTMLAreNeverEdited() throws {
        let text = "# Title\n\nProse from**spending**less.  \nNext.\n\n    more**b**c  \n    code\n\n- item\n\n      more**b**c\n\n<div>\nfrom**x**y  \nz\n</div>\n"
        let result = try NewsletterLint().fix(SourceText(text), format: "beehiiv")
        #expect(result.text == "# Title\n\nProse from **spending** less.\\\nNext.\n\n    more**b**c  \n    code\n\n- item\n\n      more**b**c\n\n<div>\nfrom**x**y  \nz\n</div>\n")
    }

    static func violations(_ source: SourceText, format: String?) throws -> [String] {
        let registry = FormatRegistry.standard
        let decoded = try registry.decodeDraft(source, format: format)
        let diagnostics = EditorialChecker().check(source, draft: decoded.draft, format: decoded.format)
        let tree = decoded.draft.markdown
        let verbatim = tree?.verbatimRanges ?? []
        let links = tree.map { tree in tree.nodes.filter(\.kind.isLinkLike).map(\.range) } ?? []
        let destinations = decoded.draft.issue.links.compactMap(\.destinationRange?.utf8Offsets)
        var found: [String] = []
        for diagnostic in diagnostics {
            let range = diagnostic.range.utf8Offsets
            if let fix = diagnostic.fix, !destinationRules.contains(diagnostic.ruleID) {
                for edit in fix.edits {
                    let edited = edit.range.utf8Offsets
                    let touches = verbatim.contains { protected in
                        edited.isEmpty
                            ? protected.lowerBound < edited.lowerBound && edited.lowerBound < protected.upperBound
                            : protected.overlaps(edited)
                    }
                    if touches { found.append("\(diagnostic.ruleID) edits \(edited) inside code, HTML or a destination") }
                }
            }
            if range == 0..<0, !wholeDocumentRules.contains(diagnostic.ruleID) {
                found.append("\(diagnostic.ruleID) at 1:1: \(diagnostic.message)")
            }
            if linkRules.contains(diagnostic.ruleID), tree != nil,
               !(links + destinations).contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) {
                found.append("\(diagnostic.ruleID) at \(range) is not inside a link")
            }
        }
        return found
    }
}
