import EditorialChecks
import NewsletterCore

/// Compiler-style text: `path:line:col: error: message [rule-id]`, the source line, an underline under the
/// exact range (measured in terminal cells, so it sits right after emoji and wide characters), and the fix.
/// Draft text (paths, messages, the source line, fixes) is printed through ``VisibleText``, so that control
/// characters in a draft show as `\u{1B}` instead of driving the terminal. A line longer than
/// ``LineExcerpt/defaultWidth`` cells is shown as a window around the problem (``LineExcerpt``).
///
/// Problems are written as their file finishes; input errors go to standard error (the command writes them), and the
/// summary comes last.
struct TextReporter: StreamedReport {
    var colors: Bool
    var width = LineExcerpt.defaultWidth

    func begin(into output: ReportOutput) {}

    func add(_ file: CheckedFile, into output: ReportOutput) {
        var shownLine: ShownLine?
        for problem in file.problems { output.write(render(problem, shownLine: &shownLine)) }
    }

    func add(inputError: NewsletterError, into output: ReportOutput) {}

    /// Written on standard error when the configuration is read, as for every format.
    func add(configurationWarning: ConfigurationWarning, into output: ReportOutput) {}

    func end(_ tally: ProblemTally, into output: ReportOutput) {
        output.write(summary(tally) + "\n")
    }

    /// The last start line measured, escaped when it is shown whole: problems come sorted, so the problems of one
    /// line measure it once.
    private struct ShownLine {
        var number: Int
        var whole: String?
    }

    func render(_ problem: ReportedProblem) -> String {
        var shownLine: ShownLine?
        return render(problem, shownLine: &shownLine)
    }

    private func render(_ problem: ReportedProblem, shownLine: inout ShownLine?) -> String {
        let diagnostic = problem.diagnostic
        let start = diagnostic.range.start
        let end = diagnostic.range.end
        let label = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "1;31" : diagnostic.severity == .warning ? "1;33" : "1;36")
        let file = VisibleText.escaping(problem.file)
        var text = "\(paint("\(file):\(start.line):\(start.column):", "1")) \(label): \(VisibleText.escaping(diagnostic.message)) [\(diagnostic.ruleID)]\n"
        let excerpt = self.excerpt(problem, shownLine: &shownLine)
        text += "\(excerpt.text)\n\(excerpt.indent)\(paint("^" + String(repeating: "~", count: excerpt.underlineWidth - 1), "1;32"))\n"
        if let fix = diagnostic.fix {
            text += "  \(paint(fix.safety == .safe ? "fix" : "suggestion", "1;32")): \(VisibleText.escaping(fix.summary))\n"
        }
        return text
    }

    /// The start line whole when it is short, measured from the problem's columns; otherwise a window of it around
    /// the problem, found from its byte offsets without reading the rest of the line.
    private func excerpt(_ problem: ReportedProblem, shownLine: inout ShownLine?) -> LineExcerpt {
        let start = problem.diagnostic.range.start
        let end = problem.diagnostic.range.end
        let lineOffsets = problem.source.lineOffsets(start.line)
        let line = problem.sourceLine
        if shownLine?.number != start.line {
            // A line of more than 8 bytes per cell cannot be measured in time bounded by the width; it is windowed.
            let shown = lineOffsets.count <= 8 * width ? VisibleText.escaping(line) : nil
            shownLine = ShownLine(number: start.line, whole: shown.flatMap { DisplayWidth.of($0) <= width ? $0 : nil })
        }
        if let whole = shownLine?.whole {
            let scalars = Array(line.unicodeScalars)
            let startIndex = min(max(start.column - 1, 0), scalars.count)
            let endIndex = end.line == start.line
                ? min(max(end.column - 1, startIndex), scalars.count)
                : scalars.count
            // Escaped characters take the width of their escape, so the underline is measured on the escaped text.
            let before = VisibleText.escaping(String(String.UnicodeScalarView(scalars[..<startIndex])))
            let covered = VisibleText.escaping(String(String.UnicodeScalarView(scalars[startIndex..<endIndex])))
            return LineExcerpt(text: whole, indent: DisplayWidth.indent(under: before), underlineWidth: max(DisplayWidth.of(covered), 1))
        }
        let lower = min(max(start.offset, lineOffsets.lowerBound), lineOffsets.upperBound)
        let upper = end.line == start.line ? min(max(end.offset, lower), lineOffsets.upperBound) : lineOffsets.upperBound
        let range = problem.source.slice(lower..<upper)
        return LineExcerpt(line: line, range: range.startIndex..<range.endIndex, width: width)
    }

    /// `3 errors, 5 warnings, 2 fixable in 2 files`.
    func summary(_ tally: ProblemTally) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var parts = [count(tally.errors, "error"), count(tally.warnings, "warning")]
        if tally.infos > 0 { parts.append(count(tally.infos, "info")) }
        return "\(parts.joined(separator: ", ")), \(tally.fixable) fixable in \(count(tally.checkedFiles, "file"))"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
