import EditorialChecks
import NewsletterCore
import NewsletterKit

/// What checking one version of a draft found: its diagnostics, or why it could not be checked.
struct DraftAnalysis: Sendable {
    enum Outcome: Sendable {
        /// Decoded and checked with the offline rules.
        case checked(format: String, markdown: MarkdownTree?, diagnostics: [Diagnostic])
        /// Not checked: the draft could not be decoded, is too large, or its configuration is invalid.
        case notChecked(NewsletterError)
    }

    let source: SourceText
    let version: Int
    let outcome: Outcome

    var diagnostics: [Diagnostic] {
        if case .checked(_, _, let diagnostics) = outcome { return diagnostics }
        return []
    }
}

/// Decodes, checks and fixes drafts as `editorial-check` does, through `NewsletterLint`: the format from the file's
/// extension, else its content (`FormatRegistry`), the rules of the registry with the draft's configuration.
struct DraftAnalyzer: Sendable {
    let formats: FormatRegistry
    let rules: RuleRegistry
    let maximumDraftSize: Int

    func lint(_ configuration: LintConfiguration) -> NewsletterLint {
        NewsletterLint(configuration: configuration, rules: rules, formats: formats)
    }

    func analyze(_ source: SourceText, version: Int, configuration: Result<LintConfiguration, NewsletterError>) -> DraftAnalysis {
        do throws(NewsletterError) {
            try checkSize(of: source)
            let lint = lint(try configuration.get())
            let adapter = try formats.adapter(forPath: source.path, source: source)
            let decoded = try formats.decodeDraft(source, using: adapter)
            let format = adapter.identifier
            let diagnostics = lint.checker.check(source, draft: decoded, format: format)
            return DraftAnalysis(source: source, version: version, outcome: .checked(format: format, markdown: decoded.markdown, diagnostics: diagnostics))
        } catch {
            return DraftAnalysis(source: source, version: version, outcome: .notChecked(error))
        }
    }

    /// The text `editorial-check fix` would write for `source`: every safe fix, until stable.
    func fixAll(_ source: SourceText, configuration: LintConfiguration) throws(NewsletterError) -> FixResult {
        try checkSize(of: source)
        return try lint(configuration).fix(source)
    }

    func checkSize(of source: SourceText) throws(NewsletterError) {
        guard source.utf8Count <= maximumDraftSize else {
            throw NewsletterError(
                .limitExceeded,
                "the draft is \(source.utf8Count) bytes, more than the limit of \(maximumDraftSize) bytes: not checked",
                path: source.path
            )
        }
    }
}
