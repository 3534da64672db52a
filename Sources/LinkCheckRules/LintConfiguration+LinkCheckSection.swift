import EditorialChecks
import LinkChecker
import NewsletterCore

extension LintConfiguration {
    /// Checks the `link_check:` section now, so that a typo in it is a configuration error even when links are not
    /// checked (offline, or while typing in an editor); the command-line tool and the language server both read
    /// configurations through this.
    ///
    /// - Throws: the error ``LinkChecker/LinkCheckConfiguration/init(_:)`` throws for the section.
    package func validatingLinkCheckSection() throws(NewsletterError) -> LintConfiguration {
        _ = try LinkCheckConfiguration(self)
        return self
    }
}
