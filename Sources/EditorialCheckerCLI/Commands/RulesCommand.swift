import ArgumentParser
import DiagnosticReporting
import EditorialChecks
import Foundation
import NewsletterCore
import NewsletterKit

/// `rules`: every rule with its identifier, default severity, whether it fixes, and what it finds, the configuration's
/// custom rules included; `--verify` checks every rule's examples and corrections.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its id, default severity, fix and description.",
        discussion: """
            The custom rules of the configuration (--config, else the nearest .newsletterlint.yml above the working \
            folder) are listed too. With --verify, every rule's examples and corrections are checked instead: exit 0 \
            when all keep their promises, 1 with the list of failures when some do not.
            """
    )

    @Option(help: "A .newsletterlint.yml whose custom rules to list, instead of the nearest one above the working folder.")
    var config: String?

    @Flag(help: "Check every rule's examples and corrections (the custom rules' too) instead of listing the rules.")
    var verify = false

    @Flag(help: "Treat unknown rule ids in the configuration as errors instead of warnings.")
    var strict = false

    func run() async throws {
        let rules: RuleRegistry
        let configuration: LintConfiguration
        do throws(NewsletterError) {
            rules = try Workspace.rules()
            if let config {
                configuration = try LintConfiguration(contentsOfFile: config, registry: rules, strict: strict)
            } else {
                configuration = try LintConfiguration(forDraftAt: FileManager.default.currentDirectoryPath + "/-", registry: rules, strict: strict)
            }
        } catch {
            Terminal.writeError(VisibleText.describe(error) + "\n")
            throw ExitStatus.inputError
        }
        for warning in configuration.warnings { Terminal.writeError(VisibleText.describe(warning) + "\n") }
        if verify {
            try verifyExamples(rules: rules, customRules: configuration.customRules)
        } else {
            list(rules.descriptions + configuration.customRules.map(\.description))
        }
    }

    private func list(_ descriptions: [RuleDescription]) {
        let idWidth = descriptions.map(\.id.count).max() ?? 0
        var text = "\("rule".padding(idWidth)) severity  fix         on   description\n"
        for rule in descriptions {
            let fix = rule.fixSafety?.rawValue ?? "-"
            text += "\(rule.id.padding(idWidth)) \(rule.defaultSeverity.rawValue.padding(8))  \(fix.padding(10))  \((rule.isEnabledByDefault ? "yes" : "no").padding(3))  \(VisibleText.escaping(rule.summary))\n"
        }
        Terminal.write(text)
    }

    private func verifyExamples(rules: RuleRegistry, customRules: [CustomRule]) throws {
        let verifier = RuleExampleVerifier(rules: rules, formats: .standard, customRules: customRules)
        let failures = verifier.verifyAll()
        let count = rules.rules.count + customRules.count
        let rulesWord = count == 1 ? "rule" : "rules"
        guard !failures.isEmpty else {
            Terminal.write("\(count) \(rulesWord) verified: every example and correction keeps its promise\n")
            return
        }
        let failing = Set(failures.map(\.ruleID)).count
        var text = failures.map { VisibleText.escaping($0.description) + "\n" }.joined()
        text += "\(failures.count) \(failures.count == 1 ? "failure" : "failures") in \(failing) of \(count) \(rulesWord)\n"
        Terminal.write(text)
        throw ExitStatus.problemsFound
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(width - count, 0))
    }
}
