import EditorialChecks
import NewsletterCore

/// Compiler-style text: `path:line:col: error: message [rule-id]`, the source line, an underline under the
/// exact range (measured in terminal cells, so it sits right after emoji and wide characters), and the fix.
/// Draft text (paths, messages, the source line, fixes) is printed through ``VisibleText``, so that control
/// characters in a draft show as `\u{1B}` instead of driving the terminal. A line longer than
/// ``width`` cells (120 unless set) is shown as a window around the problem, with `...` where the line goes on.
///
/// Problems are written as their file finishes, and the summary (`3 errors, 5 warnings, 2 fixable in 2 files`) comes
/// last. Input errors are not part of this format: a tool writes them on standard error with
/// ``VisibleText/describe(_:)``.
///
/// ```swift
/// let text = TextReporter().render(diagnostic, file: "issue-12.md", source: source)
/// ```
public struct TextReporter: DiagnosticReporter, Sendable {
    /// Whether severities, locations and underlines are coloured with ANSI escapes (for a terminal).
    public var colors: Bool
    /// The widest source line shown whole, in terminal cells; a wider one is shown as a window around the problem.
    public var width: Int

    /// Creates a text reporter; `width` is the widest line shown whole (120 cells unless given).
    public init(colors: Bool = false, width: Int = 120) {
        self.colors = colors
        self.width = width
    }

    /// Writes nothing: text has no opening.
    public func begin(into output: ReportOutput) {}

    /// Writes each problem of `file`: location, severity, message and rule, the source line, the underline, the fix.
    public func add(_ file: CheckedFile, into output: ReportOutput) {
        var shownLine: ShownLine?
        // The problems are written into one string handed on every 64 KiB, with no string of its own per problem.
        var text = ""
        for problem in file.problems {
            render(problem, shownLine: &shownLine, into: &text)
            if text.utf8.count >= 64 * 1024 {
                output.write(text)
                text = ""
            }
        }
        if !text.isEmpty { output.write(text) }
    }

    /// Writes nothing: input errors go to standard error, written by the tool.
    public func add(inputError: NewsletterError, into output: ReportOutput) {}

    /// Writes nothing: a tool prints configuration warnings on standard error when it reads the configuration, as
    /// for every format.
    public func add(configurationWarning: ConfigurationWarning, into output: ReportOutput) {}

    /// Writes the summary line.
    public func end(_ tally: ProblemTally, into output: ReportOutput) {
        output.write(summary(tally) + "\n")
    }

    /// The last start line measured, escaped when it is shown whole: problems come sorted, so the problems of one
    /// line measure it once.
    private struct ShownLine {
        var number: Int
        var whole: String?
        /// Whether the line is printable ASCII throughout: a cell per character, nothing escaped, so that the caret
        /// and the underline are placed from the columns alone.
        var isPrintableASCII: Bool
    }

    /// One diagnostic of the file at `path` as the report shows it, lines ending in line feeds: the location line,
    /// the source line (or a window of it), the underline, and the fix when there is one.
    public func render(_ diagnostic: Diagnostic, file path: String, source: SourceText) -> String {
        render(ReportedProblem(file: path, diagnostic: diagnostic, source: source))
    }

    package func render(_ problem: ReportedProblem) -> String {
        var shownLine: ShownLine?
        var text = ""
        render(problem, shownLine: &shownLine, into: &text)
        return text
    }

    private func render(_ problem: ReportedProblem, shownLine: inout ShownLine?, into text: inout String) {
        let diagnostic = problem.diagnostic
        let start = diagnostic.range.start
        paint("1", into: &text) { text in
            text += VisibleText.escaping(problem.file)
            text += ":"
            text += String(start.line)
            text += ":"
            text += String(start.column)
            text += ":"
        }
        text += " "
        paint(diagnostic.severity == .error ? "1;31" : diagnostic.severity == .warning ? "1;33" : "1;36", into: &text) { text in
            text += diagnostic.severity.rawValue
        }
        text += ": "
        text += VisibleText.escaping(diagnostic.message)
        text += " ["
        text += diagnostic.ruleID
        text += "]\n"
        let excerpt = self.excerpt(problem, shownLine: &shownLine)
        text += excerpt.text
        text += "\n"
        text += excerpt.indent
        paint("1;32", into: &text) { text in
            text += "^"
            text += ASCIIRun.of("~", count: excerpt.underlineWidth - 1)
        }
        text += "\n"
        if let fix = diagnostic.fix {
            text += "  "
            paint("1;32", into: &text) { text in text += fix.safety == .safe ? "fix" : "suggestion" }
            text += ": "
            text += VisibleText.escaping(fix.summary)
            text += "\n"
        }
    }

    /// The start line whole when it is short, measured from the problem's columns; otherwise a window of it around
    /// the problem, found from its byte offsets without reading the rest of the line.
    private func excerpt(_ problem: ReportedProblem, shownLine: inout ShownLine?) -> LineExcerpt {
        let start = problem.diagnostic.range.start
        let end = problem.diagnostic.range.end
        let lineOffsets = problem.source.lineOffsets(start.line)
        let line = problem.sourceLine
        if shownLine?.number != start.line {
            // A line of more than 8 bytes per cell cannot be measured in time bounded by the width; it is windowed. So
            // is one with more printable ASCII characters than the width: each is a character of its own, a cell at
            // least, so the line is known too wide without forming its other characters.
            // Counted on the line's bytes in place (a slice of the shared source), not through string indices.
            let printableASCII = lineOffsets.count > 8 * width ? Int.max
                : line.utf8.withContiguousStorageIfAvailable { $0.count { $0 >= 0x20 && $0 < 0x7F } } ?? line.utf8.count { $0 >= 0x20 && $0 < 0x7F }
            let fits = printableASCII <= width
            let shown = fits ? VisibleText.escaping(line) : nil
            shownLine = ShownLine(
                number: start.line, whole: shown.flatMap { DisplayWidth.fits($0, in: width) ? $0 : nil },
                isPrintableASCII: shown != nil && printableASCII == line.utf8.count
            )
        }
        if let whole = shownLine?.whole, shownLine?.isPrintableASCII == true {
            let startIndex = min(max(start.column - 1, 0), whole.utf8.count)
            let endIndex = end.line == start.line ? min(max(end.column - 1, startIndex), whole.utf8.count) : whole.utf8.count
            return LineExcerpt(text: whole, indent: ASCIIRun.of(" ", count: startIndex), underlineWidth: max(endIndex - startIndex, 1))
        }
        if let whole = shownLine?.whole {
            // Columns count scalars; the slices are taken from the line itself, with no copy of its scalars.
            let scalars = line.unicodeScalars
            let startColumn = max(start.column - 1, 0)
            let startIndex = scalars.index(scalars.startIndex, offsetBy: startColumn, limitedBy: scalars.endIndex) ?? scalars.endIndex
            let endIndex = end.line == start.line
                ? scalars.index(startIndex, offsetBy: max(end.column - 1 - startColumn, 0), limitedBy: scalars.endIndex) ?? scalars.endIndex
                : scalars.endIndex
            // Escaped characters take the width of their escape, so the underline is measured on the escaped text.
            let before = VisibleText.escaping(Substring(scalars[..<startIndex]))
            let covered = VisibleText.escaping(Substring(scalars[startIndex..<endIndex]))
            return LineExcerpt(text: whole, indent: DisplayWidth.indent(under: before), underlineWidth: max(DisplayWidth.of(covered), 1))
        }
        let lower = min(max(start.offset, lineOffsets.lowerBound), lineOffsets.upperBound)
        let upper = end.line == start.line ? min(max(end.offset, lower), lineOffsets.upperBound) : lineOffsets.upperBound
        let range = problem.source.slice(lower..<upper)
        return LineExcerpt(line: line, range: range.startIndex..<range.endIndex, width: width)
    }

    /// `3 errors, 5 warnings, 2 fixable in 2 files`.
    public func summary(_ tally: ProblemTally) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var parts = [count(tally.errors, "error"), count(tally.warnings, "warning")]
        if tally.infos > 0 { parts.append(count(tally.infos, "info")) }
        return "\(parts.joined(separator: ", ")), \(tally.fixable) fixable in \(count(tally.checkedFiles, "file"))"
    }

    /// Appends what `write` appends, coloured with the ANSI code `code` when colours are on.
    private func paint(_ code: String, into text: inout String, _ write: (inout String) -> Void) {
        guard colors else { return write(&text) }
        text += "\u{1B}[\(code)m"
        write(&text)
        text += "\u{1B}[0m"
    }
}
