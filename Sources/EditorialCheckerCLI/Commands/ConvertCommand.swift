import ArgumentParser
import DiagnosticReporting
import Foundation
import NewsletterCore

/// `convert`: read a draft in one format and write it in another, saying what the target cannot hold.
struct ConvertCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "convert",
            abstract: "Convert a draft to another format (\(EditorialCheckTool.running.formats.identifiers.joined(separator: ", "))).",
            discussion: "Fields the target format cannot hold are listed as warnings on standard error."
        )
    }

    @Argument(help: "The draft to convert; - reads standard input.")
    var path: String

    @Option(help: "The target format.")
    var to: String

    @Option(name: .customLong("format-in"), help: "The format of the input; detected when omitted.")
    var formatIn: String?

    @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
    var outputPath: String?

    func run() async throws {
        // Parsed from nothing rather than `DraftOptions()`, whose unparsed property wrappers trap when read.
        var options = try DraftOptions.parse([])
        options.formatIn = formatIn
        do throws(NewsletterError) {
            let workspace = try Workspace(options: options)
            // Only the issue is kept: the syntax tree and the rest of what decoding made are let go before the
            // target's text (and, for Markdown, the reading back of it) needs memory of its own.
            let (issue, draftPath) = try { () throws(NewsletterError) in
                let draft = try workspace.read(DraftFinder.Found(path: path, isNamed: true))
                return (draft.issue, draft.path)
            }()
            let adapter = try workspace.formats.adapter(identifier: to)
            // Written as it is produced: the target's text can be many times the draft (see `EncodedTextOutput`).
            let warnings: [ConversionWarning]
            var notes: [String] = []
            if let outputPath {
                var warned: [ConversionWarning] = []
                notes = try AtomicFileWriter.create(outputPath) { output throws(NewsletterError) in
                    warned = try adapter.encode(issue, to: &output)
                }
                warnings = warned
            } else {
                var output = Terminal.Output()
                warnings = try adapter.encode(issue, to: &output)
            }
            for warning in warnings {
                Terminal.writeError(VisibleText.escaping("\(draftPath): warning: \(to) cannot hold \(warning)") + "\n")
            }
            for note in notes {
                Terminal.writeError(VisibleText.escaping(note) + "\n")
            }
        } catch {
            Terminal.writeError(VisibleText.describe(error) + "\n")
            throw ExitStatus.inputError
        }
    }
}
