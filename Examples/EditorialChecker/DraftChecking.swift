import EditorialChecks
import Foundation
import NewsletterCore

/// Checks many drafts using every core: files are read, decoded and checked in parallel,
/// and the outcomes come back in the order the files were given, so output is stable.
struct DraftChecking: Sendable {
    enum Outcome: Sendable {
        case checked(Workspace.Draft, [Diagnostic])
        case failed(NewsletterError)
    }

    var workspace: Workspace
    var offline: Bool
    /// Drafts in progress at once: one per core offline; with link checks, enough that the drafts waiting for
    /// answers keep the link session's requests flowing (the session, not this, limits requests per host).
    var parallelism: Int

    init(workspace: Workspace, offline: Bool) {
        self.workspace = workspace
        self.offline = offline
        let cores = EditorialCheck.threads
        self.parallelism = offline ? cores : max(cores, 64)
    }

    func check(_ files: [DraftFinder.Found]) async -> [Outcome] {
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var outcomes = [Outcome?](repeating: nil, count: files.count)
            var next = 0
            func submit() {
                let index = next
                let file = files[index]
                next += 1
                group.addTask { (index, await check(file)) }
            }
            while next < min(files.count, max(parallelism, 1)) { submit() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                if next < files.count { submit() }
            }
            return outcomes.compactMap { $0 }
        }
    }

    private func check(_ file: DraftFinder.Found) async -> Outcome {
        do throws(NewsletterError) {
            let draft = try workspace.read(file)
            let checker = try workspace.checker(forDraftAt: file.path)
            let diagnostics = offline
                ? checker.check(draft.source, draft: draft.decoded, format: draft.format)
                : await checker.checkIncludingAsyncRules(draft.source, draft: draft.decoded, format: draft.format)
            return .checked(draft, diagnostics)
        } catch {
            return .failed(error)
        }
    }
}
