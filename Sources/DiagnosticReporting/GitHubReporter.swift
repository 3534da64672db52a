import EditorialChecks
import Foundation
import NewsletterCore

/// `--output github`: GitHub Actions workflow commands, errors first because GitHub shows only a
/// limited number of annotations per step. Files that could not be read or decoded come first of all, as errors
/// titled `input-error`.
///
/// Input errors are written as they happen; problems wait for their place in three unnamed temporary files (errors,
/// warnings, notices), copied out in that order at the end, so that holding them back costs disk, not memory, and
/// the output is the one the whole report gave when it was built in memory.
public final class GitHubReporter: DiagnosticReporter {
    private var errors: Spool?
    private var warnings: Spool?
    private var notices: Spool?

    /// Creates a GitHub reporter.
    public init() {}

    /// Writes nothing: workflow commands have no opening.
    public func begin(into output: ReportOutput) {}

    /// Holds back each problem of `file` in its severity's temporary file.
    public func add(_ file: CheckedFile, into output: ReportOutput) throws {
        for problem in file.problems {
            let line = render(problem)
            switch problem.diagnostic.severity {
            case .error: try spool(\.errors).write(line)
            case .warning: try spool(\.warnings).write(line)
            case .info: try spool(\.notices).write(line)
            }
        }
    }

    /// Writes the error at once as an `::error` command titled `input-error`.
    public func add(inputError: NewsletterError, into output: ReportOutput) {
        output.write(render(inputError))
    }

    /// Writes the warning as a `warning` annotation titled `configuration-warning`, at once.
    public func add(configurationWarning: ConfigurationWarning, into output: ReportOutput) {
        output.write(render(configurationWarning.error, command: "warning", title: "configuration-warning"))
    }

    /// Writes the problems held back: errors, then warnings, then notices.
    public func end(_ tally: ProblemTally, into output: ReportOutput) throws {
        for spool in [errors, warnings, notices].compactMap(\.self) {
            try spool.copy(into: output)
        }
    }

    private func spool(_ keyPath: ReferenceWritableKeyPath<GitHubReporter, Spool?>) throws -> Spool {
        if let spool = self[keyPath: keyPath] { return spool }
        let spool = try Spool()
        self[keyPath: keyPath] = spool
        return spool
    }

    /// An unnamed temporary file (`tmpfile(3)`: removed by the system when closed or when the process ends).
    private final class Spool {
        private let file: UnsafeMutablePointer<FILE>

        init() throws {
            guard let file = tmpfile() else {
                throw NewsletterError(.io, "cannot create a temporary file for the report: \(String(cString: strerror(errno)))")
            }
            self.file = file
        }

        deinit { fclose(file) }

        func write(_ text: String) throws {
            var text = text
            let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
            guard written == text.utf8.count else {
                throw NewsletterError(.io, "cannot write the report's temporary file: \(String(cString: strerror(errno)))")
            }
        }

        func copy(into output: ReportOutput) throws {
            guard fflush(file) == 0 else {
                throw NewsletterError(.io, "cannot write the report's temporary file: \(String(cString: strerror(errno)))")
            }
            rewind(file)
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var carried: [UInt8] = []
            while true {
                let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
                if count == 0 { break }
                // Every command ends with a line feed: hand on whole lines, so that no character is cut in two.
                carried += buffer[..<count]
                guard let lastLineFeed = carried.lastIndex(of: 0x0A) else { continue }
                output.write(String(decoding: carried[...lastLineFeed], as: UTF8.self))
                carried.removeSubrange(...lastLineFeed)
            }
            output.write(String(decoding: carried, as: UTF8.self))
        }
    }

    private func render(_ problem: ReportedProblem) -> String {
        let diagnostic = problem.diagnostic
        let command = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
        let properties = [
            "file=\(Self.escapeProperty(problem.file))",
            "line=\(diagnostic.range.start.line)",
            "col=\(diagnostic.range.start.column)",
            "endLine=\(diagnostic.range.end.line)",
            "endColumn=\(diagnostic.range.end.column)",
            "title=\(Self.escapeProperty(diagnostic.ruleID))",
        ].joined(separator: ",")
        return "::\(command) \(properties)::\(Self.escapeData(VisibleText.escaping(diagnostic.message, keepingLineBreaks: true)))\n"
    }

    private func render(_ error: NewsletterError, command: String = "error", title: String = "input-error") -> String {
        var properties: [String] = []
        if let path = error.path { properties.append("file=\(Self.escapeProperty(path))") }
        if let location = error.location { properties += ["line=\(location.line)", "col=\(location.column)"] }
        properties.append("title=\(title)")
        return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(VisibleText.escaping(error.message, keepingLineBreaks: true)))\n"
    }

    package static func escapeData(_ text: String) -> String {
        escaping(text, colonAndComma: false)
    }

    package static func escapeProperty(_ text: String) -> String {
        escaping(text, colonAndComma: true)
    }

    /// `%`, CR and LF (and in property values `:` and `,`) as `%XX`, in one pass over the scalars.
    private static func escaping(_ text: String, colonAndComma: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where colonAndComma: result += "%3A"
            case "," where colonAndComma: result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
