import EditorialChecks
import NewsletterCore

/// A report format written while files are checked: its beginning, then each checked file's problems in the order
/// the files were given, then its end. Nothing is kept of a file once it is written, so memory follows the largest
/// file, not the number of problems, and the output is a valid document once ``end(_:into:)`` has run.
/// ``report(_:inputErrors:)`` writes a whole report of files already checked.
public protocol DiagnosticReporter {
    /// Writes what comes before every file (the opening of a JSON document).
    mutating func begin(into output: ReportOutput) throws
    /// Writes one checked file's problems.
    mutating func add(_ file: CheckedFile, into output: ReportOutput) throws
    /// Takes note of a file that could not be read or decoded.
    mutating func add(inputError: NewsletterError, into output: ReportOutput)
    /// Takes note of a configuration warning (an unknown rule id), once per configuration file.
    mutating func add(configurationWarning: ConfigurationWarning, into output: ReportOutput)
    /// Writes what comes after every file: input errors where the format keeps them apart, a summary, the closing.
    mutating func end(_ tally: ProblemTally, into output: ReportOutput) throws
}
