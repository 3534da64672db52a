import Foundation
import NewsletterKit

/// Conversion round trips' fuzz check: the input, decoded in its detected format, is written in every format;
/// what a writer writes its reader must read, and when the writer warned of nothing, writing what it read back
/// gives the same text again.
public enum ConversionCheck {
    private static let formats = FormatRegistry.standard

    public static func run(_ data: Data) {
        guard let source = try? SourceText(data: data),
              let reader = try? formats.adapter(forPath: nil, source: source),
              let issue = try? reader.decode(source)
        else { return }
        for writer in formats.adapters {
            let name = "\(reader.identifier)-to-\(writer.identifier)"
            guard let encoded = try? writer.encode(issue) else { continue }
            do {
                let again = try writer.decode(SourceText(encoded.text))
                guard encoded.warnings.isEmpty else { continue }
                let rewritten = try writer.encode(again)
                InvariantCheck.expect(rewritten.text == encoded.text, "conversion-not-stable-\(name)", input: data)
            } catch {
                InvariantCheck.expect(false, "conversion-unreadable-\(name)", input: data, error.message)
            }
        }
    }
}
