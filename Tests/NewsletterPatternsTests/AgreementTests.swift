import Foundation
@testable import NewsletterPatterns
import Testing

/// The engine finds the match NSRegularExpression (ICU, backtracking) finds, to the character, on patterns where
/// both define the same result: the whole supported language, on URLs, link text and edge cases.
@Suite struct AgreementTests {
    static let patterns = [
        // Literals, escapes, dot.
        "abc", "a\\.b", "https:\\/\\/", "\\?utm_", "\\\\", "a.c", ".", "..", "\\t", "\\x41", "\\x{1F600}", "\\u00e9",
        // Classes.
        "[abc]+", "[^/]+", "[a-z0-9-]+", "[-a]", "[a-]", "[\\]x]", "[\\d.]+", "[^\\s]+", "[\\w-]", "[.?]",
        "\\d+", "\\D+", "\\w+", "\\W+", "\\s", "\\S+", "[é-ü]",
        // Groups, alternation, quantifiers, laziness.
        "(ab)+", "(?:ab|a)(?:bc|c)?", "a|ab", "ab|a", "(a|ab)(c|bcd)", "a*", "a+?", "a*?b", "a??b", "(a+)+$",
        "x{2}", "x{2,}", "x{2,3}", "x{2,3}?", "x{0}", "(?:a|)*b", "(a*)*", "(a*)+b", "(|a)+", "(?<name>\\d+)-",
        // Anchors and boundaries.
        "^https", "^$", "$", "com$", "^(?:a|b)", "\\bFIXME\\b", "\\Bix", "\\b", "\\Ahttp", "html\\z", "html\\Z",
        // Case.
        "(?i)fixme", "(?i)[a-c]+", "(?i)ÉTÉ", "(?i)\\bTODO\\b",
        // Typical configuration patterns.
        "^https://flight\\.beehiiv\\.net/", "utm_[a-z]+=[^&]*", "\\{\\{[^}]*\\}\\}", "^mailto:", "(?:^|/)tmp/",
        "\\.(?:png|jpe?g|gif)$", "#[A-Za-z0-9_-]*$", "[?&]ref=\\w+",
    ]

    static let inputs = [
        "", "a", "abc", "aab", "abcd", "xxxx", "ab ab", "a.b a/b", "https://example.com/path?utm_source=x&utm_medium=y",
        "https://flight.beehiiv.net/v2/clicks/abc", "mailto:someone@host.test", "FIXME later", "a fixme, TODO!",
        "Été à Zürich", "été", "tab\there", "line\n", "line\r\n", "line\nnext", "\u{1F600} smile", "{{name}} and {{x}}",
        "/tmp/a.png", "photo.JPEG", "page.html", "page.html\n", "x]-y", "bixby", "ref: ?ref=abc12&b=2", "12.5 and 3",
        "aaaaaaaaaaaaaaaaaaaab", "\\path\\to", "A", "ÉTÉ",
    ]

    @Test("same match as NSRegularExpression", arguments: patterns)
    func sameMatch(pattern: String) throws {
        let ours = try LinearPattern(pattern)
        let icu = try NSRegularExpression(pattern: pattern)
        for input in Self.inputs {
            // Compared in UTF-16 offsets, NSRegularExpression's unit: its ranges may split a "\r\n" character.
            let expected = icu.firstMatch(in: input, range: NSRange(input.startIndex..., in: input)).map { $0.range.location..<NSMaxRange($0.range) }
            let actual = ours.firstMatch(in: input).map {
                input.utf16.distance(from: input.startIndex, to: $0.lowerBound)..<input.utf16.distance(from: input.startIndex, to: $0.upperBound)
            }
            #expect(actual == expected, "pattern \(pattern) on \(input.debugDescription)")
            #expect(ours.matches(input) == (expected != nil), "pattern \(pattern) on \(input.debugDescription)")
        }
    }
}
