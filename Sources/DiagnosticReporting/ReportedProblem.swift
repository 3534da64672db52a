import EditorialChecks
import NewsletterCore

/// A diagnostic with the file it was found in and the source it points into, which is all any output format needs
/// beyond the diagnostic itself.
///
/// The source is shared by every problem of the file (a `SourceText` is a reference to one buffer), and a line is
/// sliced from it only when shown: a long line with thousands of problems is held once, not once per problem.
struct ReportedProblem: Sendable {
    var file: String
    var diagnostic: Diagnostic
    var source: SourceText

    /// The text of the start line, for the underline in text output; a slice of the shared source.
    var sourceLine: Substring { source.lineText(diagnostic.range.start.line) }
}
