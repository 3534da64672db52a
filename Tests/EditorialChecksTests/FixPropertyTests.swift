import NewsletterKit
import Testing

/// Fixing generated drafts full of fixable problems: the properties every fix must keep.
@Suite struct FixPropertyTests {
    /// Lines with and without fixable problems, in the shapes exports produce.
    static let fragments = [
        "## **\u{F8FF}üî• Hot Takes**", "### **üß∞ Tools** for you", "Hello **bold**word and an API**with** care.",
        "Read it with[a link](https://blog.acme.dev/a)today.", "Caf√© and na√Øve, ‚Äúquoted‚Äù.", "Plain text, nothing to fix.",
        "[Ada Quill](https://acme.dev/ada)  ", "January 03, 2023", "- Item - **what**. ([link](htps://tabbit.app))",
        "Code `a**b**c` stays.", "Emoji 🤌 and ⭐️ are fine.", "é**ü**ñ and **x**y**z**", "", "",
    ]

    static func draft(seed: UInt64) -> String {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        var lines = ["# Generated \(seed)", ""]
        for _ in 0..<24 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            lines.append(fragments[Int((state >> 33) % UInt64(fragments.count))])
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: 0..<40)
    func fixesKeepTheirPromises(seed: Int) throws {
        let lint = NewsletterLint()
        let source = SourceText(Self.draft(seed: UInt64(seed)))
        let result = try lint.fix(source, format: "beehiiv")
        #expect(result.isStable)

        // Replaying each pass's edits independently gives the result: nothing outside the edits changed.
        var replayed = source.text
        for pass in Set(result.applied.map(\.pass)).sorted() {
            let edits = result.applied.filter { $0.pass == pass }.flatMap(\.fix.edits)
            replayed = BeehiivExportTests.applyingFromTheEnd(edits, to: replayed)
        }
        #expect(replayed == result.text)

        // Fixing twice equals fixing once.
        let again = try lint.fix(SourceText(result.text), format: "beehiiv")
        #expect(again.text == result.text && again.applied.isEmpty)

        // Each applied fix removes its diagnostic and brings no new one of its rule.
        let before = try lint.check(source, format: "beehiiv").diagnostics
        let after = try lint.check(SourceText(result.text), format: "beehiiv").diagnostics
        let fixable = RuleRegistry.builtIn.descriptions.filter { $0.fixSafety != nil }.map(\.id)
        for rule in fixable {
            let applied = result.applied.filter { $0.diagnostic.ruleID == rule }.count
            #expect(after.filter { $0.ruleID == rule }.count == before.filter { $0.ruleID == rule }.count - applied, "\(rule)")
        }
    }
}
