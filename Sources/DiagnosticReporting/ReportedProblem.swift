import EditorialChecks
import NewsletterCore

/// A diagnostic with the file it was found in and the source it points into, which is all any output format needs
/// beyond the diagnostic itself.
///
/// The source is shared by every problem of the file (a `SourceText` is a reference to one buffer), and a line is
/// sliced from it only when shown: a long line with thousands of problems is held once, not once per problem.
package struct ReportedProblem: Sendable {
    package var file: String
    package var diagnostic: Diagnostic
    package var source: SourceText

    package init(file: String, diagnostic: Diagnostic, source: SourceText) {
        self.file = file
        self.diagnostic = diagnostic
        self.source = source
    }

    /// The text of the start line, for the underline in text output; a slice of the shared source.
    package var sourceLine: Substring { source.lineText(diagnostic.range.start.line) }
}
