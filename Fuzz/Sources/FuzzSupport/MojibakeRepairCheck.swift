import Foundation
import NewsletterKit

/// Mojibake repair's fuzz check, with and without guesses: the result is valid text (it reads back as a
/// `SourceText`), repairing it again changes nothing, and it is exactly the input with each reported span's
/// original replaced by its replacement, so that every byte outside the spans is unchanged.
public enum MojibakeRepairCheck {
    public static func run(_ data: Data) {
        guard let source = try? SourceText(data: data) else { return }
        for includeGuesses in [false, true] {
            let mode = includeGuesses ? "with-guesses" : "safe"
            let repaired = Mojibake.repair(source.text, includeGuesses: includeGuesses)
            InvariantCheck.expect(
                (try? SourceText(data: Data(repaired.text.utf8))) != nil, "mojibake-\(mode)-result-invalid", input: data
            )
            let again = Mojibake.repair(repaired.text, includeGuesses: includeGuesses)
            InvariantCheck.expect(
                again.edits.isEmpty, "mojibake-\(mode)-not-idempotent", input: data,
                again.edits.map { "'\($0.original)' -> '\($0.replacement)'" }.joined(separator: ", ")
            )
            InvariantCheck.expect(
                rebuilt(source.text, applying: repaired.edits) == Array(repaired.text.utf8),
                "mojibake-\(mode)-bytes-outside-spans-changed", input: data
            )
        }
    }

    /// The input with each span's bytes replaced, or `nil` when the spans overlap, leave the text, or do not
    /// hold their own original.
    private static func rebuilt(_ text: String, applying spans: [MojibakeSpan]) -> [UInt8]? {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var copied = 0
        for span in spans.sorted(by: { $0.utf8Range.lowerBound < $1.utf8Range.lowerBound }) {
            let range = span.utf8Range
            guard range.lowerBound >= copied, range.upperBound <= bytes.count,
                  Array(bytes[range]) == Array(span.original.utf8)
            else { return nil }
            result += bytes[copied..<range.lowerBound]
            result += Array(span.replacement.utf8)
            copied = range.upperBound
        }
        return result + bytes[copied...]
    }
}
