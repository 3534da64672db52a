import ArgumentParser
import DiagnosticReporting
import Foundation
import MojibakeRepair
import NewsletterCore

/// `fix-mojibake`: a pure text filter, like ftfy's command: repaired text on standard output, every byte
/// outside the repaired spans unchanged. Works on any text, whatever its format.
///
/// Built for throughput: the input is read into one buffer, checked as UTF-8 in place, and repaired in
/// pieces on every processor; each piece is written as soon as it and those before it are done, a piece without
/// mojibake straight from the input's own memory. Nothing is written for input that is not UTF-8.
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
            let (input, checked) = try Self.read(descriptor, path: shownPath)
            let outcome = input.withUnsafeBytes { bytes in Result { () throws(NewsletterError) in
                var edits: [MojibakeSpan] = []
                var writeError: NewsletterError?
                let write = { (repaired: UnsafeRawBufferPointer, pieceEdits: [MojibakeSpan]) in
                    guard writeError == nil else { return }
                    do throws(NewsletterError) {
                        try Terminal.writeOutput(repaired)
                    } catch {
                        writeError = error
                    }
                    if verbose { edits += pieceEdits }
                }
                if let checked {
                    Mojibake.repair(checked, in: bytes, includeGuesses: includeGuesses, threads: EditorialCheck.threads, writing: write)
                } else {
                    try Mojibake.repair(
                        utf8: bytes, path: shownPath, includeGuesses: includeGuesses,
                        parallelism: .concurrent(threads: EditorialCheck.threads), writing: write
                    )
                }
                if let writeError { throw writeError }
                guard verbose else { return }
                var locator = LineLocator(bytes.assumingMemoryBound(to: UInt8.self))
                for span in edits {
                    let (line, column) = locator.position(of: span.utf8Range.lowerBound)
                    Terminal.writeError(VisibleText.escaping("\(shownPath):\(line):\(column): \(span.explanation)") + "\n")
                }
            } }
            try outcome.get()
        } catch {
            Terminal.writeError(VisibleText.describe(error) + "\n")
            throw ExitStatus.inputError
        }
    }
}

extension FixMojibakeCommand {
    /// The whole input. A regular file, whose size is known, is checked to be UTF-8 piece by piece while the rest is
    /// read (the checked pieces come with it); a stream, or a file that grows while read, is read first and checked
    /// by the repair.
    private static func read(_ descriptor: Int32, path: String) throws(NewsletterError) -> (Data, Mojibake.CheckedInput?) {
        guard let size = InputFile.expectedSize(of: descriptor) else { return (try InputFile.read(descriptor, path: path), nil) }
        var data = InputFile.buffer(count: size + 1)
        let checked = try data.withUnsafeMutableBytes { buffer in
            Result { () throws(NewsletterError) in
                try Mojibake.readChecking(into: buffer, path: path, threads: EditorialCheck.threads) { space throws(NewsletterError) in
                    try InputFile.readSome(descriptor, into: space, path: path)
                }
            }
        }.get()
        guard checked.reachedEnd else { return (try InputFile.read(descriptor, path: path, after: data, count: checked.count), nil) }
        data.count = checked.count
        return (data, checked)
    }
}

/// Lines and columns of increasing offsets in one pass over the text, counted as `SourceText` counts them
/// (a line ends at `\n`, `\r\n` or a lone `\r`; columns in Unicode scalars), without building its line index.
private struct LineLocator {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var scanned = 0
    private var line = 1
    private var lineStart = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
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
