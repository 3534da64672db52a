public import NewsletterCore

/// Something in a configuration that is not applied but does not stop reading it: a rule identifier that no
/// registered or custom rule has (a rule of another tool's registry, or a typo), with the closest known identifier.
///
/// Loading with `strict: true` makes it an error instead (``error``). Its ``description`` renders as compilers do:
///
/// ```text
/// .newsletterlint.yml:3:3: warning: unknown rule 'placeholder-links' (ignored); did you mean 'placeholder-link'?
/// ```
public struct ConfigurationWarning: Sendable, Equatable, CustomStringConvertible {
    /// One line, lower-case first word, no final period.
    public var message: String
    /// The configuration file, if any.
    public var path: String?
    /// Where in the file.
    public var location: SourceLocation?
    /// The text of the line at ``location``, shown under the message with a caret.
    public var sourceLine: String?
    /// The unknown rule identifier.
    public var ruleID: String
    /// The closest known identifier, when one is close enough to be a likely typo.
    public var suggestion: String?

    /// Creates a warning.
    public init(
        message: String, ruleID: String, suggestion: String? = nil, path: String? = nil, location: SourceLocation? = nil, sourceLine: String? = nil
    ) {
        self.message = message
        self.ruleID = ruleID
        self.suggestion = suggestion
        self.path = path
        self.location = location
        self.sourceLine = sourceLine
    }

    /// The same finding as a configuration error, for strict loading.
    public var error: NewsletterError {
        NewsletterError(.configuration, message, path: path, location: location, sourceLine: sourceLine)
    }

    /// `path:line:column: warning: message`, then the source line and a caret under the column.
    public var description: String {
        // The error's rendering with its severity word swapped: the prefix before it is known exactly.
        let head = (path.map { "\($0):" } ?? "") + (location.map { "\($0.line):\($0.column):" } ?? "")
        let errorPrefix = head.isEmpty ? "error: " : "\(head) error: "
        return (head.isEmpty ? "warning: " : "\(head) warning: ") + error.description.dropFirst(errorPrefix.count)
    }
}
