import EditorialChecks
import Foundation
import LinkCheckRules
import NewsletterCore

/// The `.newsletterlint.yml` of each draft, found as the command-line tool finds it (the nearest in the draft's
/// folder or above) and read once until ``reload()``; validated like the tool's, `link_check:` included.
struct ConfigurationStore: Sendable {
    /// What applies to a draft: a configuration file (read or failed), or the defaults when there is none.
    struct Lookup: Sendable {
        var file: String?
        var configuration: Result<LintConfiguration, NewsletterError>
    }

    let rules: RuleRegistry
    private var files: [String: Result<LintConfiguration, NewsletterError>] = [:]

    init(rules: RuleRegistry) {
        self.rules = rules
    }

    /// The configuration for the draft at `path`; a draft without a path (an unsaved buffer) gets the defaults.
    mutating func lookup(forDraftAt path: String?) -> Lookup {
        guard let path, let file = LintConfiguration.file(forDraftAt: path) else {
            return Lookup(file: nil, configuration: .success(LintConfiguration()))
        }
        return Lookup(file: file, configuration: configuration(ofFile: file))
    }

    /// The configuration file at `file`, read the first time it is asked for.
    mutating func configuration(ofFile file: String) -> Result<LintConfiguration, NewsletterError> {
        if let known = files[file] { return known }
        let rules = rules
        let read = Result { () throws(NewsletterError) in
            try LintConfiguration(contentsOfFile: file, registry: rules).validatingLinkCheckSection()
        }
        files[file] = read
        return read
    }

    /// Every file read so far.
    var knownFiles: [String] { Array(files.keys) }

    /// Forgets what was read, so that the next lookups read the files again.
    mutating func reload() {
        files.removeAll()
    }

    /// Whether `path` names a configuration file.
    static func isConfigurationFile(_ path: String) -> Bool {
        (path as NSString).lastPathComponent == LintConfiguration.fileName
    }
}
