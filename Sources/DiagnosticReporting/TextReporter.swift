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
        // Written as bytes into the output's own buffer, straight from the stored diagnostics' bytes: no string is
        // made per problem.
        let path = Array(VisibleText.escaping(file.path).utf8)
        let store = file.store
        for position in store.indices {
            store.withStored(at: position) { problem in
                output.append { render(problem, path: path, source: file.source, shownLine: &shownLine, into: &$0) }
            }
        }
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
        /// and the underline are placed from the columns alone, and a window is cut from the offsets alone.
        var isPrintableASCII: Bool
    }

    /// One diagnostic of the file at `path` as the report shows it, lines ending in line feeds: the location line,
    /// the source line (or a window of it), the underline, and the fix when there is one.
    public func render(_ diagnostic: Diagnostic, file path: String, source: SourceText) -> String {
        var shownLine: ShownLine?
        var bytes: [UInt8] = []
        StoredDiagnostic.with(diagnostic) { problem in
            render(problem, path: Array(VisibleText.escaping(path).utf8), source: source, shownLine: &shownLine, into: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    package func render(_ problem: ReportedProblem) -> String {
        render(problem.diagnostic, file: problem.file, source: problem.source)
    }

    private func render(
        _ problem: StoredDiagnostic, path: [UInt8], source: SourceText, shownLine: inout ShownLine?, into out: inout [UInt8]
    ) {
        let start = problem.range.start
        paint("1", into: &out) { out in
            out.append(contentsOf: path)
            out.append(UInt8(ascii: ":"))
            out.append(decimal: start.line)
            out.append(UInt8(ascii: ":"))
            out.append(decimal: start.column)
            out.append(UInt8(ascii: ":"))
        }
        out.append(UInt8(ascii: " "))
        paint(problem.severity == .error ? "1;31" : problem.severity == .warning ? "1;33" : "1;36", into: &out) { out in
            out.append(contentsOf: problem.severity.rawValue.utf8)
        }
        out.append(literal: ": ")
        VisibleText.append(problem.message, to: &out)
        out.append(literal: " [")
        out.append(contentsOf: problem.ruleID.utf8)
        out.append(literal: "]\n")
        appendExcerpt(problem.range, source: source, shownLine: &shownLine, to: &out)
        if let fix = problem.fix {
            out.append(literal: "  ")
            paint("1;32", into: &out) { out in out.append(literal: fix.isSafe ? "fix" : "suggestion") }
            out.append(literal: ": ")
            VisibleText.append(fix.summary, to: &out)
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// The source line (or a window of it), a line feed, and the caret and underline under the problem's range.
    private func appendExcerpt(_ range: SourceRange, source: SourceText, shownLine: inout ShownLine?, to out: inout [UInt8]) {
        let start = range.start
        let end = range.end
        if shownLine?.number != start.line { shownLine = measure(source.lineText(start.line), number: start.line) }
        if let whole = shownLine?.whole, shownLine?.isPrintableASCII == true {
            // A cell per byte: the caret and underline are placed from the columns alone.
            let startIndex = min(max(start.column - 1, 0), whole.utf8.count)
            let endIndex = end.line == start.line ? min(max(end.column - 1, startIndex), whole.utf8.count) : whole.utf8.count
            out.append(contentsOf: whole.utf8)
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: startIndex))
            appendUnderline(width: max(endIndex - startIndex, 1), to: &out)
            return
        }
        let line = source.lineText(start.line)
        if let whole = shownLine?.whole {
            let excerpt = wholeLineExcerpt(line, whole: whole, range)
            out.append(contentsOf: excerpt.text.utf8)
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: excerpt.indent.utf8)
            appendUnderline(width: excerpt.underlineWidth, to: &out)
            return
        }
        // A window of the line around the problem, found from its byte offsets without reading the rest of the line.
        let lineOffsets = source.lineOffsets(start.line)
        let lower = min(max(start.offset, lineOffsets.lowerBound), lineOffsets.upperBound)
        let upper = end.line == start.line ? min(max(end.offset, lower), lineOffsets.upperBound) : lineOffsets.upperBound
        if shownLine?.isPrintableASCII == true {
            appendASCIIWindow(of: line, lineStart: lineOffsets.lowerBound, range: lower..<upper, to: &out)
            return
        }
        let slice = source.slice(lower..<upper)
        let underline = LineExcerpt.write(line: line, range: slice.startIndex..<slice.endIndex, width: width, into: &out)
        appendUnderline(width: underline, to: &out)
    }

    /// The window ``LineExcerpt`` shows of a line of printable ASCII throughout (a cell per byte, nothing escaped), cut
    /// from the offsets: a line of thousands of problems is not walked a window's width twice per problem.
    /// `range` is in the source's offsets, within the line, which starts at `lineStart`.
    private func appendASCIIWindow(of line: Substring, lineStart: Int, range: Range<Int>, to out: inout [UInt8]) {
        let marker = LineExcerpt.ellipsis.utf8.count
        let before = range.lowerBound - lineStart
        let after = line.utf8.count - before
        var leftCells = min(LineExcerpt.leadingContext, before)
        let leftMarker = leftCells < before ? marker : 0
        let rightCells = min(after, max(width - leftCells - leftMarker - marker, 1))
        if rightCells == after {
            // The line ends inside the window: the cells meant for what follows go to what precedes.
            leftCells = min(before, leftCells + max(width - rightCells - leftCells - leftMarker, 0))
        }
        let hasPrefix = leftCells < before
        if hasPrefix { out.append(contentsOf: LineExcerpt.ellipsis.utf8) }
        line.utf8.withContiguousStorageIfAvailable { bytes in
            out.append(contentsOf: bytes[(before - leftCells)..<(before + rightCells)])
        } ?? out.append(contentsOf: line.utf8.dropFirst(before - leftCells).prefix(leftCells + rightCells))
        if rightCells < after { out.append(contentsOf: LineExcerpt.ellipsis.utf8) }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (hasPrefix ? marker : 0) + leftCells))
        appendUnderline(width: max(min(range.count, rightCells), 1), to: &out)
    }

    /// The caret and the `~` after it, `width` cells in all, and a line feed.
    private func appendUnderline(width: Int, to out: inout [UInt8]) {
        paint("1;32", into: &out) { out in
            out.append(UInt8(ascii: "^"))
            out.append(contentsOf: repeatElement(UInt8(ascii: "~"), count: width - 1))
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// How line `number` is shown: whole and escaped when it fits the width, measured once for all its problems.
    private func measure(_ line: Substring, number: Int) -> ShownLine {
        // A line of more than 8 bytes per cell cannot be measured in time bounded by the width; it is windowed. So is
        // one with more printable ASCII characters than the width: each is a character of its own, a cell at least,
        // so the line is known too wide without forming its other characters.
        // Counted on the line's bytes in place (a slice of the shared source), not through string indices.
        let printableASCII = line.utf8.count > 8 * width ? Int.max
            : line.utf8.withContiguousStorageIfAvailable { $0.count { $0 >= 0x20 && $0 < 0x7F } } ?? line.utf8.count { $0 >= 0x20 && $0 < 0x7F }
        let shown = printableASCII <= width ? VisibleText.escaping(line) : nil
        let isPrintableASCII = shown != nil ? printableASCII == line.utf8.count
            : line.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } } ?? false
        return ShownLine(number: number, whole: shown.flatMap { DisplayWidth.fits($0, in: width) ? $0 : nil }, isPrintableASCII: isPrintableASCII)
    }

    /// The start line shown whole when it is short but holds more than printable ASCII, with the caret and underline
    /// measured from the problem's columns.
    private func wholeLineExcerpt(_ line: Substring, whole: String, _ range: SourceRange) -> LineExcerpt {
        let start = range.start
        let end = range.end
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

    /// `3 errors, 5 warnings, 2 fixable in 2 files`.
    public func summary(_ tally: ProblemTally) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var parts = [count(tally.errors, "error"), count(tally.warnings, "warning")]
        if tally.infos > 0 { parts.append(count(tally.infos, "info")) }
        return "\(parts.joined(separator: ", ")), \(tally.fixable) fixable in \(count(tally.checkedFiles, "file"))"
    }

    /// Appends what `write` appends, coloured with the ANSI code `code` when colours are on.
    private func paint(_ code: StaticString, into out: inout [UInt8], _ write: (inout [UInt8]) -> Void) {
        guard colors else { return write(&out) }
        out.append(literal: "\u{1B}[")
        out.append(literal: code)
        out.append(UInt8(ascii: "m"))
        write(&out)
        out.append(literal: "\u{1B}[0m")
    }
}
