import Foundation

/// Checks and fixes drafts in any standard format: the entry point most applications need.
///
/// ```swift
/// import NewsletterKit
///
/// let lint = try NewsletterLint(configurationForDraftAt: "drafts/issue-12.md")  // nearest .newsletterlint.yml
/// let report = try lint.check(fileAt: "drafts/issue-12.md")                      // format detected
/// for diagnostic in report.diagnostics { print(diagnostic) }
///
/// let fixed = try lint.fix(fileAt: "drafts/issue-12.md")                         // safe fixes only
/// try fixed.text.write(toFile: "drafts/issue-12.md", atomically: true, encoding: .utf8)
/// ```
public struct NewsletterLint: Sendable {
    /// The formats drafts are read with.
    public var formats: FormatRegistry
    /// The rule engine with its rules and configuration.
    public var checker: EditorialChecker

    /// Creates a linter with an explicit configuration (the defaults unless given).
    public init(
        configuration: LintConfiguration = LintConfiguration(),
        rules: RuleRegistry = .builtIn,
        formats: FormatRegistry = .standard
    ) {
        self.formats = formats
        self.checker = EditorialChecker(registry: rules, configuration: configuration)
    }

    /// Creates a linter configured by the `.newsletterlint.yml` nearest to a draft (or the defaults when there is none).
    ///
    /// - Throws: `NewsletterError` when the configuration file is not valid.
    public init(
        configurationForDraftAt path: String,
        rules: RuleRegistry = .builtIn,
        formats: FormatRegistry = .standard
    ) throws(NewsletterError) {
        self.init(configuration: try LintConfiguration(forDraftAt: path, registry: rules), rules: rules, formats: formats)
    }

    /// The configuration in use.
    public var configuration: LintConfiguration { checker.configuration }

    /// Reads a draft file as UTF-8, refusing files that are not valid UTF-8 or larger than the core's limit.
    public static func read(fileAt path: String) throws(NewsletterError) -> SourceText {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NewsletterError(.io, "cannot read file", path: path)
        }
        return try SourceText(data: data, path: path)
    }

    /// Reads and checks a file with the offline rules; the format is detected unless given.
    public func check(fileAt path: String, format: String? = nil) throws(NewsletterError) -> LintReport {
        try check(try Self.read(fileAt: path), format: format)
    }

    /// Checks a draft's text with the offline rules; the format is detected from its path and content unless given.
    public func check(_ source: SourceText, format: String? = nil) throws(NewsletterError) -> LintReport {
        let decoded = try formats.decodeDraft(source, format: format)
        let diagnostics = checker.check(source, draft: decoded.draft, format: decoded.format)
        return LintReport(source: source, format: decoded.format, issue: decoded.draft.issue, diagnostics: diagnostics)
    }

    /// Checks a draft's text with the offline rules and the registered asynchronous ones (network link checks).
    public func checkIncludingAsyncRules(_ source: SourceText, format: String? = nil) async throws(NewsletterError) -> LintReport {
        let decoded = try formats.decodeDraft(source, format: format)
        let diagnostics = await checker.checkIncludingAsyncRules(source, draft: decoded.draft, format: decoded.format)
        return LintReport(source: source, format: decoded.format, issue: decoded.draft.issue, diagnostics: diagnostics)
    }

    /// Reads a file and returns its fixed text and the fixes applied; the file itself is not written.
    public func fix(fileAt path: String, format: String? = nil, minimumSafety: FixSafety = .safe) throws(NewsletterError) -> FixResult {
        try fix(try Self.read(fileAt: path), format: format, minimumSafety: minimumSafety)
    }

    /// Applies every fix at least as safe as `minimumSafety` until the draft is stable; see
    /// `EditorialChecker.fix(_:format:minimumSafety:maximumPasses:decode:)`.
    public func fix(_ source: SourceText, format: String? = nil, minimumSafety: FixSafety = .safe) throws(NewsletterError) -> FixResult {
        let adapter: any FormatAdapter = if let format {
            try formats.adapter(identifier: format)
        } else {
            try formats.adapter(forPath: source.path, source: source)
        }
        let formats = formats
        return try checker.fix(source, format: adapter.identifier, minimumSafety: minimumSafety) { text throws(NewsletterError) in
            try formats.decodeDraft(text, using: adapter)
        }
    }
}
