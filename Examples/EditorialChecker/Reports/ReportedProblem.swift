import EditorialChecks
import NewsletterCore

/// A diagnostic with the file it was found in and the text of its first line, which is all any
/// output format needs beyond the diagnostic itself.
struct ReportedProblem: Sendable {
    var file: String
    var diagnostic: Diagnostic
    /// The text of the start line, for the underline in text output.
    var sourceLine: String

    init(file: String, diagnostic: Diagnostic, source: SourceText) {
        self.file = file
        self.diagnostic = diagnostic
        self.sourceLine = String(source.lineText(diagnostic.range.start.line))
    }
}
