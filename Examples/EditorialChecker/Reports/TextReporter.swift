/// Compiler-style text: `path:line:col: error: message [rule-id]`, the source line, an underline under the
/// exact range (measured in terminal cells, so it sits right after emoji and wide characters), and the fix.
/// Draft text (paths, messages, the source line, fixes) is printed through ``VisibleText``, so that control
/// characters in a draft show as `\u{1B}` instead of driving the terminal.
struct TextReporter {
    var colors: Bool

    func render(_ problems: [ReportedProblem]) -> String {
        problems.map(render).joined()
    }

    func render(_ problem: ReportedProblem) -> String {
        let diagnostic = problem.diagnostic
        let start = diagnostic.range.start
        let end = diagnostic.range.end
        let label = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "1;31" : diagnostic.severity == .warning ? "1;33" : "1;36")
        let file = VisibleText.escaping(problem.file)
        var text = "\(paint("\(file):\(start.line):\(start.column):", "1")) \(label): \(VisibleText.escaping(diagnostic.message)) [\(diagnostic.ruleID)]\n"
        do {
            let line = problem.sourceLine
            let scalars = Array(line.unicodeScalars)
            let startIndex = min(max(start.column - 1, 0), scalars.count)
            let endIndex = end.line == start.line
                ? min(max(end.column - 1, startIndex), scalars.count)
                : scalars.count
            // Escaped characters take the width of their escape, so the underline is measured on the escaped text.
            let before = VisibleText.escaping(String(String.UnicodeScalarView(scalars[..<startIndex])))
            let covered = VisibleText.escaping(String(String.UnicodeScalarView(scalars[startIndex..<endIndex])))
            let indent = before.map { $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of($0)) }.joined()
            let width = max(DisplayWidth.of(covered), 1)
            text += "\(VisibleText.escaping(line))\n\(indent)\(paint("^" + String(repeating: "~", count: width - 1), "1;32"))\n"
        }
        if let fix = diagnostic.fix {
            text += "  \(paint(fix.safety == .safe ? "fix" : "suggestion", "1;32")): \(VisibleText.escaping(fix.summary))\n"
        }
        return text
    }

    /// `3 errors, 5 warnings, 2 fixable in 2 files`.
    func summary(_ problems: [ReportedProblem], fileCount: Int) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let errors = problems.filter { $0.diagnostic.severity == .error }.count
        let warnings = problems.filter { $0.diagnostic.severity == .warning }.count
        let infos = problems.filter { $0.diagnostic.severity == .info }.count
        let fixable = problems.filter { $0.diagnostic.fix?.safety == .safe }.count
        var parts = [count(errors, "error"), count(warnings, "warning")]
        if infos > 0 { parts.append(count(infos, "info")) }
        return "\(parts.joined(separator: ", ")), \(fixable) fixable in \(count(fileCount, "file"))"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
