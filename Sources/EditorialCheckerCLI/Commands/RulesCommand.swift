import ArgumentParser
import EditorialChecks

/// `rules`: every rule with its identifier, default severity, whether it fixes, and what it finds.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its id, default severity, fix and description."
    )

    func run() async throws {
        let descriptions = try Workspace.rules().descriptions
        let idWidth = descriptions.map(\.id.count).max() ?? 0
        var text = "\("rule".padding(idWidth)) severity  fix         on   description\n"
        for rule in descriptions {
            let fix = rule.fixSafety?.rawValue ?? "-"
            text += "\(rule.id.padding(idWidth)) \(rule.defaultSeverity.rawValue.padding(8))  \(fix.padding(10))  \((rule.isEnabledByDefault ? "yes" : "no").padding(3))  \(rule.summary)\n"
        }
        Terminal.write(text)
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(width - count, 0))
    }
}
