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
            let draft = try workspace.read(DraftFinder.Found(path: path, isNamed: true))
            let encoded = try workspace.formats.adapter(identifier: to).encode(draft.issue)
            for warning in encoded.warnings {
                Terminal.writeError(VisibleText.escaping("\(draft.path): warning: \(to) cannot hold \(warning)") + "\n")
            }
            guard let outputPath else {
                Terminal.write(encoded.text)
                return
            }
            for note in try AtomicFileWriter.create(outputPath, with: encoded.text) {
                Terminal.writeError(VisibleText.escaping(note) + "\n")
            }
        } catch {
            Terminal.writeError(VisibleText.describe(error) + "\n")
            throw ExitStatus.inputError
        }
    }
}
