import DiagnosticReporting
import EditorialChecks
import NewsletterCore
import Synchronization

/// The configuration of each folder that holds drafts, looked up and read once per run, and the checker made with it.
///
/// Every draft in a folder has the same configuration (the nearest `.newsletterlint.yml` above the folder, with the
/// command line's settings on top), so that looking it up for each draft walked the same folders and read the same
/// file again for every file, which cost more than checking a small draft; the checker made from it (which finds the
/// enabled rules and their settings once) is shared by the folder's drafts too. A configuration that fails to read
/// fails the same way for every draft of its folder. Shared by the tasks that check drafts in parallel, hence the lock.
final class FolderConfigurations: Sendable {
    private let found = Mutex<[String: Result<EditorialChecker, NewsletterError>]>([:])
    private let warned = Mutex<(files: Set<String>, warnings: [ConfigurationWarning])>(([], []))

    /// Creates an empty cache, for one run.
    init() {}

    /// The checker for drafts in `folder`, made by `make` the first time the folder is asked for.
    func checker(
        forFolder folder: String,
        make: () throws(NewsletterError) -> EditorialChecker
    ) throws(NewsletterError) -> EditorialChecker {
        if let known = found.withLock({ $0[folder] }) { return try known.get() }
        // Made outside the lock, so that drafts of other folders are not held up; two tasks may both make the first
        // one of a folder, with the same result.
        let made = Result { () throws(NewsletterError) in try make() }
        found.withLock { $0[folder] = made }
        return try made.get()
    }

    /// Writes a configuration's warnings to standard error, once per configuration file and run (folders that share
    /// a file read it each, with the same warnings).
    func warnOnce(about configuration: LintConfiguration) {
        guard !configuration.warnings.isEmpty else { return }
        let first = warned.withLock { warned in
            guard warned.files.insert(configuration.path ?? "").inserted else { return false }
            warned.warnings += configuration.warnings
            return true
        }
        guard first else { return }
        Terminal.writeError(configuration.warnings.map { VisibleText.describe($0) + "\n" }.joined())
    }

    /// Every warning written so far, for the reports that carry them.
    var warnings: [ConfigurationWarning] {
        warned.withLock { $0.warnings }
    }
}
