import ArgumentParser
import EditorialChecks
import Foundation
import LinkChecker
import NewsletterCore

/// `check`: report every problem in the drafts, in a stable order, checking files in parallel.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check drafts (files, folders, or - for standard input) and report problems."
    )

    @Argument(help: "Draft files or folders (searched recursively for supported extensions); - reads standard input.")
    var paths: [String] = ["."]

    @OptionGroup var draftOptions: DraftOptions

    @Flag(help: "Skip the network link checks (offline rules only).")
    var offline = false

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    @Option(help: "Report format: text, json, sarif or github.")
    var output: ReportFormat = .text

    func run() async throws {
        let progress = offline ? nil : ProgressBar()
        // One session for every draft: each unique URL is requested once per run, and host limits hold across drafts.
        let session = offline ? nil : LinkCheckSession()
        let workspace: Workspace
        do throws(NewsletterError) {
            workspace = try Workspace(options: draftOptions, progress: progress, session: session)
        } catch {
            Terminal.writeError(VisibleText.describe(error) + "\n")
            throw ExitStatus.inputError
        }
        let (files, failures) = DraftFinder(formats: workspace.formats).drafts(in: paths)
        let outcomes = await DraftChecking(workspace: workspace, offline: offline).check(files)
        let sessionNotices = await session?.finish() ?? []
        progress?.finish()
        for notice in sessionNotices { Terminal.writeError("warning: \(notice.message)\n") }

        var problems: [ReportedProblem] = []
        var checkedCount = 0
        var inputErrors = failures
        for outcome in outcomes {
            switch outcome {
            case .checked(let draft, let diagnostics):
                checkedCount += 1
                problems += diagnostics.map { ReportedProblem(file: draft.path, diagnostic: $0, source: draft.source) }
            case .failed(let error):
                inputErrors.append(error)
            }
        }
        // Standard error names every input error whatever the format; the machine-readable formats carry them too.
        for error in inputErrors { Terminal.writeError(VisibleText.describe(error) + "\n") }

        switch output {
        case .text:
            let reporter = TextReporter(colors: Terminal.colorsOnStandardOutput)
            Terminal.write(reporter.render(problems))
            Terminal.write(reporter.summary(problems, fileCount: checkedCount) + "\n")
        case .json:
            Terminal.write(try JSONReporter().render(problems, inputErrors: inputErrors))
        case .sarif:
            let reporter = SARIFReporter(toolVersion: EditorialCheck.version, rules: workspace.rules.descriptions)
            Terminal.write(try reporter.render(problems, inputErrors: inputErrors))
        case .github:
            Terminal.write(GitHubReporter().render(problems, inputErrors: inputErrors))
        }

        if !inputErrors.isEmpty { throw ExitStatus.inputError }
        let failing: Severity = strict ? .warning : .error
        if problems.contains(where: { $0.diagnostic.severity >= failing }) { throw ExitStatus.problemsFound }
    }
}
