import Foundation
import LinkChecker
import LinkCheckRules
import NewsletterKit

/// Everything a command needs to read and check drafts: the formats, the rules, and the configuration
/// that applies to each file. Built once per run; safe to share between the tasks that check files in parallel.
struct Workspace: Sendable {
    /// A draft read and decoded.
    struct Draft: Sendable {
        var path: String
        var source: SourceText
        var decoded: DecodedDraft
        var format: String
        var issue: Issue { decoded.issue }
    }

    let formats: FormatRegistry
    let rules: RuleRegistry
    let options: DraftOptions
    /// Whether configuration warnings (unknown rule identifiers) are errors.
    let strict: Bool
    private let explicitConfiguration: LintConfiguration?
    private let folderConfigurations = FolderConfigurations()

    /// Builds the workspace; `progress` receives the link checker's events when links are checked, and links
    /// are checked within `session` (one for every draft of the run) when one is given. With `strict`, a configuration
    /// naming a rule nobody knows is an error instead of a warning.
    init(options: DraftOptions, strict: Bool = false, progress: ProgressBar? = nil, session: LinkCheckSession? = nil) throws(NewsletterError) {
        let rules = try Self.rules(progress: progress, session: session)
        self.formats = EditorialCheckTool.running.formats
        self.rules = rules
        self.options = options
        self.strict = strict
        if let format = options.formatIn { _ = try formats.adapter(identifier: format) }
        if let path = options.config {
            let configuration = try LintConfiguration(contentsOfFile: path, registry: rules, strict: strict)
            folderConfigurations.warnOnce(about: configuration)
            explicitConfiguration = configuration
        } else {
            explicitConfiguration = nil
        }
        // Without `--config`, a custom rule is known only once its folder's configuration is read (see below).
        if let explicitConfiguration {
            for id in options.onlyRules + options.disabledRules
            where rules.description(id: id) == nil && explicitConfiguration.customRule(id: id) == nil {
                throw Self.unknownRuleError(id)
            }
        }
    }

    private static func unknownRuleError(_ id: String) -> NewsletterError {
        NewsletterError(.configuration, "unknown rule '\(id)'; `\(EditorialCheckTool.running.commandName) rules` lists them")
    }

    /// Every rule the tool runs: the running tool's rules and the network rule `broken-link`, which checks
    /// all drafts within `session` when one is given (each unique URL once per run, host limits across drafts).
    static func rules(progress: ProgressBar? = nil, session: LinkCheckSession? = nil) throws(NewsletterError) -> RuleRegistry {
        var rules = EditorialCheckTool.running.rules
        var onEvent: (@Sendable (LinkCheckEvent) -> Void)?
        if let progress { onEvent = { progress.handle($0) } }
        let brokenLink: any AsyncRule = session.map { BrokenLinkRule(session: $0, onEvent: onEvent) } ?? BrokenLinkRule(onEvent: onEvent)
        try rules.register(brokenLink)
        return rules
    }

    /// The checker for a draft: its configuration with the command line's `--rule` and `--disable` applied on top; the
    /// same for every draft of a folder, so made once per folder.
    func checker(forDraftAt path: String) throws(NewsletterError) -> EditorialChecker {
        // Standard input is configured from the working folder, as if it were a file there.
        let draftPath = path == "-" ? FileManager.default.currentDirectoryPath + "/-" : path
        let folder = draftPath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(draftPath[...$0]) } ?? ""
        return try folderConfigurations.checker(forFolder: folder) { () throws(NewsletterError) in
            EditorialChecker(registry: rules, configuration: try configuration(forDraftsLike: draftPath))
        }
    }

    /// The configuration for the drafts in the folder of `draftPath`.
    private func configuration(forDraftsLike draftPath: String) throws(NewsletterError) -> LintConfiguration {
        var configuration: LintConfiguration
        if let explicitConfiguration {
            configuration = explicitConfiguration
        } else {
            configuration = try LintConfiguration(forDraftAt: draftPath, registry: rules, strict: strict)
            folderConfigurations.warnOnce(about: configuration)
        }
        for id in options.onlyRules + options.disabledRules where rules.description(id: id) == nil && configuration.customRule(id: id) == nil {
            throw Self.unknownRuleError(id)
        }
        configuration = try configuration.validatingLinkCheckSection()
        if !options.onlyRules.isEmpty {
            for description in rules.descriptions + configuration.customRules.map(\.description) {
                configuration.rules[description.id, default: RuleSettings()].isEnabled = options.onlyRules.contains(description.id)
            }
        }
        for id in options.disabledRules {
            configuration.rules[id, default: RuleSettings()].isEnabled = false
        }
        return configuration
    }

    /// The rules known before any draft is read: the registry's, and the custom rules of `--config` (the custom rules of
    /// folders' configurations are known only as their drafts are checked).
    var knownRules: [RuleDescription] {
        rules.descriptions + (explicitConfiguration?.customRules.map(\.description) ?? [])
    }

    /// The warnings of every configuration read so far (each file once).
    var configurationWarnings: [ConfigurationWarning] { folderConfigurations.warnings }

    /// Reads bytes (a file, a named pipe the user named, or standard input for `-`) and decodes them.
    func read(_ file: DraftFinder.Found) throws(NewsletterError) -> Draft {
        let data: Data
        if file.path == "-" {
            data = try InputFile.read(STDIN_FILENO, path: "<stdin>")
        } else {
            data = try InputFile.contents(of: file.path, allowStreams: file.isNamed)
        }
        // The bytes are let go before decoding: cmark-gfm's working set for a long paragraph is a few times its size.
        let source = try SourceText(data: consume data, path: file.path == "-" ? "<stdin>" : file.path)
        return try decode(source, path: file.path)
    }

    /// Decodes through the registry, which picks the adapter (named, else by extension and content) and reads the
    /// draft with it, so that the checker reads every draft as any user of `FormatRegistry` would.
    func decode(_ source: SourceText, path: String) throws(NewsletterError) -> Draft {
        let format: String
        if let formatIn = options.formatIn {
            format = formatIn
        } else {
            format = try formats.adapter(forPath: path == "-" ? nil : path, source: source).identifier
        }
        let decoded = try formats.decodeDraft(source, format: format)
        return Draft(path: source.path ?? path, source: source, decoded: decoded.draft, format: decoded.format)
    }
}
