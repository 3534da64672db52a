@testable import EditorialChecks
import TestSupport
import Testing

@Suite struct PlaceholderDetectorTests {
    let detector = PlaceholderDetector(extraPatterns: [TextPattern("\\bFIXME\\b")!])

    @Test(arguments: [
        ("https://acme.dev/?ref=PLACEHOLDER", "PLACEHOLDER"),
        ("{{rp_refer_url}}", "{{rp_refer_url}}"),
        ("https://acme.dev/?e={{email}}&x=1", "{{email}}"),
        ("*|UNSUB|*", "*|UNSUB|*"),
        ("https://acme.dev/%%user%%", "%%user%%"),
        ("https://acme.dev/[[id]]", "[[id]]"),
        ("https://acme.dev/TODO", "TODO"),
        ("https://acme.dev/post?status=TBD", "TBD"),
        ("https://acme.dev/XXX/", "XXX"),
        ("https://www.example.com/a", "example.com"),
        ("https://example.org", "example.org"),
        ("https://acme.dev/%7B%7Bsubscriber_id%7D%7D", "{{subscriber_id}}"),
        ("https://acme.dev/FIXME", "FIXME"),
        ("#", "#"),
        ("", ""),
        ("  ", ""),
    ])
    func placeholders(destination: String, found: String) {
        #expect(detector.placeholder(inDestination: destination[...]) == found)
    }

    @Test(arguments: [
        "https://acme.dev/todos", "https://acme.dev/XXXL", "https://acme.dev/a%20b", "https://notexample.com/",
        "https://acme.dev/placeholder-images", "#section", "mailto:ada@acme.dev",
    ])
    func realDestinations(destination: String) {
        #expect(detector.placeholder(inDestination: destination[...]) == nil)
    }

    @Test(arguments: [
        ("TODO and {{name}}", "{{name}}"),
        ("}} {{a}} }}", "{{a}}"),
        ("[[a]] then *|b|*", "*|b|*"),
        ("*|never closed [[id]]", "[[id]]"),
        ("%%%", nil),
        ("%%%%", "%%%%"),
        ("XXX before TODO", "TODO"),
        ("TODOs, then TBD", "TBD"),
        ("XXXX", nil),
        ("{{ TODO PLACEHOLDER", "PLACEHOLDER"),
        ("naïveTODO", nil),
    ] as [(String, String?)])
    func precedenceInText(text: String, found: String?) {
        #expect(detector.placeholder(inText: text[...]) == found)
    }

    /// The one-pass search finds what one search per pattern, in the order of precedence, finds; texts of up to 60
    /// characters cross the sixteen-byte blocks it passes over.
    @Test func onePassAgreesWithSearchPerPattern() {
        let alphabet = Array("TODBXPLACEHR{}*|%[]a é".unicodeScalars)
        let plain = PlaceholderDetector(extraPatterns: [])
        var generator = SeededGenerator(seed: 13)
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...60, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let string = String(text)
            #expect(plain.placeholder(inText: string[...]) == Self.searchPerPattern(string), "\(string)")
        }
    }

    @Test(arguments: [
        ("https://acme.dev/x", "acme.dev"),
        ("https://ada:secret@acme.dev:8080/x", "acme.dev"),
        ("https://[::1]:8080/", "::1"),
        ("https://bücher.de:443/", "bücher.de"),
        ("https://a@b@c.dev?q", "c.dev"),
        ("https://", ""),
        ("mailto:ada@acme.dev", nil),
    ] as [(String, String?)])
    func host(destination: String, host: String?) {
        #expect(PlaceholderDetector.host(of: destination[...]).map(String.init) == host)
    }

    /// What the built-in patterns find, one search per pattern in the order of precedence: the specification the
    /// one-pass search is held to.
    private static func searchPerPattern(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        func find(_ needle: String, from: Int) -> Int? {
            let needle = Array(needle.utf8)
            guard bytes.count >= needle.count, from <= bytes.count - needle.count else { return nil }
            return (from...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }
        }
        func isWordByte(_ index: Int) -> Bool {
            guard bytes.indices.contains(index) else { return false }
            let byte = bytes[index]
            return byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        if find("PLACEHOLDER", from: 0) != nil { return "PLACEHOLDER" }
        for (open, close) in [("{{", "}}"), ("*|", "|*"), ("%%", "%%"), ("[[", "]]")] {
            if let start = find(open, from: 0), let end = find(close, from: start + 2) {
                return String(decoding: bytes[start..<end + 2], as: UTF8.self)
            }
        }
        for word in ["TODO", "TBD", "XXX"] {
            var from = 0
            while let start = find(word, from: from) {
                if !isWordByte(start - 1) && !isWordByte(start + word.utf8.count) { return word }
                from = start + 1
            }
        }
        return nil
    }
}
