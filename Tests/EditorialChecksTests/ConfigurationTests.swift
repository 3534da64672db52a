import EditorialChecks
import Foundation
import NewsletterCore
import Testing

@Suite struct ConfigurationTests {
    static let full = """
        # House rules for the weekly issue.
        rules:
          duplicate-link: false
          insecure-link: warning
          non-descriptive-link-text:
            severity: error
            phrases: [here, more]
          mojibake:
            enabled: true
        required_sections:
          ordered: false
          allow_empty: false
          sections:
            - Cool Tools
            - title: Ben's Picks
              aliases: [Our Picks, PICKS]
            - title: See ya
              allow_empty: true
        links:
          exclude: ['^https://flight\\.beehiiv\\.net/']
          placeholder_patterns: ['\\bFIXME\\b']
          allowed_schemes: [HTTPS, mailto]
        link_check:
          timeout: 10
          max_concurrency: 8

        """

    @Test func readsEverySection() throws {
        let configuration = try LintConfiguration(yaml: SourceText(Self.full, path: ".newsletterlint.yml"))
        #expect(configuration.rules["duplicate-link"] == RuleSettings(isEnabled: false))
        #expect(configuration.rules["insecure-link"] == RuleSettings(isEnabled: true, severity: .warning))
        #expect(configuration.rules["non-descriptive-link-text"] == RuleSettings(
            isEnabled: true, severity: .error, options: ["phrases": .list([.string("here"), .string("more")])]
        ))
        #expect(configuration.rules["mojibake"] == RuleSettings(isEnabled: true))
        #expect(configuration.requiredSections == RequiredSections([
            RequiredSection("Cool Tools"),
            RequiredSection("Ben's Picks", aliases: ["Our Picks", "PICKS"]),
            RequiredSection("See ya", allowsEmpty: true),
        ], isOrdered: false))
        #expect(configuration.links.exclude.map(\.pattern) == ["^https://flight\\.beehiiv\\.net/"])
        #expect(configuration.links.excludes("https://flight.beehiiv.net/v2/clicks/abc"))
        #expect(configuration.links.placeholderPatterns.map(\.pattern) == ["\\bFIXME\\b"])
        #expect(configuration.links.allowedSchemes == ["https", "mailto"])
        #expect(configuration.linkCheck?.pairs?.map { $0.key.text } == ["timeout", "max_concurrency"])
        #expect(configuration.linkCheck?["timeout"]?.integer == 10)
        #expect(configuration.linkCheck?.range.start.line == 24)
        #expect(configuration.path == ".newsletterlint.yml")
    }

    @Test func effectiveSettings() throws {
        let configuration = try LintConfiguration(yaml: SourceText(Self.full))
        #expect(!configuration.isEnabled(DuplicateLinkRule.description))
        #expect(configuration.isEnabled(EmphasisSpacingRule.description))
        #expect(configuration.severity(of: InsecureLinkRule.description) == .warning)
        #expect(configuration.severity(of: PlaceholderLinkRule.description) == .error)
        #expect(configuration.options(of: NonDescriptiveLinkTextRule.description).strings("phrases") == ["here", "more"])
        #expect(LintConfiguration().options(of: NonDescriptiveLinkTextRule.description).strings("phrases").first == "link")
    }

    @Test func emptyFileIsTheDefault() throws {
        let configuration = try LintConfiguration(yaml: SourceText("# nothing yet\n"))
        #expect(configuration.rules.isEmpty)
        #expect(configuration.requiredSections.sections.isEmpty)
        #expect(configuration.links.allowedSchemes == ["https", "http", "mailto", "tel"])
    }

    @Test func requiredSectionsMayBeAPlainList() throws {
        let configuration = try LintConfiguration(yaml: SourceText("required_sections:\n  - Intro\n  - title: Outro\n"))
        #expect(configuration.requiredSections == RequiredSections([RequiredSection("Intro"), RequiredSection("Outro")]))
    }

    @Test(arguments: [
        ("rule:\n  emphasis-spacing: false\n", 1, 1, "unknown key 'rule' in the configuration; did you mean 'rules'?"),
        ("rules:\n  emphasis-spacing: loud\n", 2, 21, "expected a severity (error, warning, info) or true/false, not 'loud'"),
        ("rules:\n  emphasis-spacing:\n    severity: warning\n    phrases: [a]\n", 4, 5, "unknown key 'phrases' in rule 'emphasis-spacing'"),
        ("rules:\n  non-descriptive-link-text:\n    phrases: {a: b}\n", 3, 14, "expected a string, not a mapping"),
        ("required_sections:\n  order: true\n", 2, 3, "unknown key 'order' in 'required_sections'; did you mean 'ordered'?"),
        ("required_sections:\n  sections:\n    - aliases: [x]\n", 3, 7, "a required section needs a 'title'"),
        ("links:\n  exclude: ['(']\n", 2, 14, "exclude pattern '(': '(' is never closed"),
        // Unsupported pattern syntax, at its character in the file (the scalar is written as its text).
        ("links:\n  placeholder_patterns: ['(a)\\1']\n", 2, 30, "placeholder pattern '(a)\\1': backreferences ('\\1') are not supported"),
        ("links:\n  placeholder_patterns:\n    - x(?=y)\n", 3, 8, "placeholder pattern 'x(?=y)': lookahead ('(?=') is not supported"),
        ("links:\n  exclude: [\"a++\"]\n", 2, 15, "exclude pattern 'a++': possessive quantifiers ('++') are not supported"),
        ("links:\n  exclude: ['x{2,5000}']\n", 2, 15, "exclude pattern 'x{2,5000}': repetition count 5000 is above the limit of 1000"),
        // Escapes in a double-quoted scalar: the pattern's text is not the file's, so the error is at the scalar,
        // naming the character in the pattern.
        ("links:\n  exclude: [\"\\\\d(?<=x)\"]\n", 2, 13, "exclude pattern '\\d(?<=x)': lookbehind ('(?<=') is not supported (at character 3 of the pattern)"),
        ("links:\n  allowed_scheme: [https]\n", 2, 3, "unknown key 'allowed_scheme' in 'links'; did you mean 'allowed_schemes'?"),
        ("link_check: 5\n", 1, 13, "'link_check' must be a mapping, not an integer"),
        ("- a\n- b\n", 1, 1, "the configuration must be a mapping, not a sequence"),
    ])
    func mistakesAreErrorsWithPositions(yaml: String, line: Int, column: Int, message: String) {
        #expect {
            try LintConfiguration(yaml: SourceText(yaml, path: "conf.yml"))
        } throws: { error in
            guard let error = error as? NewsletterError else { return false }
            return error.kind == .configuration && error.path == "conf.yml"
                && error.location?.line == line && error.location?.column == column && error.message.hasPrefix(message)
        }
    }

    @Test func malformedYAMLIsReportedByTheYAMLLayer() {
        #expect {
            try LintConfiguration(yaml: SourceText("rules: [a\n", path: "conf.yml"))
        } throws: { error in
            (error as? NewsletterError)?.kind == .malformedInput && (error as? NewsletterError)?.location?.line == 2
        }
    }

    @Test func discoveryWalksUpFromTheDraft() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsletterlint-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("2024/02")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "rules:\n  duplicate-link: false\n".write(to: root.appendingPathComponent(".newsletterlint.yml"), atomically: true, encoding: .utf8)
        let draft = nested.appendingPathComponent("issue.md").path
        #expect(LintConfiguration.file(forDraftAt: draft) == root.appendingPathComponent(".newsletterlint.yml").path)
        let configuration = try LintConfiguration(forDraftAt: draft)
        #expect(configuration.rules["duplicate-link"]?.isEnabled == false)
        #expect(configuration.path == root.appendingPathComponent(".newsletterlint.yml").path)
    }
}
