import Foundation
import NewsletterKit

/// Check-and-fix's fuzz check.
///
/// - The input in its detected format, fixed with safe fixes and then with guesses too: when fixing settled
///   (`isStable`), fixing the result again changes nothing, and the result still decodes.
/// - The input after a fenced code block and an HTML block that hold what every fixing rule would change in prose
///   (mojibake, missing spaces around emphasis, `http`, trailing spaces): no fix may touch those bytes.
public enum CheckAndFixCheck {
    private static let checker = EditorialChecker(registry: .builtIn)
    private static let formats = FormatRegistry.standard

    /// Code and raw HTML first in a beehiiv draft, each closed before the fuzzed text starts.
    static let protectedPrefix = """
        ```
        ü§å for**posts**and [a](http://code.example/a)  \u{20}
        ```

        <div>
        ü§å for**posts**and [a](http://html.example/a)  \u{20}
        </div>


        """

    public static func run(_ data: Data) {
        guard let source = try? SourceText(data: data) else { return }
        if let adapter = try? formats.adapter(forPath: nil, source: source) {
            for safety in [FixSafety.safe, .suggestion] {
                fixesSettle(source, adapter: adapter, minimumSafety: safety, input: data)
            }
        }
        guard let beehiiv = try? formats.adapter(identifier: "beehiiv") else { return }
        let planted = SourceText(protectedPrefix + source.text)
        guard let result = try? checker.fix(planted, format: "beehiiv", minimumSafety: .suggestion, decode: beehiiv.decodeDraft) else { return }
        // Counted per rule, so that one rule's policy (mojibake is repaired everywhere) does not hide another's slip.
        let intruders = Set(result.applied.filter { $0.diagnostic.range.start.offset < protectedPrefix.utf8.count }.map(\.diagnostic.ruleID))
        for rule in intruders.sorted() {
            InvariantCheck.expect(false, "fix-edited-code-or-html-by-\(rule)", input: data)
        }
        InvariantCheck.expect(
            !intruders.isEmpty || result.text.utf8.starts(with: protectedPrefix.utf8), "fix-edited-code-or-html-across-passes", input: data
        )
    }

    private static func fixesSettle(_ source: SourceText, adapter: any FormatAdapter, minimumSafety: FixSafety, input: Data) {
        let name = "\(adapter.identifier)-\(minimumSafety.rawValue)"
        guard let once = try? checker.fix(source, format: adapter.identifier, minimumSafety: minimumSafety, decode: adapter.decodeDraft),
              once.isStable, once.text != source.text
        else { return }
        do {
            let twice = try checker.fix(SourceText(once.text), format: adapter.identifier, minimumSafety: minimumSafety, decode: adapter.decodeDraft)
            InvariantCheck.expect(
                twice.text == once.text, "fix-not-idempotent-\(name)", input: input,
                twice.applied.map { "\($0.diagnostic.ruleID) at \($0.diagnostic.range.start.line):\($0.diagnostic.range.start.column)" }
                    .joined(separator: ", ")
            )
        } catch {
            InvariantCheck.expect(false, "fixed-text-does-not-decode-\(name)", input: input, error.message)
        }
    }
}
