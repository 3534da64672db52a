import NewsletterCore

/// A diagnostics format written while files are checked: its beginning, then each checked file's problems in the
/// order the files were given, then its end. Nothing is kept of a file once it is written, so memory follows the
/// largest file, not the number of problems, and the output is a valid document whenever ``end(_:into:)`` has run.
///
/// The formats are ``TextReporter`` (compiler style), ``JSONReporter``, ``SARIFReporter`` and ``GitHubReporter``.
/// Call ``begin(into:)`` once, ``add(_:into:)`` per file as it finishes and ``add(inputError:into:)`` per file that
/// could not be read, then ``end(_:into:)`` with the counts of every file added:
///
/// ```swift
/// var reporter: any DiagnosticReporter = JSONReporter()
/// let output = ReportOutput { print($0, terminator: "") }
/// var tally = ProblemTally()
/// try reporter.begin(into: output)
/// for file in checkedFiles {
///     tally.count(file.diagnostics)
///     try reporter.add(file, into: output)
/// }
/// try reporter.end(tally, into: output)
/// output.flush()
/// ```
///
/// ``report(_:inputErrors:)`` does all of that for files already checked and returns the whole document.
public protocol DiagnosticReporter {
    /// Writes what comes before every file (the opening of a JSON document).
    mutating func begin(into output: ReportOutput) throws
    /// Writes one checked file's problems.
    mutating func add(_ file: CheckedFile, into output: ReportOutput) throws
    /// Takes note of a file that could not be read or decoded; formats that carry input errors write them here or
    /// at the end.
    mutating func add(inputError: NewsletterError, into output: ReportOutput)
    /// Writes what comes after every file: input errors where the format keeps them apart, a summary, the closing.
    mutating func end(_ tally: ProblemTally, into output: ReportOutput) throws
}

extension DiagnosticReporter {
    /// The whole report of `files` (in this order) and of the inputs that could not be read, as one text.
    ///
    /// - Throws: what the format's writing throws (``GitHubReporter`` when it cannot hold problems back in a
    ///   temporary file, the JSON formats when a value cannot be encoded).
    public mutating func report(_ files: [CheckedFile], inputErrors: [NewsletterError] = []) throws -> String {
        var text = ""
        let output = ReportOutput { text += $0 }
        var tally = ProblemTally()
        try begin(into: output)
        for error in inputErrors { add(inputError: error, into: output) }
        for file in files {
            tally.count(file.diagnostics)
            try add(file, into: output)
        }
        try end(tally, into: output)
        output.flush()
        return text
    }
}
