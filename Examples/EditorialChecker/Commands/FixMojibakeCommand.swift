import ArgumentParser
import Foundation
import MojibakeRepair
import NewsletterCore

/// `fix-mojibake`: a pure text filter, like ftfy's command: repaired text on standard output, every byte
/// outside the repaired spans unchanged. Works on any text, whatever its format.
struct FixMojibakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix-mojibake",
        abstract: "Repair mojibake in text: a file, or standard input when no path is given, to standard output."
    )

    @Argument(help: "The file to repair; standard input when omitted or -.")
    var path: String?

    @Flag(help: "Also apply repairs that are a best guess among several candidates.")
    var includeGuesses = false

    @Flag(help: "List each repair on standard error.")
    var verbose = false

    func run() async throws {
        let name = path.flatMap { $0 == "-" ? nil : $0 }
        do throws(NewsletterError) {
            let data: Data
            if let name {
                data = try InputFile.contents(of: name, allowStreams: true)
            } else {
                data = try InputFile.read(STDIN_FILENO, path: "<stdin>")
            }
            let source = try SourceText(data: data, path: name ?? "<stdin>")
            let repaired = Mojibake.repair(
                source.text, includeGuesses: includeGuesses, parallelism: .concurrent(threads: EditorialCheck.threads)
            )
            Terminal.write(repaired.text)
            if verbose {
                for span in repaired.edits {
                    let start = source.location(atUTF8Offset: span.utf8Range.lowerBound)
                    Terminal.writeError(VisibleText.escaping("\(source.path ?? ""):\(start.line):\(start.column): \(span.explanation)") + "\n")
                }
            }
        } catch {
            Terminal.writeError(VisibleText.describe(error) + "\n")
            throw ExitStatus.inputError
        }
    }
}
