import ArgumentParser
import DiagnosticReporting
import EditorialChecks
import Foundation
import NewsletterCore

/// `fix`: apply safe fixes in place, atomically, and say what changed; `--dry-run` shows a diff instead.
struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply safe fixes (mojibake and the other safe ones) to drafts in place.",
        discussion: """
            Files are replaced atomically (a temporary file in the same folder, then a rename) with their \
            permissions, owner and group kept, and never when the file changed since it was read or is read-only. With - the fixed draft goes \
            to standard output. Exits 1 when errors remain after fixing.
            """
    )

    /// About how many bytes of the report of applied fixes are written at a time.
    static let reportPieceSize = 1 << 16

    @Argument(help: "Draft files or folders; - reads standard input and writes the result to standard output.")
    var paths: [String] = ["."]

    @OptionGroup var draftOptions: DraftOptions

    @Flag(help: "Print a unified diff of the changes instead of writing files.")
    var dryRun = false

    @Flag(help: "Also apply suggested fixes, such as mojibake repairs that are a best guess among candidates.")
    var includeGuesses = false

    @Flag(help: "Treat unknown rule ids in a configuration as errors instead of warnings.")
    var strict = false

    func run() async throws {
        let workspace: Workspace
        do throws(NewsletterError) {
            workspace = try Workspace(options: draftOptions, strict: strict)
        } catch {
            Terminal.writeError(VisibleText.describe(error) + "\n")
            throw ExitStatus.inputError
        }
        let (files, failures) = DraftFinder(formats: workspace.formats).drafts(in: paths)
        var inputErrors = failures
        var errorsRemain = false
        for file in files {
            do throws(NewsletterError) {
                errorsRemain = try fix(file, workspace: workspace) || errorsRemain
            } catch {
                inputErrors.append(error)
            }
        }
        for error in inputErrors { Terminal.writeError(VisibleText.describe(error) + "\n") }
        if !inputErrors.isEmpty { throw ExitStatus.inputError }
        if errorsRemain { throw ExitStatus.problemsFound }
    }

    /// Fixes one draft; returns whether errors remain in it.
    private func fix(_ file: DraftFinder.Found, workspace: Workspace) throws(NewsletterError) -> Bool {
        let path = file.path
        if path != "-", case .stream(let what)? = try? InputFile.kind(of: path) {
            throw NewsletterError(.io, "not a regular file (\(what)): fix replaces files in place; pipe a stream through `fix -` instead", path: path)
        }
        // The file's bytes are let go once decoded: the snapshot keeps their size and hash, to compare before writing.
        let (snapshot, data): (AtomicFileWriter.Snapshot?, Data) = if path == "-" {
            (nil, try InputFile.read(STDIN_FILENO, path: "<stdin>"))
        } else {
            try AtomicFileWriter.Snapshot.read(path: path)
        }
        let draft = try workspace.decode(SourceText(data: consume data, path: path == "-" ? "<stdin>" : path), path: path)
        let (source, format) = (draft.source, draft.format)
        // The decoded draft and the text are handed on, not kept: the fix's first pass checks the draft, and both are
        // gone before the next pass decodes the fixed text. Only a dry run's diff needs the text as it was.
        let decoded = (consume draft).decoded
        let original = dryRun ? source.text : nil
        let result = try workspace.checker(forDraftAt: path).fixStored(
            consume source,
            format: format,
            minimumSafety: includeGuesses ? .suggestion : .safe,
            decoded: consume decoded,
            keepingAppliedInFull: false,
            decode: { source throws(NewsletterError) in try workspace.formats.decodeDraft(source, format: format).draft }
        )
        let errorsRemain = result.remaining.counts.errors > 0
        guard let snapshot else {
            Terminal.write(result.text)
            return errorsRemain
        }
        guard !result.applied.isEmpty else { return errorsRemain }

        if let original {
            Terminal.write(UnifiedDiff(oldName: "a/\(path)", newName: "b/\(path)").render(old: original, new: result.text))
            return errorsRemain
        }
        let notes = try AtomicFileWriter.replace(path, with: result.text, expecting: snapshot)
        let count = result.applied.count
        // Written a piece at a time: a draft with millions of fixes would hold its whole report, and again escaped.
        var report = "\(path): applied \(count) fix\(count == 1 ? "" : "es")\n"
        for diagnostic in result.applied {
            let start = diagnostic.range.start
            report += "  \(start.line):\(start.column): \(diagnostic.fix?.summary ?? "") [\(diagnostic.ruleID)]\n"
            if report.utf8.count >= Self.reportPieceSize {
                Terminal.write(VisibleText.escaping(report, keepingLineBreaks: true))
                report = ""
            }
        }
        Terminal.write(VisibleText.escaping(report, keepingLineBreaks: true))
        for note in notes { Terminal.writeError(VisibleText.escaping(note) + "\n") }
        return errorsRemain
    }
}
