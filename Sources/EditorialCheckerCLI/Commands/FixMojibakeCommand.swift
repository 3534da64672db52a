import ArgumentParser
import DiagnosticReporting
import Foundation
import MojibakeRepair
import NewsletterCore

/// `fix-mojibake`: a pure text filter, like ftfy's command: repaired text on standard output, every byte
/// outside the repaired spans unchanged. Works on any text, whatever its format.
///
/// Built for throughput, as a filter: the input is read in pieces of a few hundred kilobytes of whole lines into a few
/// buffers that go round, each piece checked as UTF-8 and repaired on a worker thread while the next is read, and
/// written as soon as it and those before it are done (a piece without mojibake straight from the buffer it was read
/// into). Memory stays that of a few pieces whatever the input's size. Input that is not UTF-8 stops the filter at
/// the line holding the first bad byte: the lines before it are written, then the error names the line and column,
/// as `iconv` does.
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
        let shownPath = name ?? "<stdin>"
        do throws(NewsletterError) {
            // Read, not mapped: a mapped file that another program shortens meanwhile would crash the process.
            let descriptor = try name.map { name throws(NewsletterError) in try InputFile.open(name, allowStreams: true) } ?? STDIN_FILENO
            defer { if name != nil { close(descriptor) } }
            try Mojibake.repair(
                reading: { space throws(NewsletterError) in try InputFile.readSome(descriptor, into: space, path: shownPath) },
                path: shownPath, includeGuesses: includeGuesses, threads: EditorialCheck.threads
            ) { repaired, piece throws(NewsletterError) in
                try Terminal.writeOutput(repaired)
                if verbose, !piece.edits.isEmpty { Terminal.writeError(listing(piece, path: shownPath)) }
            }
        } catch {
            Terminal.writeError(VisibleText.describe(error) + "\n")
            throw ExitStatus.inputError
        }
    }

    /// The `--verbose` lines of a piece's edits: position and explanation.
    private func listing(_ piece: Mojibake.ReadPiece, path: String) -> String {
        var locator = LineLocator(piece.original, firstLine: piece.firstLine)
        var lines = ""
        for span in piece.edits {
            let (line, column) = locator.position(of: span.utf8Range.lowerBound)
            lines += VisibleText.escaping("\(path):\(line):\(column): \(span.explanation)") + "\n"
        }
        return lines
    }
}

/// Lines and columns of increasing offsets in one pass over the text, counted as `SourceText` counts them
/// (a line ends at `\n`, `\r\n` or a lone `\r`; columns in Unicode scalars), without building its line index.
private struct LineLocator {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var scanned = 0
    private var line: Int
    private var lineStart = 0

    /// - Parameter firstLine: the number of the line `bytes` starts with.
    init(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) {
        self.bytes = bytes
        line = firstLine
    }

    /// The 1-based line and column of `offset`, which is not before the last offset asked for.
    mutating func position(of offset: Int) -> (line: Int, column: Int) {
        while scanned < offset {
            let byte = bytes[scanned]
            scanned += 1
            // A `\r` before a `\n` leaves the line ending to the `\n`.
            if byte == 0x0A || byte == 0x0D && (scanned == bytes.count || bytes[scanned] != 0x0A) {
                line += 1
                lineStart = scanned
            }
        }
        return (line, SourceText.scalarCount(in: bytes, lineStart..<offset) + 1)
    }
}
