import EditorialChecks
import Foundation
import NewsletterCore

/// Checks many drafts using every core: files are read, decoded and checked in parallel,
/// and the outcomes are handed on as they finish, in the order the files were given, so output is stable.
struct DraftChecking: Sendable {
    enum Outcome: Sendable {
        /// A checked file: its path and text (what the report shows), without its decoded draft, which is freed by
        /// the thread that made it rather than by the one reporting.
        case checked(path: String, source: SourceText, DiagnosticStore)
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

    /// Checks `files`, calling `report` with each outcome in the order of `files` as soon as it and every earlier one
    /// are done. At most twice ``parallelism`` files are started ahead of the next one to report, so the outcomes
    /// waiting for a slow file stay few, and none is kept once reported.
    func check(_ files: [DraftFinder.Found], report: (Outcome) -> Void) async {
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var waiting: [Int: Outcome] = [:]
            var next = 0
            var reported = 0
            let window = 2 * max(parallelism, 1)
            func submit() {
                while next < files.count && next < reported + window && next - reported - waiting.count < parallelism {
                    let index = next
                    let file = files[index]
                    next += 1
                    group.addTask { (index, await check(file)) }
                }
            }
            submit()
            for await (index, outcome) in group {
                waiting[index] = outcome
                while let ready = waiting.removeValue(forKey: reported) {
                    reported += 1
                    report(ready)
                }
                submit()
            }
        }
    }

    private func check(_ file: DraftFinder.Found) async -> Outcome {
        do throws(NewsletterError) {
            let draft = try workspace.read(file)
            let checker = try workspace.checker(forDraftAt: file.path)
            let (path, source, format) = (draft.path, draft.source, draft.format)
            // The decoded draft is handed over, so that the checker can let it go before it sorts the diagnostics.
            let diagnostics = if offline {
                checker.checkStored(source, draft: (consume draft).decoded, format: format)
            } else {
                await checker.checkIncludingAsyncRulesStored(source, draft: draft.decoded, format: format)
            }
            return .checked(path: path, source: source, diagnostics)
        } catch {
            return .failed(error)
        }
    }
}
