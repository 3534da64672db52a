import ArgumentParser

/// Options shared by the commands that read drafts.
struct DraftOptions: ParsableArguments {
    @Option(name: .customLong("format-in"), help: "The format of the input (\(EditorialCheckTool.running.formats.identifiers.joined(separator: ", "))); detected per file when omitted, required for standard input only when detection fails.")
    var formatIn: String?

    @Option(help: "A .newsletterlint.yml to use for every file, instead of the nearest one above each file.")
    var config: String?

    @Option(name: .customLong("rule"), help: "Run only this rule (repeatable).")
    var onlyRules: [String] = []

    @Option(name: .customLong("disable"), help: "Turn this rule off (repeatable).")
    var disabledRules: [String] = []
}
