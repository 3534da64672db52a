@testable import MojibakeRepair

extension MojibakeScanner {
    /// Every span this scanner gives `text` in one scan of the whole text, guesses included, as each line is resolved.
    func spans(of text: String) -> [MojibakeSpan] {
        var spans: [MojibakeSpan] = []
        var contiguous = text
        contiguous.withUTF8 { bytes in
            _ = scan(bytes, in: 0..<bytes.count, includingGuesses: true) { spans.append($0) }
        }
        return spans
    }
}
