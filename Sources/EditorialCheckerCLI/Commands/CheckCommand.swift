import ArgumentParser
import DiagnosticReporting
import EditorialChecks
import Foundation
import LinkChecker
import NewsletterCore

/// `check`: report every problem in the drafts, in a stable order, checking files in parallel and writing each
/// file's problems as soon as it and the files before it are done.
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

    @Flag(help: "Treat warnings as errors for the exit status, and unknown rule ids in a configuration as errors.")
    var strict = false

    @Option(help: "Report format: text, json, sarif or github.")
    var output: ReportFormat = .text

    func run() async throws {
        let progress = offline ? nil : ProgressBar()
        // One session for every draft: each unique URL is requested once per run, and host limits hold across drafts.
        let session = offline ? nil : LinkCheckSession()
        let workspace: Workspace
        do throws(NewsletterError) {
            workspace = try Workspace(options: draftOptions, strict: strict, progress: progress, session: session)
        } catch {
            Terminal.writeError(VisibleText.describe(error) + "\n")
            throw ExitStatus.inputError
        }
        let (files, failures) = DraftFinder(formats: workspace.formats).drafts(in: paths)

        var report: any DiagnosticReporter = switch output {
        case .text: TextReporter(colors: Terminal.colorsOnStandardOutput)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(
            toolName: EditorialCheckTool.running.commandName,
            toolVersion: EditorialCheckTool.running.version,
            rules: workspace.knownRules
        )
        case .github: GitHubReporter()
        }
        // The progress bar shares the terminal: it is cleared before each piece of the report.
        let standardOutput = ReportOutput.writingBytes { bytes in
            if let progress { progress.clearing { Terminal.write(bytes) } } else { Terminal.write(bytes) }
        }
        var tally = ProblemTally()
        var inputErrors: [NewsletterError] = []
        var reportFailure: (any Error)?
        func record(_ error: NewsletterError) {
            // Standard error names every input error whatever the format; the machine-readable formats carry them too.
            standardOutput.flush()
            Terminal.writeError(VisibleText.describe(error) + "\n")
            inputErrors.append(error)
            report.add(inputError: error, into: standardOutput)
        }

        try report.begin(into: standardOutput)
        for failure in failures { record(failure) }
        await DraftChecking(workspace: workspace, offline: offline).check(files) { outcome in
            switch outcome {
            case .checked(let path, let source, let diagnostics):
                tally.count(diagnostics.counts)
                guard reportFailure == nil else { return }
                do {
                    try report.add(CheckedFile(path: path, source: source, store: diagnostics), into: standardOutput)
                } catch {
                    reportFailure = error
                }
            case .failed(let error):
                record(error)
            }
        }
        if let reportFailure { throw reportFailure }
        let sessionNotices = await session?.finish() ?? []
        progress?.finish()
        for notice in sessionNotices { Terminal.writeError("warning: \(notice.message)\n") }
        for warning in workspace.configurationWarnings { report.add(configurationWarning: warning, into: standardOutput) }
        try report.end(tally, into: standardOutput)
        standardOutput.flush()

        if !inputErrors.isEmpty { throw ExitStatus.inputError }
        let failing: Severity = strict ? .warning : .error
        if tally.contains(atLeast: failing) { throw ExitStatus.problemsFound }
    }
}
