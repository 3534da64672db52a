import Foundation
import NewsletterKit
import TestSupport

/// Seed corpora, all generated: random issues from the tests' `IssueGenerator` written by each adapter, the same
/// JSON with every non-ASCII character as a `\u` escape (as Python writes it), text misread through the code pages
/// mojibake comes from, and configurations built from every key the reader knows.
public enum SeedCorpus {
    /// How many random issues each corpus starts from.
    static let issueCount = 60

    static func issues() -> [NewsletterCore.Issue] {
        (0..<issueCount).map { seed in
            var generator = IssueGenerator(seed: UInt64(seed))
            return generator.issue()
        }
    }

    static func encoded(_ identifier: String) -> [String] {
        guard let adapter = try? FormatRegistry.standard.adapter(identifier: identifier) else { return [] }
        return issues().compactMap { try? adapter.encode($0).text }
    }

    static func named(_ prefix: String, _ texts: [String]) -> [(name: String, data: Data)] {
        texts.enumerated().map { (name: "\(prefix)-\($0.offset)", data: Data($0.element.utf8)) }
    }

    public static func beehiiv() -> [(name: String, data: Data)] { named("beehiiv", encoded("beehiiv")) }

    public static func frontMatter() -> [(name: String, data: Data)] { named("front-matter", encoded("front-matter")) }

    public static func json() -> [(name: String, data: Data)] {
        let plain = encoded("json")
        return named("json", plain) + named("json-escaped", plain.map(escapingNonASCII))
    }

    /// Every format, mojibake in each: what `fix` and conversion start from.
    public static func drafts() -> [(name: String, data: Data)] {
        beehiiv() + frontMatter() + json() + named("misread", misreadTexts().map { "# Notes\n\n## Picks\n\n\($0)\n" })
    }

    public static func mojibake() -> [(name: String, data: Data)] {
        named("misread", misreadTexts()) + named("issue-text", encoded("beehiiv"))
    }

    public static func configurations() -> [(name: String, data: Data)] {
        var random = SeededGenerator(seed: 17)
        let rules = RuleRegistry.builtIn.descriptions.map(\.id)
        let parts = [
            "required_sections:\n  ordered: true\n  sections:\n    - title: Picks\n      aliases: [\"Cool Tools\", \"Our Picks\"]\n    - title: Learn\n    - title: See ya\n      allow_empty: true\n",
            "required_sections: [Picks, Learn]\n",
            "links:\n  exclude: [\"^https://internal\\\\.\"]\n  placeholder_patterns: [\"REPLACE_ME\"]\n  allowed_schemes: [https, http, mailto]\n",
            "link_check:\n  max_concurrency: 32\n  per_host_concurrency: 4\n  per_host_interval: 0.1\n  timeout: 10\n  accepted_status: \"100-103, 200-299\"\n  allow_loopback: false\n  cache_ttl: 86400\n",
            "anchors: &a { severity: warning }\n",
        ] + rules.map { "rules:\n  \($0): { severity: \(["error", "warning", "info"].randomElement(using: &random)!), enabled: \(Bool.random(using: &random)) }\n" }
        return named("configuration", (0..<40).map { _ in
            (0..<Int.random(in: 1...3, using: &random)).map { _ in parts.randomElement(using: &random)! }.joined()
        } + parts)
    }

    /// Sentences holding emoji, curly quotes and accents, each read back through Latin-1, Windows-1252 and
    /// Mac OS Roman, once and twice: the shapes mojibake has.
    static func misreadTexts() -> [String] {
        let sentences = [
            "Today’s pick: 🤌 and “quoted” text — naïve café 👋🏽",
            "Ben’s Picks ⭐️ São Paulo, 北京, Ångström… €5",
            "👩🏽‍💻 dev notes: ‘single’ – en dash • bullet",
        ]
        let encodings: [String.Encoding] = [.isoLatin1, .windowsCP1252, .macOSRoman]
        var texts: [String] = []
        for sentence in sentences {
            for encoding in encodings {
                guard let once = String(data: Data(sentence.utf8), encoding: encoding) else { continue }
                texts.append(once)
                if let twice = String(data: Data(once.utf8), encoding: encoding) { texts.append(twice) }
            }
        }
        return texts
    }

    /// JSON with every non-ASCII character written as a `\u` escape, the way Python's `json.dumps` writes by default.
    static func escapingNonASCII(_ json: String) -> String {
        PythonJSONEscaping.escapingNonASCII(json)
    }
}
