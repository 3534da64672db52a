import NewsletterKit
import Testing

/// Runs rule examples: decodes a draft with the standard formats, checks it, and reads `↓` markers.
enum ExampleHarness {
    static let formats = FormatRegistry.standard

    /// The example text without markers, and the UTF-8 offsets where the markers stood.
    static func stripMarkers(_ text: String) -> (text: String, offsets: [Int]) {
        var stripped = ""
        var offsets: [Int] = []
        for character in text {
            if character == RuleExample.marker {
                offsets.append(stripped.utf8.count)
            } else {
                stripped.append(character)
            }
        }
        return (stripped, offsets)
    }

    /// The example with `🤌 ` inserted on every marked line, after the line's block prefix (`## `, `- `, `> `),
    /// when that point comes before the line's first marker; `nil` when no line allows it.
    static func insertingMultiByteCharacters(_ text: String) -> String? {
        var changed = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let marker = line.firstIndex(of: RuleExample.marker) else { return String(line) }
            let prefix = blockPrefixEnd(line)
            guard prefix < marker else { return String(line) }
            changed = true
            return String(line[..<prefix]) + "🤌 " + String(line[prefix...])
        }
        return changed ? lines.joined(separator: "\n") : nil
    }

    private static func blockPrefixEnd(_ line: Substring) -> Substring.Index {
        var index = line.startIndex
        while index < line.endIndex && line[index] == " " { index = line.index(after: index) }
        let rest = line[index...]
        for marker in ["- ", "* ", "+ ", "> ", "| "] where rest.hasPrefix(marker) {
            return line.index(index, offsetBy: 2)
        }
        let hashes = rest.prefix { $0 == "#" }
        if (1...6).contains(hashes.count), rest.dropFirst(hashes.count).first == " " {
            return line.index(index, offsetBy: hashes.count + 1)
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(". ") {
            return line.index(index, offsetBy: digits.count + 2)
        }
        return index
    }

    static func configuration(_ yaml: String?) throws -> LintConfiguration {
        guard let yaml else { return LintConfiguration() }
        return try LintConfiguration(yaml: SourceText(yaml, path: "example.newsletterlint.yml"))
    }

    /// The diagnostics of rule `id` on `text` (markers already removed).
    static func diagnostics(
        of id: String, in text: String, format: String, configuration: LintConfiguration
    ) throws -> [Diagnostic] {
        let lint = NewsletterLint(configuration: configuration)
        return try lint.check(SourceText(text), format: format).diagnostics.filter { $0.ruleID == id }
    }
}

/// One example of one rule, named for test output.
struct RuleExampleCase: Sendable, CustomTestStringConvertible {
    let rule: RuleDescription
    let example: RuleExample
    let index: Int

    var testDescription: String { "\(rule.id) #\(index + 1)" }

    static let triggering = RuleRegistry.builtIn.descriptions.flatMap { rule in
        rule.triggeringExamples.enumerated().map { RuleExampleCase(rule: rule, example: $1, index: $0) }
    }

    static let nonTriggering = RuleRegistry.builtIn.descriptions.flatMap { rule in
        rule.nonTriggeringExamples.enumerated().map { RuleExampleCase(rule: rule, example: $1, index: $0) }
    }
}

/// One correction of one rule, named for test output.
struct RuleCorrectionCase: Sendable, CustomTestStringConvertible {
    let rule: RuleDescription
    let correction: RuleCorrection
    let index: Int

    var testDescription: String { "\(rule.id) correction #\(index + 1)" }

    static let all = RuleRegistry.builtIn.descriptions.flatMap { rule in
        rule.corrections.enumerated().map { RuleCorrectionCase(rule: rule, correction: $1, index: $0) }
    }
}
