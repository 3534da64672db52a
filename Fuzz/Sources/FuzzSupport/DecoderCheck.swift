import Foundation
import NewsletterKit

/// The decoders' fuzz check: any bytes either fail with a `NewsletterError` or decode to an issue whose every
/// position lies inside the text, in order. Crashes, hangs and leaks are libFuzzer's and AddressSanitizer's to find.
public enum DecoderCheck {
    public static func run(_ adapter: some FormatAdapter, on data: Data) {
        guard let source = try? SourceText(data: data) else { return }
        _ = adapter.sniff(source)
        guard let issue = try? adapter.decode(source) else { return }
        let ranges = issue.sections.flatMap { [$0.range, $0.headingRange] } + issue.links.flatMap { [$0.range, $0.destinationRange] }
        for range in ranges.compactMap({ $0 }) {
            InvariantCheck.expect(
                0 <= range.start.offset && range.start.offset <= range.end.offset && range.end.offset <= source.utf8Count,
                "\(adapter.identifier)-position-outside-text",
                input: data,
                "\(range.start.offset)..<\(range.end.offset) in \(source.utf8Count) bytes"
            )
            InvariantCheck.expect(
                source.range(utf8Offsets: range.start.offset..<range.end.offset).start.line == range.start.line,
                "\(adapter.identifier)-line-disagrees-with-offset",
                input: data,
                "line \(range.start.line) at offset \(range.start.offset)"
            )
        }
    }
}
